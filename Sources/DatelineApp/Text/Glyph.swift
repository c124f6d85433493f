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
  /// A space or tab: a place to break a line.
  public var isSpace: Bool
  public var isTab: Bool

  public init(text: String, width: UInt8, scalarStart: Int = 0, scalarLength: Int = 1, isSpace: Bool = false,
              isTab: Bool = false) {
    self.text = text
    self.width = width
    self.scalarStart = scalarStart
    self.scalarLength = scalarLength
    self.isSpace = isSpace
    self.isTab = isTab
  }

  public static let space = Glyph(text: " ", width: 1, isSpace: true)
  public static let ellipsis = Glyph(text: "…", width: 1)
}
