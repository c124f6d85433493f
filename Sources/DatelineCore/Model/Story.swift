/// One live blog (or article) as read from a capture: its headline, standfirst and updates, newest first as the
/// page lists them.
public struct Story: Codable, Sendable, Hashable, Identifiable {
  /// Stable identity derived from the headline, so a later capture of the same page can be matched against it.
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

  public init(
    source: String, headline: String, headlineLine: Int = 1, standfirst: String? = nil,
    standfirstLine: Int? = nil, updates: [Update] = [], removed: [RemovedText] = []
  ) {
    self.id = StoryID(headline: headline)
    self.source = source
    self.headline = headline
    self.headlineLine = headlineLine
    self.standfirst = standfirst
    self.standfirstLine = standfirstLine
    self.updates = updates
    self.removed = removed
  }
}
