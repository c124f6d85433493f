/// One line of a capture after decoding and cleaning: its 1-based number in the input, its text with outer
/// white space trimmed, and how many Unicode scalars were trimmed from its start.
public struct InputLine: Sendable, Hashable {
  public var text: String
  // Stored as 32 bits: a capture is at most 512 MB.
  private var number32: Int32
  private var column32: Int32
  /// The 1-based line number in the input.
  public var number: Int {
    get { Int(number32) }
    set { number32 = Int32(clamping: newValue) }
  }
  /// Unicode scalars trimmed from the line's start.
  public var column: Int {
    get { Int(column32) }
    set { column32 = Int32(clamping: newValue) }
  }
  /// The line's form, for segmentation; measured once, when the line is made.
  let shape: LineShape
  /// Set by `BoilerplateFilter` on a line that comes right after a related-story card's lead-in.
  public internal(set) var followsCardIntro = false

  var isTitleLike: Bool { shape.isTitleLike }
  /// An empty line: blank in the input, or boilerplate that was removed.
  var isBlank: Bool { shape.start.count == 0 }

  /// Empties the line (keeping its number), as the boilerplate filter does to what it removes.
  mutating func blank() { self = blanked() }

  func blanked() -> InputLine { InputLine(number: number, text: "", column: 0, shape: LineShape()) }
  /// Text that reads as a paragraph of a post.
  var isParagraphLike: Bool { !shape.isTitleLike }

  public init(number: Int, text: String, column: Int = 0) {
    self.init(number: number, text: text, column: column, shape: LineShape(text))
  }

  init(number: Int, text: String, column: Int, shape: LineShape) {
    self.number32 = Int32(clamping: number)
    self.text = text
    self.column32 = Int32(clamping: column)
    self.shape = shape
  }

  /// Splits decoded text into lines (LF, CRLF or a lone CR end a line), cleans each line and trims it.
  /// Blank lines are kept (with empty text) so that numbering matches the input.
  public static func split(_ text: String) -> [InputLine] {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { buffer in
      var lines: [InputLine] = []
      var splitter = LineSplitter(buffer, validating: false)
      _ = splitter.appendLines(to: &lines, byteCount: buffer.count, keepingBlank: true)
      return lines
    } ?? []
  }

  /// The line made of `bytes`, cleaned and trimmed. With `validating`, nil when the bytes are not valid UTF-8
  /// (otherwise bad bytes are repaired).
  static func make(number: Int, bytes: UnsafeBufferPointer<UInt8>, validating: Bool) -> InputLine? {
    var first = 0
    var end = bytes.count
    while first < end && bytes[first] == 0x20 { first += 1 }
    while end > first && bytes[end - 1] == 0x20 { end -= 1 }
    let trimmed = UnsafeBufferPointer(rebasing: bytes[first..<end])
    var needsCleaning = false
    let shape = LineShape(bytes: trimmed, needsCleaning: &needsCleaning)
    if validating && shape.hasNonASCII && !UTF8Validation.isValid(bytes) { return nil }
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
