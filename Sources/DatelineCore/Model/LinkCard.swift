/// A related-story card embedded in an update: a title and, usually, a one-line summary.
public struct LinkCard: Codable, Sendable, Hashable {
  /// The 1-based input line of the card's title.
  public var line: Int
  public var title: String
  public var summary: String?
  public var summaryLine: Int?

  public init(line: Int, title: String, summary: String? = nil, summaryLine: Int? = nil) {
    self.line = line
    self.title = title
    self.summary = summary
    self.summaryLine = summaryLine
  }

  var lines: [Int] { [line] + (summaryLine.map { [$0] } ?? []) }
}
