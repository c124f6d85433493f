/// One live blog (or article) as read from a capture: its headline, standfirst and updates, newest first as the
/// page lists them.
public struct Story: Codable, Sendable, Hashable, Identifiable {
  /// Stable identity derived from the canonical URL of a web page, else from the headline, so that a later
  /// capture or fetch of the same page can be matched against it.
  public var id: StoryID
  /// Where the capture came from: a file path, a URL, or `"(sample)"` for the built-in story.
  public var source: String
  public var headline: String
  /// The 1-based input line of the headline.
  public var headlineLine: Int
  public var standfirst: String?
  public var standfirstLine: Int?
  /// The updates in page order (a live blog lists the newest first); an untitled lead, if any, comes first.
  public var updates: [Update]
  /// Boilerplate the reader cut out, kept so that nothing is dropped silently.
  public var removed: [RemovedText]
  /// The page's own address for itself (`<link rel=canonical>`, `og:url`, else the URL fetched), for a story
  /// read from a web page; nil for a text capture.
  public var canonicalURL: String?

  public init(
    source: String, headline: String, headlineLine: Int = 1, standfirst: String? = nil,
    standfirstLine: Int? = nil, updates: [Update] = [], removed: [RemovedText] = [], canonicalURL: String? = nil
  ) {
    self.id = canonicalURL.map(StoryID.init(url:)) ?? StoryID(headline: headline)
    self.canonicalURL = canonicalURL
    self.source = source
    self.headline = headline
    self.headlineLine = headlineLine
    self.standfirst = standfirst
    self.standfirstLine = standfirstLine
    self.updates = updates
    self.removed = removed
  }
}

extension Story {
  /// Sets the canonical URL and, when there is one, the identity it gives: a live blog whose headline is
  /// rewritten through the day stays one story, and two days' blogs with similar headlines stay two.
  public mutating func setCanonicalURL(_ url: String?) {
    canonicalURL = url
    if let url { id = StoryID(url: url) }
  }
}
