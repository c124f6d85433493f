/// What the segmenter needs to know about a line's form: how long it is, how it ends, how its quotes stand.
struct LineShape: Sendable, Hashable {
  /// A title is a short line: live-blog post titles run to about 20 words; 25 leaves room.
  static let longestTitleWords = 25
  static let longestTitleScalars = 220
  /// A question or exclamation only reads as a title when short; longer ones are sentences of the text.
  static let longestQuestionTitleWords = 20

  var wordCount: Int
  var scalarCount: Int
  /// The last character, ignoring closing quotes and brackets, is a full stop, ellipsis or semicolon.
  var endsWithPeriod: Bool
  /// The last character, ignoring closing quotes and brackets, is '?' or '!'.
  var endsWithQuestionOrExclamation: Bool
  var endsWithColon: Bool
  var startsWithQuote: Bool
  var startsLowercase: Bool
  /// More double quotes opened than closed: the paragraph continues a quotation into the next one, as news
  /// style does for a quote of several paragraphs. Such a line is always text, never a title.
  var leavesQuoteOpen: Bool

  init(_ text: String) {
    var words = 0
    var scalars = 0
    var inWord = false
    var opens = 0
    var closes = 0
    var straight = 0
    var lastSignificant: Unicode.Scalar?
    var first: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      scalars += 1
      if first == nil { first = scalar }
      switch scalar {
      case "\u{201C}", "\u{201E}", "\u{00AB}": opens += 1
      case "\u{201D}", "\u{00BB}": closes += 1
      case "\"": straight += 1
      default: break
      }
      let isSpace = InputLine.isSpace(scalar)
      if !isSpace && !inWord { words += 1 }
      inWord = !isSpace
      if !isSpace && !Self.isClosingMark(scalar) { lastSignificant = scalar }
    }
    wordCount = words
    scalarCount = scalars
    endsWithPeriod = lastSignificant.map { $0 == "." || $0 == "\u{2026}" || $0 == ";" } ?? false
    endsWithQuestionOrExclamation = lastSignificant.map { $0 == "?" || $0 == "!" } ?? false
    endsWithColon = lastSignificant == ":"
    startsWithQuote = first.map(Self.isOpeningMark) ?? false
    startsLowercase = first.map { $0.properties.isLowercase } ?? false
    leavesQuoteOpen = opens > closes || straight % 2 == 1
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

  private static func isClosingMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", "\u{2019}", "\u{201D}", "\u{00BB}", ")", "]", "\u{203A}": true
    default: false
    }
  }

  private static func isOpeningMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", "\u{2018}", "\u{201C}", "\u{201E}", "\u{00AB}": true
    default: false
    }
  }
}
