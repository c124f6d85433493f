/// Where each pane goes on a screen of a given size.
///
/// From 80x24 up the story list, update pane and entity sidebar sit side by side, divided by one column each.
/// Smaller screens, or any screen when the reader asks for `onePane` (zoom), show one pane at a time (the focused
/// one) over the full width. The last row is the status line.
public struct ScreenLayout: Sendable, Hashable {
  public static let minimumSideBySide = (width: 80, height: 24)

  public var width: Int
  public var height: Int
  /// True when all three panes are shown.
  public var sideBySide: Bool
  public var stories: Rect
  public var updates: Rect
  public var entities: Rect
  public var statusRow: Int

  public init(width: Int, height: Int, onePane: Bool = false) {
    self.width = max(0, width)
    self.height = max(0, height)
    sideBySide = !onePane && width >= Self.minimumSideBySide.width && height >= Self.minimumSideBySide.height
    statusRow = max(0, height - 1)
    let body = max(0, height - 1)
    if sideBySide {
      let left = min(32, max(18, width * 22 / 100))
      let right = min(30, max(18, width * 22 / 100))
      stories = Rect(x: 0, y: 0, width: left, height: body)
      updates = Rect(x: left + 1, y: 0, width: width - left - right - 2, height: body)
      entities = Rect(x: width - right, y: 0, width: right, height: body)
    } else {
      let full = Rect(x: 0, y: 0, width: width, height: body)
      stories = full
      updates = full
      entities = full
    }
  }

  /// The rectangle of `pane`.
  public func rect(of pane: Pane) -> Rect {
    switch pane {
    case .stories: stories
    case .updates: updates
    case .entities: entities
    }
  }

  /// Rows available for content in a pane (its first row is its title bar).
  public func contentRows(of pane: Pane) -> Int { max(0, rect(of: pane).height - 1) }

  /// The width text in the update pane wraps to (one column of margin each side).
  public var updateTextWidth: Int { max(1, updates.width - 2) }
}
