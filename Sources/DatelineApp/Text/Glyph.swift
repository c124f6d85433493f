/// One displayable grapheme of laid-out text: what to draw, how wide it is, and where it came from.
public struct Glyph: Sendable, Hashable {
  /// The grapheme to draw (never a control character).
  public var text: String
  /// Display width in columns: 1 or 2 (a tab is 1 here and expanded by the wrapper).
  public var width: UInt8
  /// Offset of its first scalar in the source text, in Unicode scalars.
  public var scalarStart: Int
  /// How many source scalars it covers (escape sequences skipped before it are not counted).
  public var scalarLength: Int
  /// The same span in UTF-8 bytes: where a line of text can be cut out of its paragraph without a scan.
  public var utf8Start: Int
  public var utf8Length: Int
  /// A space or tab: a place to break a line.
  public var isSpace: Bool
  public var isTab: Bool

  public init(text: String, width: UInt8, scalarStart: Int = 0, scalarLength: Int = 1, utf8Start: Int = 0,
              utf8Length: Int = 1, isSpace: Bool = false, isTab: Bool = false) {
    self.text = text
    self.width = width
    self.scalarStart = scalarStart
    self.scalarLength = scalarLength
    self.utf8Start = utf8Start
    self.utf8Length = utf8Length
    self.isSpace = isSpace
    self.isTab = isTab
  }

  public static let space = Glyph(text: " ", width: 1, isSpace: true)
  public static let ellipsis = Glyph(text: "…", width: 1)
}
