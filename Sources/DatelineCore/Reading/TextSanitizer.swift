/// Removes what must never reach a terminal or a JSON consumer from one line of text: terminal escape
/// sequences, C0 and C1 control characters, bidirectional overrides and stray byte-order marks. Tabs become
/// spaces. Printable text, including emoji joiners and combining marks, is left alone.
public enum TextSanitizer {
  /// The cleaned line.
  public static func clean(_ line: Substring) -> String {
    // Fast path: most lines need nothing. Every character we remove is a byte < 0x20 or 0x7F, or starts with
    // 0xC2 (C1 controls), 0xE2 (bidi controls, line separators) or 0xEF (BOM); the bytes after those lead bytes
    // are checked too, so that dashes and quotes (also 0xE2…) keep a line on the fast path.
    guard Self.mayNeedWork(line.utf8) else { return String(line) }

    var result = String.UnicodeScalarView()
    let scalars = Array(line.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      let value = scalar.value
      if value == 0x1B {
        index = endOfEscapeSequence(scalars, from: index)
        continue
      }
      if value == 0x09 {
        result.append(" ")
      } else if value == 0x9B {
        index = endOfControlSequence(scalars, from: index + 1)  // C1 CSI: parameters and a final byte follow
        continue
      } else if !isRemoved(value) {
        result.append(scalar)
      }
      index += 1
    }
    return String(result)
  }

  /// Whether `bytes` hold anything `clean` removes or changes (a tab included).
  static func mayNeedWork(_ bytes: Substring.UTF8View) -> Bool {
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte < 0x20 || byte == 0x7F { return true }
      if byte == 0xC2 || byte == 0xE2 || byte == 0xEF {
        let second = bytes.index(after: index)
        let next = second < bytes.endIndex ? bytes[second] : 0
        let third = second < bytes.endIndex && bytes.index(after: second) < bytes.endIndex ? bytes[bytes.index(after: second)] : 0
        switch byte {
        case 0xC2: if (0x80...0x9F).contains(next) { return true }  // C1 controls
        case 0xE2:  // U+2028–U+202E, U+2066–U+2069
          if (next == 0x80 && (0xA8...0xAE).contains(third)) || (next == 0x81 && (0xA6...0xA9).contains(third)) {
            return true
          }
        default: if next == 0xBB && third == 0xBF { return true }  // U+FEFF
        }
      }
      index = bytes.index(after: index)
    }
    return false
  }

  /// Whether a scalar is a control or formatting character we drop.
  static func isRemoved(_ value: UInt32) -> Bool {
    value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFEFF || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value) || value == 0x2028 || value == 0x2029
  }

  /// Index just past an escape sequence starting at `start` (an ESC): CSI, OSC/DCS/APC/PM strings, or a
  /// two-character escape.
  private static func endOfEscapeSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    let next = start + 1
    guard next < scalars.count else { return next }
    switch scalars[next] {
    case "[": return endOfControlSequence(scalars, from: next + 1)
    case "]", "P", "_", "^", "X": return endOfControlString(scalars, from: next + 1)
    default:
      // ESC followed by intermediate bytes (0x20–0x2F) and one final byte.
      var index = next
      while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
      return min(index + 1, scalars.count)
    }
  }

  /// Past a CSI's parameter and intermediate bytes and its final byte (0x40–0x7E).
  private static func endOfControlSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
    if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { return index + 1 }
    return index
  }

  /// Past an OSC/DCS-style string, ended by BEL, ST (ESC \) or the C1 ST.
  private static func endOfControlString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count {
      let value = scalars[index].value
      if value == 0x07 || value == 0x9C { return index + 1 }
      if value == 0x1B { return index + 1 < scalars.count && scalars[index + 1] == "\\" ? index + 2 : index + 1 }
      index += 1
    }
    return index
  }
}
