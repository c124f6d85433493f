import Foundation

/// One entry of a feed. Text fields are plain text (HTML already turned into text); links are absolute when a
/// base URL is known; dates are instants (a date without a time is midnight UTC).
public struct FeedItem: Sendable, Hashable {
  /// The guid, atom:id or JSON Feed id; a stable hash of the item's link, title and text when it has none.
  public var id: String
  public var title: String?
  public var link: String?
  public var published: Date?
  public var updated: Date?
  /// The first author's name (or email when there is no name).
  public var author: String?
  public var summary: String?
  public var content: String?
  /// The source of `summary` and `content` (HTML or text), for paragraphs.
  public var summaryMarkup: FeedMarkup?
  public var contentMarkup: FeedMarkup?
  public var enclosures: [FeedEnclosure]
  public var categories: [String]

  public init(
    id: String, title: String? = nil, link: String? = nil, published: Date? = nil, updated: Date? = nil,
    author: String? = nil, summary: String? = nil, content: String? = nil, summaryMarkup: FeedMarkup? = nil,
    contentMarkup: FeedMarkup? = nil, enclosures: [FeedEnclosure] = [], categories: [String] = []
  ) {
    self.summaryMarkup = summaryMarkup
    self.contentMarkup = contentMarkup
    self.id = id
    self.title = title
    self.link = link
    self.published = published
    self.updated = updated
    self.author = author
    self.summary = summary
    self.content = content
    self.enclosures = enclosures
    self.categories = categories
  }
}
