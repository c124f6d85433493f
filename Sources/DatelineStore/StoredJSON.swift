import DatelineCore

/// The JSON kept in `updates.paragraphs` and `updates.links`: the `Codable` shapes of `Paragraph` and
/// `LinkCard` (so `JSONDecoder` reads them back), written without `JSONEncoder`, which is slow on Linux.
enum StoredJSON {
  static func paragraphs(_ paragraphs: [Paragraph]) -> String {
    JSONValue.array(
      paragraphs.map {
        .object([("line", .int($0.line)), ("text", .string($0.text)), ("column", .int($0.column))])
      }
    ).serialized()
  }

  static func links(_ links: [LinkCard]) -> String {
    JSONValue.array(
      links.map {
        .object([
          ("line", .int($0.line)), ("title", .string($0.title)), ("summary", .string($0.summary)),
          ("summaryLine", $0.summaryLine.map(JSONValue.int) ?? .null),
        ])
      }
    ).serialized()
  }
}
