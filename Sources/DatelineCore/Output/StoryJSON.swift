/// The `dateline parse --json` shape of a story, which other tools and our checks read:
///
/// `{"source", "headline", "standfirst", "canonical_url", "updates": [{"id", "title", "time", "time_text", "line",
/// "paragraphs": [{"line", "text"}], "links": [{"line", "title", "summary"}]}], "removed": [{"line", "text"}]}`
///
/// An update's `id` is the page's own id for the post (null when it gives none, and for text captures);
/// `time` the post's instant in RFC 3339 when the page gives it in machine form, else null (never guessed);
/// `time_text` the time as the page or capture shows it ("15:05 BST"), else null.
public struct StoryJSON {
  let story: Story

  public init(_ story: Story) { self.story = story }

  public var value: JSONValue {
    .object([
      ("source", .string(story.source)),
      ("headline", .string(story.headline)),
      ("standfirst", .string(story.standfirst)),
      ("canonical_url", .string(story.canonicalURL)),
      ("updates", .array(story.updates.map(Self.update))),
      ("removed", .array(story.removed.map { .object([("line", .int($0.line)), ("text", .string($0.text))]) })),
    ])
  }

  /// One line of JSON, ready for JSON Lines.
  public func encoded() -> String { value.serialized() }

  private static func update(_ update: Update) -> JSONValue {
    .object([
      ("id", .string(update.pageID)),
      ("title", .string(update.title)),
      ("time", .string(update.published)),
      ("time_text", .string(update.time)),
      ("line", .int(update.line)),
      ("paragraphs", .array(update.paragraphs.map { .object([("line", .int($0.line)), ("text", .string($0.text))]) })),
      ("links", .array(update.links.map {
        .object([("line", .int($0.line)), ("title", .string($0.title)), ("summary", .string($0.summary))])
      })),
    ])
  }
}
