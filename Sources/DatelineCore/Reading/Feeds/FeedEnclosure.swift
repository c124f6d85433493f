/// A file attached to a feed item: an RSS `enclosure`, an Atom `link rel="enclosure"`, a JSON Feed attachment.
public struct FeedEnclosure: Sendable, Hashable {
  public var url: String
  public var type: String?
  /// The size in bytes when the feed gives a sensible one.
  public var length: Int?

  public init(url: String, type: String? = nil, length: Int? = nil) {
    self.url = url
    self.type = type
    self.length = length
  }
}
