/// One paragraph of an update, with the input line it came from.
public struct Paragraph: Codable, Sendable, Hashable {
  public var line: Int
  public var text: String
  /// Where `text` starts within its input line, in Unicode scalars (non-zero when boilerplate was cut before it).
  public var column: Int

  public init(line: Int, text: String, column: Int = 0) {
    self.line = line
    self.text = text
    self.column = column
  }
}
