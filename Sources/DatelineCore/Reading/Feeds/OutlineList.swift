/// The subscriptions an OPML file lists, with its title and what was wrong with it.
public struct OutlineList: Sendable, Hashable {
  public var title: String?
  public var outlines: [Outline]
  public var errors: [String]

  public init(title: String? = nil, outlines: [Outline] = [], errors: [String] = []) {
    self.title = title
    self.outlines = outlines
    self.errors = errors
  }
}
