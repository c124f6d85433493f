/// One subscription of an OPML file: the feed's URL, its title, its web page and the folders it sits in
/// (outermost first).
public struct Outline: Sendable, Hashable {
  public var url: String
  public var title: String?
  public var htmlURL: String?
  public var folder: [String]

  public init(url: String, title: String? = nil, htmlURL: String? = nil, folder: [String] = []) {
    self.url = url
    self.title = title
    self.htmlURL = htmlURL
    self.folder = folder
  }
}
