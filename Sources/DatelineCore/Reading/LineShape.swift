/// What the segmenter needs to know about a line's form: how long it is, how it ends, how its quotes stand.
/// Measured in one pass over the line's UTF-8 bytes, as the line is split off the input.
struct LineShape: Sendable, Hashable {
  /// A title is a short line: live-blog post titles run to about 20 words; 25 leaves room.
  static let longestTitleWords = 25
  static let longestTitleScalars = 220
  /// A question or exclamation only reads as a title when short; longer ones are sentences of the text.
  static let longestQuestionTitleWords = 20

  var wordCount = 0
  var scalarCount = 0
  /// The last character, ignoring closing quotes and brackets, is a full stop, ellipsis or semicolon.
  var endsWithPeriod = false
  /// The last character, ignoring closing quotes and brackets, is '?' or '!'.
  var endsWithQuestionOrExclamation = false
  var endsWithColon = false
  var startsWithQuote = false
  var startsLowercase = false
  /// The line starts with an ASCII digit (a time stamp may).
  var startsWithDigit = false
  /// More double quotes opened than closed: the paragraph continues a quotation into the next one, as news
  /// style does for a quote of several paragraphs. Such a line is always text, never a title.
  var leavesQuoteOpen = false

  init(_ text: String) {
    var text = text
    text.makeContiguousUTF8()
    if let shape = text.utf8.withContiguousStorageIfAvailable({ LineShape(bytes: $0) }) { self = shape }
  }

  init(bytes: UnsafeBufferPointer<UInt8>) {
    var opens = 0, closes = 0, straight = 0
    var inWord = false
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte & 0xC0 != 0x80 { scalarCount += 1 }
      let isSpace = byte == 0x20
      if !isSpace && !inWord && byte & 0xC0 != 0x80 { wordCount += 1 }
      inWord = !isSpace
      if byte == 0x22 {
        straight += 1
      } else if byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80 {
        switch bytes[index + 2] {
        case 0x9C, 0x9E: opens += 1  // “ „
        case 0x9D: closes += 1  // ”
        default: break
        }
      } else if byte == 0xC2 && index + 1 < count {
        if bytes[index + 1] == 0xAB { opens += 1 }  // «
        if bytes[index + 1] == 0xBB { closes += 1 }  // »
      }
      index += 1
    }
    leavesQuoteOpen = opens > closes || straight % 2 == 1
    if let last = Self.lastSignificant(bytes) {
      endsWithPeriod = last == 0x2E || last == 0x3B || last == 0x2026
      endsWithQuestionOrExclamation = last == 0x3F || last == 0x21
      endsWithColon = last == 0x3A
    }
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
