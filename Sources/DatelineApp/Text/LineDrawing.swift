/// Box-drawing characters as the VT100 line-drawing set that curses calls ACS: one byte a character on any
/// terminal and in any locale, where UTF-8 takes three and a non-UTF-8 locale none at all.
public enum LineDrawing {
  /// The VT100 line-drawing letter (the key of curses' `acs_map`) for a box-drawing scalar; heavy, double,
  /// rounded and dashed forms fall back to the light line they look like.
  public static func acsCode(for value: UInt32) -> UInt8? {
    switch value {
    case 0x2500, 0x2501, 0x2550, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2574, 0x2576, 0x2578, 0x257A,
      0x257C, 0x257E:
      return UInt8(ascii: "q")
    case 0x2502, 0x2503, 0x2551, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2575, 0x2577, 0x2579, 0x257B,
      0x257D, 0x257F:
      return UInt8(ascii: "x")
    case 0x250C...0x250F, 0x2552...0x2554, 0x256D: return UInt8(ascii: "l")
    case 0x2510...0x2513, 0x2555...0x2557, 0x256E: return UInt8(ascii: "k")
    case 0x2514...0x2517, 0x2558...0x255A, 0x2570: return UInt8(ascii: "m")
    case 0x2518...0x251B, 0x255B...0x255D, 0x256F: return UInt8(ascii: "j")
    case 0x251C...0x2523, 0x255E...0x2560: return UInt8(ascii: "t")
    case 0x2524...0x252B, 0x2561...0x2563: return UInt8(ascii: "u")
    case 0x252C...0x2533, 0x2564...0x2566: return UInt8(ascii: "w")
    case 0x2534...0x253B, 0x2567...0x2569: return UInt8(ascii: "v")
    case 0x253C...0x254B, 0x256A...0x256C: return UInt8(ascii: "n")
    case 0x2571...0x2573: return UInt8(ascii: "a")  // diagonals: the checkerboard, the nearest there is
    default: return nil
    }
  }

  /// The ACS letter for the cell at `x` of `row`, when the terminal's line characters should draw it: always
  /// outside UTF-8 (nothing else shows a line there); in UTF-8 only inside a run of line characters, where the
  /// switch into and out of the line-drawing set (a few bytes) is paid once for many one-byte characters.
  public static func acsCode(at x: Int, of row: (Int) -> Cell, width: Int, repertoire: GlyphRepertoire) -> UInt8? {
    guard let code = code(of: row(x)) else { return nil }
    if repertoire == .ascii { return code }
    let left = x > 0 && self.code(of: row(x - 1)) != nil
    let right = x + 1 < width && self.code(of: row(x + 1)) != nil
    return left || right ? code : nil
  }

  private static func code(of cell: Cell) -> UInt8? {
    let scalars = cell.text.unicodeScalars
    guard cell.width == 1, scalars.count == 1, let only = scalars.first else { return nil }
    return acsCode(for: only.value)
  }
}
