/// One terminal cell: a grapheme, how many columns it covers, and its style.
///
/// A wide character (CJK, emoji) lives in its first cell with `width == 2`; the cell to its right is a
/// continuation cell with `width == 0` and empty text, which a backend never draws.
public struct Cell: Sendable, Hashable {
  public var text: String
  public var width: UInt8
  public var style: Style

  public init(_ text: String = " ", width: UInt8 = 1, style: Style = .plain) {
    self.text = text
    self.width = width
    self.style = style
  }

  public static let blank = Cell()

  /// The right half of a wide character.
  public static func continuation(_ style: Style) -> Cell { Cell("", width: 0, style: style) }

  public var isContinuation: Bool { width == 0 }
}
