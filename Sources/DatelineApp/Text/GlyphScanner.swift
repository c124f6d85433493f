/// Splits untrusted text into displayable glyphs: grapheme clusters measured by `DisplayWidth`, with control
/// characters and terminal escape sequences (CSI, OSC, DCS and two-byte ESC sequences) removed, so nothing from a
/// page can reach the terminal as a command.
public enum GlyphScanner {
  /// The glyphs of `text`, with scalar offsets into `text`, shaped for `repertoire`.
  public static func glyphs(of text: String, repertoire: GlyphRepertoire = .unicode) -> [Glyph] {
    var result: [Glyph] = []
    result.reserveCapacity(text.utf8.count)
    forEachGlyph(in: text[...], repertoire: repertoire) { result.append($0) }
    return result
  }

  /// Calls `body` with each glyph of `text` in order, without collecting them (a paragraph can be megabytes).
  /// Offsets count from `scalarBase` and `utf8Base`: pass a slice's position in its whole text to get offsets
  /// into the whole. Glyphs are shaped for `repertoire` (ASCII text is the same in every repertoire).
  public static func forEachGlyph(
    in text: Substring, scalarBase: Int = 0, utf8Base: Int = 0, repertoire: GlyphRepertoire = .unicode,
    _ body: (Glyph) -> Void
  ) {
    var offset = scalarBase
    var utf8Offset = utf8Base
    var escape = EscapeState.none
    let utf8 = text.utf8
    var index = text.startIndex
    while index < text.endIndex {
      let byte = utf8[index]
      if escape == .none, byte >= 0x20, byte < 0x7F {
        // Printable ASCII, most of any text: one column and nothing to filter, unless a combining mark (a
        // non-ASCII byte) follows and joins it into one grapheme.
        let next = utf8.index(after: index)
        if next == text.endIndex || utf8[next] < 0x80 {
          let character = Character(Unicode.Scalar(byte))
          body(
            Glyph(
              text: String(character), width: 1, scalarStart: offset, scalarLength: 1, utf8Start: utf8Offset,
              utf8Length: 1, isSpace: byte == 0x20))
          offset += 1
          utf8Offset += 1
          index = next
          continue
        }
      }
      let character = text[index]
      let scalars = character.unicodeScalars
      let count = scalars.count
      let start = utf8Offset
      let utf8Count = character.utf8.count
      offset += count
      utf8Offset += utf8Count
      index = utf8.index(index, offsetBy: utf8Count)
      guard let first = scalars.first else { continue }
      func glyph(_ text: String, width: UInt8, isSpace: Bool = false, isTab: Bool = false) -> Glyph {
        Glyph(
          text: text, width: width, scalarStart: offset - count, scalarLength: count, utf8Start: start,
          utf8Length: utf8Count, isSpace: isSpace, isTab: isTab)
      }
      if escape != .none {
        escape = escape.after(first)
        continue
      }
      let value = first.value
      if value == 0x1B { escape = .started; continue }
      if value == 0x9B { escape = .csi; continue }
      if value == 0x9D || value == 0x90 { escape = .string; continue }
      if value == 0x09 {
        body(glyph(" ", width: 1, isSpace: true, isTab: true))
        continue
      }
      if value == 0x0A || value == 0x0D || value == 0x0B || value == 0x0C || value == 0x20 {
        body(glyph(" ", width: 1, isSpace: true))
        continue
      }
      if value < 0x20 || (0x7F..<0xA0).contains(value) { continue }
      if isInvisible(value) { continue }
      let width = DisplayWidth.of(character)
      if width == 0 { continue }  // zero-width on its own (joiners, format characters): nothing to draw
      var drawn = String(character)
      if scalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) {
        drawn = String(String.UnicodeScalarView(scalars.filter { $0.value >= 0x20 && !(0x7F..<0xA0).contains($0.value) }))
        if drawn.isEmpty { continue }
      }
      // Combining marks start at U+0300; below that the category look-up (costly) cannot find one.
      if value >= 0x300 {
        let base = first.properties.generalCategory
        if base == .nonspacingMark || base == .enclosingMark { drawn = "\u{00A0}" + drawn }
      }
      body(repertoire.shape(glyph(drawn, width: UInt8(width))))
    }
  }

  /// Bidirectional controls and other invisible formatting that could reorder or hide text.
  static func isInvisible(_ value: UInt32) -> Bool {
    (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
      || value == 0xFEFF || value == 0x200B || value == 0x2028 || value == 0x2029
  }

  /// Where the scanner is inside an escape sequence.
  enum EscapeState: Equatable {
    case none
    case started  // after ESC
    case csi  // ESC [ ... final byte 0x40-0x7E
    case string  // ESC ] / ESC P ... BEL or ESC \
    case stringEscape  // ESC inside a string

    func after(_ scalar: Unicode.Scalar) -> EscapeState {
      let v = scalar.value
      switch self {
      case .none: return .none
      case .started:
        if v == 0x5B { return .csi }
        if v == 0x5D || v == 0x50 || v == 0x5F || v == 0x5E || v == 0x58 { return .string }
        if (0x20...0x2F).contains(v) { return .started }  // intermediate bytes, e.g. ESC ( B
        return .none
      case .csi:
        return (0x40...0x7E).contains(v) || v > 0x7F ? .none : .csi
      case .string:
        if v == 0x07 || v == 0x9C { return .none }
        return v == 0x1B ? .stringEscape : .string
      case .stringEscape:
        return v == 0x5C ? .none : .string
      }
    }
  }
}
