/// What the segmenter needs to know about a line's form: how long it is, how it ends, how its quotes stand.
/// Measured in one pass over the line's UTF-8 bytes, as the line is split off the input.
struct LineShape: Sendable, Hashable {
  /// A title is a short line: live-blog post titles run to about 20 words; 25 leaves room.
  static let longestTitleWords = 25
  static let longestTitleScalars = 220
  /// A question or exclamation only reads as a title when short; longer ones are sentences of the text.
  static let longestQuestionTitleWords = 20

  /// Words and Unicode scalars, saturating at 65,535 (only small counts are ever compared): kept small
  /// because every line of a capture carries a shape.
  private var words16: UInt16 = 0
  private var scalars16: UInt16 = 0
  var wordCount: Int { Int(words16) }
  var scalarCount: Int { Int(scalars16) }
  /// The line's first four bytes (fewer when it is shorter), for the rules' quick first test.
  var start = LineStart()
  /// The yes/no facts below, one bit each: every line of a capture carries a shape, so it is kept small.
  private var flags: UInt16 = 0

  /// The last character, ignoring closing quotes and brackets, is a full stop, ellipsis or semicolon.
  var endsWithPeriod: Bool { get { flag(0) } set { setFlag(0, newValue) } }
  /// The last character, ignoring closing quotes and brackets, is '?' or '!'.
  var endsWithQuestionOrExclamation: Bool { get { flag(1) } set { setFlag(1, newValue) } }
  var endsWithColon: Bool { get { flag(2) } set { setFlag(2, newValue) } }
  var startsWithQuote: Bool { get { flag(3) } set { setFlag(3, newValue) } }
  var startsLowercase: Bool { get { flag(4) } set { setFlag(4, newValue) } }
  /// The line starts with an ASCII digit (a time stamp may).
  var startsWithDigit: Bool { get { flag(5) } set { setFlag(5, newValue) } }
  /// The line has a byte outside ASCII (or a control byte, which sends it through cleaning anyway).
  var hasNonASCII: Bool { get { flag(6) } set { setFlag(6, newValue) } }
  /// The line ends with the word "ago" ("3 hours ago").
  var endsWithAgo: Bool { get { flag(7) } set { setFlag(7, newValue) } }
  /// More double quotes opened than closed: the paragraph continues a quotation into the next one, as news
  /// style does for a quote of several paragraphs. Such a line is always text, never a title.
  var leavesQuoteOpen: Bool { get { flag(8) } set { setFlag(8, newValue) } }

  @inline(__always) private func flag(_ bit: UInt16) -> Bool { flags & (1 << bit) != 0 }
  @inline(__always) private mutating func setFlag(_ bit: UInt16, _ value: Bool) {
    if value { flags |= 1 << bit } else { flags &= ~(1 << bit) }
  }

  /// The shape of an empty line.
  init() {}

  init(_ text: String) {
    var text = text
    text.makeContiguousUTF8()
    if let shape = text.utf8.withContiguousStorageIfAvailable({ LineShape(bytes: $0) }) { self = shape }
  }

  init(bytes: UnsafeBufferPointer<UInt8>) {
    var needsCleaning = false
    self.init(bytes: bytes, needsCleaning: &needsCleaning)
  }

