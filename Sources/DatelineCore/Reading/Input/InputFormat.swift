/// What kind of input a document is, as `InputFormatSniffer` recognises it from its bytes.
public enum InputFormat: Sendable, Hashable, CustomStringConvertible {
  /// A plain-text capture: one paragraph a line.
  case textCapture
  /// An HTML (or XHTML) page.
  case html
  /// A news feed of the given kind.
  case feed(FeedKind)
  /// An OPML subscription list.
  case opml

  public enum FeedKind: String, Sendable, Hashable {
    case rss = "RSS"
    case rdf = "RSS 1.0 (RDF)"
    case atom = "Atom"
    case jsonFeed = "JSON Feed"
  }

  public var description: String {
    switch self {
    case .textCapture: "text capture"
    case .html: "HTML page"
    case .feed(let kind): "\(kind.rawValue) feed"
    case .opml: "OPML subscription list"
    }
  }
}
