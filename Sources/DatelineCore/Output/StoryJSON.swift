/// The `dateline parse --json` shape of a story, which other tools and our checks read:
///
/// `{"source", "headline", "standfirst", "updates": [{"title", "line", "paragraphs": [{"line", "text"}],
/// "links": [{"line", "title", "summary"}]}], "removed": [{"line", "text"}]}`
public struct StoryJSON {
  let story: Story

  public init(_ story: Story) { self.story = story }

  public var value: JSONValue {
    .object([
      ("source", .string(story.source)),
      ("headline", .string(story.headline)),
      ("standfirst", .string(story.standfirst)),
      ("updates", .array(story.updates.map(Self.update))),
      ("removed", .array(story.removed.map { .object([("line", .int($0.line)), ("text", .string($0.text))]) })),
    ])
  }

  /// One line of JSON, ready for JSON Lines.
  public func encoded() -> String { value.serialized() }

  private static func update(_ update: Update) -> JSONValue {
    .object([
      ("title", .string(update.title)),
      ("line", .int(update.line)),
      ("paragraphs", .array(update.paragraphs.map { .object([("line", .int($0.line)), ("text", .string($0.text))]) })),
      ("links", .array(update.links.map {
        .object([("line", .int($0.line)), ("title", .string($0.title)), ("summary", .string($0.summary))])
      })),
    ])
  }
}
