/// One line of a capture after decoding and cleaning: its 1-based number in the input, its text with outer
/// white space trimmed, and how many Unicode scalars were trimmed from its start.
public struct InputLine: Sendable, Hashable {
  public var text: String
  // Stored as 32 bits (a capture is at most 512 MB): every line of a capture is held at once.
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
    return text.utf8.withContiguousStorageIfAvailable { buffer in split(buffer) ?? [] } ?? []
  }

  /// Splits UTF-8 bytes straight into lines, without making one string of the whole input first (that copy
  /// would double the memory a large capture needs). Nil when the bytes are not valid UTF-8.
  static func split(validUTF8 bytes: ArraySlice<UInt8>) -> [InputLine]? {
    bytes.withUnsafeBufferPointer { buffer in
      buffer.count >= parallelThreshold ? splitInTwo(buffer) : split(buffer, validating: true)
    }
  }

  /// Captures at least this large are split on two threads: making a line (measuring it, checking its UTF-8,
  /// copying it into a string) is independent of every other line, and a machine has at least two cores.
  static let parallelThreshold = 4 * 1024 * 1024

  /// Splits the two halves of `buffer` (cut at a line end) at the same time, then joins them.
  private static func splitInTwo(_ buffer: UnsafeBufferPointer<UInt8>) -> [InputLine]? {
    guard let cut = nextLineEnd(buffer, from: buffer.count / 2) else { return split(buffer, validating: true) }
    // The second half starts after the cut's line end (CRLF counts as one).
    let secondStart = cut + (buffer[cut] == 0x0D && cut + 1 < buffer.count && buffer[cut + 1] == 0x0A ? 2 : 1)
    // The first half keeps the cut's line end, so that an empty line just before it is still a line.
    let first = UnsafeBufferPointer(rebasing: buffer[..<secondStart])
    let second = UnsafeBufferPointer(rebasing: buffer[secondStart...])
    let halves = ParallelHalves {
      split(first, validating: true)
    } second: {
      split(second, validating: true)
    }
    guard var lines = halves.first, let rest = halves.second else { return nil }  // a half was not UTF-8
    let offset = lines.count
    lines.reserveCapacity(lines.count + rest.count)
    for var line in rest {
      line.number += offset
      lines.append(line)
    }
    return lines
  }

  /// The byte-level split: one pass to find line ends, one per line to measure it. With `validating`, a line
  /// that is not valid UTF-8 stops the split (nil); without, bad bytes are repaired.
  private static func split(_ buffer: UnsafeBufferPointer<UInt8>, validating: Bool = false) -> [InputLine]? {
    var lines: [InputLine] = []
    lines.reserveCapacity(lineCount(buffer))
    var start = 0
    var number = 1
    let count = buffer.count
    while let end = nextLineEnd(buffer, from: start) {
      guard let line = make(number: number, bytes: UnsafeBufferPointer(rebasing: buffer[start..<end]), validating: validating)
      else { return nil }
      lines.append(line)
      number += 1
      start = end + (buffer[end] == 0x0D && end + 1 < count && buffer[end + 1] == 0x0A ? 2 : 1)
    }
    if start < count {
      guard let line = make(number: number, bytes: UnsafeBufferPointer(rebasing: buffer[start..<count]), validating: validating)
      else { return nil }
      lines.append(line)
    }
    return lines
  }

  /// The index of the next LF or CR at or after `start`, looking at eight bytes at a time.
  private static func nextLineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    if let raw = buffer.baseAddress.map(UnsafeRawPointer.init) {
      while index + 8 <= buffer.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let ends = SWAR.bytesEqual(word, 0x0A) | SWAR.bytesEqual(word, 0x0D)
        if ends != 0 { return index + ends.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < buffer.count {
      if buffer[index] == 0x0A || buffer[index] == 0x0D { return index }
      index += 1
    }
    return nil
  }

  /// About how many lines `split` will make, so that the array of lines is allocated once: the LFs counted
  /// eight bytes at a time (a file of lone CRs, with no LF at all, counts its CRs).
  private static func lineCount(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
    var lf = 0
    var index = 0
    if let raw = buffer.baseAddress.map(UnsafeRawPointer.init) {
      while index + 8 <= buffer.count {
        lf += SWAR.countMarks(SWAR.bytesEqual(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self), 0x0A))
        index += 8
      }
    }
    while index < buffer.count {
      if buffer[index] == 0x0A { lf += 1 }
      index += 1
    }
    return lf > 0 ? lf + 1 : buffer.reduce(1) { $0 + ($1 == 0x0D ? 1 : 0) }
  }

  /// Whether bytes are valid UTF-8: runs of ASCII are skipped eight bytes at a time and each multi-byte
  /// sequence is checked by the standard's table (no overlong forms, no surrogates, nothing past U+10FFFF).
  /// `String(validating:)` would do the same, but costs several times more per byte.
  private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var index = 0
    let raw = bytes.baseAddress.map(UnsafeRawPointer.init)
    while index < count {
      if let raw, index + 8 <= count,
        raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        index += 8
        continue
      }
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var secondRange: ClosedRange<UInt8> = 0x80...0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; secondRange = 0xA0...0xBF
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; secondRange = 0x80...0x9F
      case 0xF0: length = 4; secondRange = 0x90...0xBF
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; secondRange = 0x80...0x8F
      default: return false
      }
      guard index + length <= count, secondRange.contains(bytes[index + 1]) else { return false }
      for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
      index += length
    }
    return true
  }

  /// The line made of `bytes`, cleaned and trimmed. With `validating`, nil when the bytes are not valid UTF-8
  /// (otherwise bad bytes are repaired).
  private static func make(number: Int, bytes: UnsafeBufferPointer<UInt8>, validating: Bool) -> InputLine? {
    var first = 0
    var end = bytes.count
    while first < end && bytes[first] == 0x20 { first += 1 }
    while end > first && bytes[end - 1] == 0x20 { end -= 1 }
    let trimmed = UnsafeBufferPointer(rebasing: bytes[first..<end])
    var needsCleaning = false
    let shape = LineShape(bytes: trimmed, needsCleaning: &needsCleaning)
    if validating && shape.hasNonASCII && !isValidUTF8(bytes) { return nil }
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
