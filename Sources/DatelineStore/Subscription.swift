import Foundation

/// A feed the library follows: its address, its title and web page (from the subscription or the feed itself),
/// its folder (outermost first, from OPML), and how many stories its items made and how many of them are unread.
public struct Subscription: Sendable, Hashable {
  public var url: String
  public var title: String?
  public var htmlURL: String?
  public var folder: [String]
  public var addedAt: Date
  /// Stories made from the feed's items.
  public var stories: Int
  /// Of those, stories with an update not yet read.
  public var unread: Int

  public init(
    url: String, title: String? = nil, htmlURL: String? = nil, folder: [String] = [], addedAt: Date = Date(),
    stories: Int = 0, unread: Int = 0
  ) {
    self.url = url
    self.title = title
    self.htmlURL = htmlURL
    self.folder = folder
    self.addedAt = addedAt
    self.stories = stories
    self.unread = unread
  }
}
