/// One line of a capture after decoding and cleaning: its 1-based number in the input, its text with outer
/// white space trimmed, and how many Unicode scalars were trimmed from its start.
public struct InputLine: Sendable, Hashable {
  public var number: Int
  public var text: String
  public var column: Int
  /// The line's form, for segmentation; measured once, when the line is made.
  let shape: LineShape

  public init(number: Int, text: String, column: Int = 0) {
    self.init(number: number, text: text, column: column, shape: LineShape(text))
  }

  init(number: Int, text: String, column: Int, shape: LineShape) {
    self.number = number
    self.text = text
    self.column = column
    self.shape = shape
  }

  /// Splits decoded text into lines (LF, CRLF or a lone CR end a line), cleans each line and trims it.
  /// Blank lines are kept (with empty text) so that numbering matches the input.
  public static func split(_ text: String) -> [InputLine] {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { buffer in split(buffer) } ?? []
  }

  /// The byte-level split: one pass to find line ends, one per line to check whether it needs cleaning.
  private static func split(_ buffer: UnsafeBufferPointer<UInt8>) -> [InputLine] {
    var lines: [InputLine] = []
    lines.reserveCapacity(buffer.count / 80 + 1)
    var start = 0
    var index = 0
    var number = 1
    let count = buffer.count
    while index < count {
      let byte = buffer[index]
      if byte == 0x0A || byte == 0x0D {
        lines.append(make(number: number, bytes: UnsafeBufferPointer(rebasing: buffer[start..<index])))
        number += 1
        index += byte == 0x0D && index + 1 < count && buffer[index + 1] == 0x0A ? 2 : 1
        start = index
      } else {
        index += 1
      }
    }
    if start < count { lines.append(make(number: number, bytes: UnsafeBufferPointer(rebasing: buffer[start..<count]))) }
    return lines
  }

  private static func make(number: Int, bytes: UnsafeBufferPointer<UInt8>) -> InputLine {
    var first = 0
    var end = bytes.count
    while first < end && bytes[first] == 0x20 { first += 1 }
    while end > first && bytes[end - 1] == 0x20 { end -= 1 }
    let trimmed = UnsafeBufferPointer(rebasing: bytes[first..<end])
    var needsCleaning = false
    let shape = LineShape(bytes: trimmed, needsCleaning: &needsCleaning)
    if needsCleaning { return make(number: number, raw: Substring(String(decoding: bytes, as: UTF8.self))) }
    let text = String(decoding: trimmed, as: UTF8.self)
    // A non-ASCII space at either end (no-break, ideographic…) is rare: trim it the slow way.
    if let head = trimmed.first, let tail = trimmed.last, head >= 0x80 || tail >= 0x80,
      let headScalar = text.unicodeScalars.first, let tailScalar = text.unicodeScalars.last,
      InputLine.isSpace(headScalar) || InputLine.isSpace(tailScalar)
    {
      let retrimmed = make(number: number, raw: Substring(text))
      return InputLine(number: number, text: retrimmed.text, column: first + retrimmed.column)
    }
    return InputLine(number: number, text: text, column: first, shape: shape)
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
    if scalar.value < 0x80 { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
    return scalar == "\u{A0}" || scalar.properties.isWhitespace
  }
}
