/// One line of a capture after decoding and cleaning: its 1-based number in the input, its text with outer
/// white space trimmed, and how many Unicode scalars were trimmed from its start.
public struct InputLine: Sendable, Hashable {
  public var number: Int
  public var text: String
  public var column: Int

  public init(number: Int, text: String, column: Int = 0) {
    self.number = number
    self.text = text
    self.column = column
  }

  /// Splits decoded text into lines (LF, CRLF or a lone CR end a line), cleans each line and trims it.
  /// Blank lines are kept (with empty text) so that numbering matches the input.
  public static func split(_ text: String) -> [InputLine] {
    var lines: [InputLine] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var index = start
    var number = 1
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte == 0x0A || byte == 0x0D {
        lines.append(make(number: number, raw: text[start..<index]))
        number += 1
        var next = utf8.index(after: index)
        if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
        start = next
        index = next
      } else {
        index = utf8.index(after: index)
      }
    }
    if start < utf8.endIndex { lines.append(make(number: number, raw: text[start..<utf8.endIndex])) }
    return lines
  }

  private static func make(number: Int, raw: Substring) -> InputLine {
    let cleaned = TextSanitizer.clean(raw)
    let scalars = cleaned.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }) else {
      return InputLine(number: number, text: "", column: 0)
    }
    var last = scalars.index(before: scalars.endIndex)
    while isSpace(scalars[last]) { last = scalars.index(before: last) }
    let column = scalars.distance(from: scalars.startIndex, to: first)
    if column == 0 && last == scalars.index(before: scalars.endIndex) {
      return InputLine(number: number, text: cleaned, column: 0)
    }
    return InputLine(number: number, text: String(scalars[first...last]), column: column)
  }

  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\u{A0}" || scalar.properties.isWhitespace
  }
}
