/// A feed as read from RSS, RDF, Atom or JSON Feed: its own title, link and subtitle, its items in document
/// order, and what was wrong with the document (an ill-formed feed is read as far as it goes).
public struct Feed: Sendable, Hashable {
  public var format: FeedFormat
  public var title: String?
  /// The feed's web page (the alternate link), absolute when a base URL is known.
  public var link: String?
  public var subtitle: String?
  public var items: [FeedItem]
  /// One line per problem met while reading; empty for a well-formed feed.
  public var errors: [String]

  public init(
    format: FeedFormat, title: String? = nil, link: String? = nil, subtitle: String? = nil, items: [FeedItem] = [],
    errors: [String] = []
  ) {
    self.format = format
    self.title = title
    self.link = link
    self.subtitle = subtitle
    self.items = items
    self.errors = errors
  }
}
