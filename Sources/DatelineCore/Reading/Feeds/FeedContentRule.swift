/// Whether a feed item carries the article itself, or only a teaser that sends the reader to the linked page.
///
/// Feeds disagree on what "content" holds. Some put the whole article in `content:encoded` / Atom `content` /
/// `content_html`; many put the summary there again, a two-sentence teaser, or an excerpt cut with "[…]" or
/// "Continue reading →"; some have no content element and a description that is the whole article. The rule
/// looks at the text only (never at the publisher), and its thresholds are data so that they can be argued with:
///
/// 1. The item's text is its content, unless the content is empty or only the summary again (then the summary).
/// 2. A WordPress-style footer ("The post X appeared first on Y.") is left out: it follows full articles and
///    excerpts alike, so it says nothing about which this is.
/// 3. A text that ends in a teaser marker ("[…]", "…", "Continue reading", "Read more") is a teaser, however
///    long: the publisher says there is more.
/// 4. Otherwise a content element counts as the article from `minimumContentWords` words, and a summary with no
///    content element from `minimumSummaryWords` (a description is a teaser far more often than an article, so
///    it needs more words to be believed).
///
/// Getting it wrong either way costs little: a full item taken for a teaser fetches a page that says the same
/// at more length; a teaser taken for the article shows what the feed gave, as before.
public struct FeedContentRule: Sendable, Hashable {
  /// A content element with fewer words is a teaser (two or three sentences run to 30–60 words).
  public var minimumContentWords: Int
  /// A summary with no content element is the article from this many words on (WordPress excerpts are 55 words,
  /// news agencies' standfirsts 20–40; a short news brief in full runs to 150 and more).
  public var minimumSummaryWords: Int
  /// Endings that say the text goes on elsewhere, compared in lower case after trailing arrows, quotes and
  /// spaces are cut.
  public var teaserEndings: [String]
  /// Phrases that, near the end of the text, say the text goes on elsewhere ("Continue reading Title →").
  public var teaserPhrases: [String]
  /// How far from the end (in characters) a teaser phrase counts.
  public var teaserPhraseReach: Int

  public init(
    minimumContentWords: Int, minimumSummaryWords: Int, teaserEndings: [String], teaserPhrases: [String],
    teaserPhraseReach: Int
  ) {
    self.minimumContentWords = minimumContentWords
    self.minimumSummaryWords = minimumSummaryWords
    self.teaserEndings = teaserEndings
    self.teaserPhrases = teaserPhrases
    self.teaserPhraseReach = teaserPhraseReach
  }

  /// The rule dateline uses.
  public static let standard = FeedContentRule(
    minimumContentWords: 60, minimumSummaryWords: 150,
    teaserEndings: ["[…]", "[...]", "…", "...", "read more"],
    teaserPhrases: [
      "continue reading", "read more", "read the full", "read the rest", "keep reading", "full story", "full article",
      "click here to read",
    ],
    teaserPhraseReach: 120)

  /// Whether `item` holds its article in full (otherwise its linked page is the article).
  public func hasFullText(_ item: FeedItem) -> Bool {
    var content = item.content.flatMap { $0.isEmpty ? nil : $0 }
    if let repeated = content, let summary = item.summary, Self.sameText(repeated, summary) { content = nil }
    let fromContent = content != nil
    guard let text = content ?? item.summary ?? item.content else { return false }
    let body = Self.withoutFooter(text)
    if isTeaser(body) { return false }
    return Self.wordCount(body) >= (fromContent ? minimumContentWords : minimumSummaryWords)
  }

  /// Whether `text` ends by sending the reader elsewhere.
  public func isTeaser(_ text: String) -> Bool {
    let trimmed = Self.trimmedEnd(text).lowercased()
    if teaserEndings.contains(where: { trimmed.hasSuffix($0) }) { return true }
    let tail = String(trimmed.suffix(teaserPhraseReach))
    return teaserPhrases.contains { tail.contains($0) }
  }

  /// The text up to a WordPress-style "The post … appeared first on …" footer near its end.
  static func withoutFooter(_ text: String) -> String {
    let lower = text.lowercased()
    guard let appeared = lower.range(of: " appeared first on ", options: .backwards),
      lower.distance(from: appeared.upperBound, to: lower.endIndex) < 200,
      let post = lower[..<appeared.lowerBound].range(of: "the post ", options: .backwards)
    else { return text }
    let offset = lower.distance(from: lower.startIndex, to: post.lowerBound)
    return String(text.prefix(offset))
  }

  /// Words separated by whitespace (a CJK text without spaces counts as few words: it is rare in feeds that
  /// want their page read, and then the page is fetched, which costs little).
  static func wordCount(_ text: String) -> Int {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{A0}" }).count
  }

  /// Two texts that differ only in spacing and case.
  static func sameText(_ a: String, _ b: String) -> Bool {
    func key(_ s: String) -> String {
      s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ")
    }
    return key(a) == key(b)
  }

  /// `text` without trailing spaces, arrows, guillemets and closing quotes ("Read more »", "Continue reading →").
  static func trimmedEnd(_ text: String) -> Substring {
    let trailing: Set<Character> = [" ", "\n", "\t", "\u{A0}", "→", "»", "›", ">", "\"", "”", "’", "'", ")", "."]
    var end = text.endIndex
    while end > text.startIndex {
      let before = text.index(before: end)
      // A "..." or "…" ending is a marker: the full stops of an ellipsis are kept.
      if text[before] == ".", text[..<end].hasSuffix("...") { break }
      guard trailing.contains(text[before]) else { break }
      end = before
    }
    return text[..<end]
  }
}
