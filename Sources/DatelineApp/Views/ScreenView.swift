import DatelineCore

/// Draws a whole screen from the state: the panes (or the help screen) and the status line.
public enum ScreenView {
  /// The screen for `state` as a grid of the state's size.
  public static func render(_ state: AppState) -> Grid {
    var grid = Grid(width: state.screen.width, height: state.screen.height)
    grid.repertoire = state.repertoire
    draw(state, into: &grid)
    return grid
  }

  /// Draws `state` into `grid` (which should have the state's size).
  public static func draw(_ state: AppState, into grid: inout Grid) {
    let screen = state.screen
    guard screen.width > 0, screen.height > 0 else { return }
    if state.showingHelp {
      HelpView.draw(state, into: &grid, rect: Rect(x: 0, y: 0, width: screen.width, height: screen.height - 1))
    } else if screen.sideBySide {
      for pane in Pane.allCases { drawPane(pane, state, into: &grid, rect: screen.rect(of: pane)) }
      for x in [screen.stories.maxX, screen.updates.maxX] {
        for y in 0..<screen.stories.height { grid.put(Glyph(text: "│", width: 1), x: x, y: y, style: Style(.dim)) }
      }
    } else {
      drawPane(state.focus, state, into: &grid, rect: screen.rect(of: state.focus))
    }
    StatusLineView.draw(state, into: &grid, row: screen.statusRow)
  }

  static func drawPane(_ pane: Pane, _ state: AppState, into grid: inout Grid, rect: Rect) {
    guard rect.height > 0, rect.width > 0 else { return }
    PaneTitleView.draw(pane, state, into: &grid, rect: rect)
    let content = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
    switch pane {
    case .stories: StoryListView.draw(state, into: &grid, rect: content)
    case .updates:
      UpdatePaneView.draw(state, into: &grid, rect: content)
      if content.height > 1 { grid.scrollAreas.append(content) }
    case .entities: SidebarView.draw(state, into: &grid, rect: content)
    }
  }
}
