/// The `dateline parse --json` shape of a feed or an OPML file, one line each:
///
/// `{"source", "format": "rss"|"rdf"|"atom"|"jsonfeed", "title", "link", "subtitle", "items": [{"id", "title",
/// "link", "published", "updated", "author", "summary", "content", "enclosures": [{"url", "type", "length"}],
/// "categories": [...]}], "errors": [...]}`, dates in RFC 3339 UTC; and for OPML
/// `{"source", "format": "opml", "title", "outlines": [{"url", "title", "html_url", "folder": [...]}], "errors"}`.
public struct FeedJSON {
  let source: String
  let document: FeedDocument

  public init(source: String, document: FeedDocument) {
    self.source = source
    self.document = document
  }

  public var value: JSONValue {
    switch document {
    case .feed(let feed):
      return .object([
        ("source", .string(source)),
        ("format", .string(feed.format.rawValue)),
        ("title", .string(feed.title)),
        ("link", .string(feed.link)),
        ("subtitle", .string(feed.subtitle)),
        ("items", .array(feed.items.map(Self.item))),
        ("errors", .array(feed.errors.map { .string(TextSanitizer.clean(Substring($0))) })),
      ])
    case .outlines(let list):
      return .object([
        ("source", .string(source)),
        ("format", .string("opml")),
        ("title", .string(list.title)),
        ("outlines", .array(list.outlines.map(Self.outline))),
        ("errors", .array(list.errors.map { .string(TextSanitizer.clean(Substring($0))) })),
      ])
    }
  }

  /// The line printed for a document that is no feed at all: no format, no items, the reason under `errors`.
  public static func failure(source: String, error: FeedReadError) -> JSONValue {
    .object([
      ("source", .string(source)), ("format", .null), ("title", .null), ("link", .null), ("subtitle", .null),
      ("items", .array([])), ("errors", .array([.string(TextSanitizer.clean(Substring(error.message)))])),
    ])
  }

  /// One line of JSON, ready for JSON Lines.
  public func encoded() -> String { value.serialized() }

  private static func item(_ item: FeedItem) -> JSONValue {
    .object([
      ("id", .string(item.id)),
      ("title", .string(item.title)),
      ("link", .string(item.link)),
      ("published", .string(item.published.map(FeedDate.rfc3339))),
      ("updated", .string(item.updated.map(FeedDate.rfc3339))),
      ("author", .string(item.author)),
      ("summary", .string(item.summary)),
      ("content", .string(item.content)),
      ("enclosures", .array(item.enclosures.map {
        .object([("url", .string($0.url)), ("type", .string($0.type)), ("length", $0.length.map(JSONValue.int) ?? .null)])
      })),
      ("categories", .array(item.categories.map(JSONValue.string))),
    ])
  }

  private static func outline(_ outline: Outline) -> JSONValue {
    .object([
      ("url", .string(outline.url)),
      ("title", .string(outline.title)),
      ("html_url", .string(outline.htmlURL)),
      ("folder", .array(outline.folder.map(JSONValue.string))),
    ])
  }
}