  /// Measures a line and, in the same pass, finds whether it holds anything `TextSanitizer` removes: C0
  /// controls and DEL, C1 controls (C2 80–9F), the line and paragraph separators and bidirectional controls
  /// (E2 80 A8–AE, E2 81 A6–A9), or a BOM (EF BB BF). One pass, since this runs on every byte of the input.
  init(bytes: UnsafeBufferPointer<UInt8>, needsCleaning: inout Bool) {
    var opens = 0, closes = 0, straight = 0, words = 0, scalars = 0
    var inWord = false
    var dirty = false
    var index = 0
    let count = bytes.count
    // Eight plain ASCII bytes at a time (SWAR) where it can, one byte at a time elsewhere.
    let raw = bytes.baseAddress.map(UnsafeRawPointer.init)
    while index < count {
      if let raw, index + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          let spaces = SWAR.bytesEqual(word, 0x20)
          // A control byte (< 0x20) or DEL anywhere in the eight (an "any" test: exact enough).
          if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 | SWAR.bytesEqual(word, 0x7F) != 0 {
            dirty = true
          }
          // A word starts at a non-space byte whose previous byte (little-endian: the lower one) is a space.
          let previousSpaces = spaces << 8 | (inWord ? 0 : 0x80)
          words += SWAR.countMarks(~spaces & previousSpaces & 0x8080_8080_8080_8080)
          straight += SWAR.countMarks(SWAR.bytesEqual(word, 0x22))
          scalars += 8
          inWord = spaces >> 56 == 0
          index += 8
          continue
        }
      }
      let byte = bytes[index]
      index += 1
      if byte < 0x80 {
        scalars += 1
        if byte == 0x20 {
          inWord = false
          continue
        }
        if !inWord {
          words += 1
          inWord = true
        }
        if byte == 0x22 {
          straight += 1
        } else if byte < 0x20 || byte == 0x7F {
          dirty = true
        }
        continue
      }
      hasNonASCII = true
      if byte & 0xC0 == 0x80 { continue }  // a continuation byte
      scalars += 1
      if !inWord {
        words += 1
        inWord = true
      }
      let next = index < count ? bytes[index] : 0
      let third = index + 1 < count ? bytes[index + 1] : 0
      switch byte {
      case 0xE2 where next == 0x80:
        switch third {
        case 0x9C, 0x9E: opens += 1  // “ „
        case 0x9D: closes += 1  // ”
        case 0xA8...0xAE: dirty = true
        default: break
        }
      case 0xE2 where next == 0x81 && (0xA6...0xA9).contains(third): dirty = true
      case 0xC2:
        if next == 0xAB { opens += 1 }  // «
        if next == 0xBB { closes += 1 }  // »
        if next <= 0x9F { dirty = true }
      case 0xEF where next == 0xBB && third == 0xBF: dirty = true
      default: break
      }
    }
    needsCleaning = dirty
    words16 = UInt16(clamping: words)
    scalars16 = UInt16(clamping: scalars)
    leavesQuoteOpen = opens > closes || straight % 2 == 1
    if let last = Self.lastSignificant(bytes) {
      endsWithPeriod = last == 0x2E || last == 0x3B || last == 0x2026
      endsWithQuestionOrExclamation = last == 0x3F || last == 0x21
      endsWithColon = last == 0x3A
    }
    if count >= 4 {
      let tail = (bytes[count - 4], bytes[count - 3] | 0x20, bytes[count - 2] | 0x20, bytes[count - 1] | 0x20)
      endsWithAgo = tail == (0x20, 0x61, 0x67, 0x6F)
    }
    start = LineStart(bytes)
    if let first = bytes.first {
      startsWithDigit = (0x30...0x39).contains(first)
      startsWithQuote = Self.opensQuote(bytes)
      if first < 0x80 {
        startsLowercase = (0x61...0x7A).contains(first)
      } else {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { startsLowercase = scalar.properties.isLowercase }
      }
    }
  }

  /// Short, not ended like a sentence, not a lead-in, not inside a quotation: it could be a post title.
  var isTitleLike: Bool {
    guard wordCount > 0, wordCount <= Self.longestTitleWords, scalarCount <= Self.longestTitleScalars,
      !endsWithPeriod, !endsWithColon, !leavesQuoteOpen, !startsLowercase
    else { return false }
    if endsWithQuestionOrExclamation { return wordCount <= Self.longestQuestionTitleWords && !startsWithQuote }
    return true
  }

  /// Ends without sentence punctuation: a card summary or a title, never a finished paragraph.
  var isUnpunctuated: Bool { !endsWithPeriod && !endsWithQuestionOrExclamation && !endsWithColon }

  /// The code point of the last character that is not a space, closing quote or closing bracket.
  private static func lastSignificant(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
    var end = bytes.count
    while end > 0 {
      let byte = bytes[end - 1]
      switch byte {
      case 0x20, 0x22, 0x27, 0x29, 0x5D:  // space " ' ) ]
        end -= 1
        continue
      default: break
      }
      if end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 {
        switch byte {
        case 0x99, 0x9D, 0xBA:  // ’ ” ›
          end -= 3
          continue
        case 0xA6: return 0x2026  // …
        default: return 0x80  // some other character
        }
      }
      if end >= 2 && bytes[end - 2] == 0xC2 && byte == 0xBB {  // »
        end -= 2
        continue
      }
      return UInt32(byte)
    }
    return nil
  }

  /// Whether the line starts with an opening quotation mark: " ' ‘ “ „ «.
  private static func opensQuote(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first else { return false }
    if first == 0x22 || first == 0x27 { return true }
    if first == 0xE2 && bytes.count >= 3 && bytes[1] == 0x80 { return [0x98, 0x9C, 0x9E].contains(bytes[2]) }
    return first == 0xC2 && bytes.count >= 2 && bytes[1] == 0xAB
  }
}

/// The first (up to) four bytes of a line, as the boilerplate and label rules test them first.
struct LineStart: Sendable, Hashable {
  var bytes: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
  var count: UInt8 = 0

  init() {}

  init(_ buffer: UnsafeBufferPointer<UInt8>) {
    count = UInt8(min(4, buffer.count))
    if buffer.count > 0 { bytes.0 = buffer[0] }
    if buffer.count > 1 { bytes.1 = buffer[1] }
    if buffer.count > 2 { bytes.2 = buffer[2] }
    if buffer.count > 3 { bytes.3 = buffer[3] }
  }

  init(_ text: String) {
    var text = text
    text.makeContiguousUTF8()
    self = text.utf8.withContiguousStorageIfAvailable { LineStart($0) } ?? LineStart()
  }

  static func == (lhs: LineStart, rhs: LineStart) -> Bool {
    lhs.count == rhs.count && lhs.bytes == rhs.bytes
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    hasher.combine(bytes.0)
    hasher.combine(bytes.1)
    hasher.combine(bytes.2)
    hasher.combine(bytes.3)
  }
}
