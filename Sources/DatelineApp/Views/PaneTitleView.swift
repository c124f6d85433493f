/// The title bar on a pane's first row; reversed on the focused pane.
enum PaneTitleView {
  static func draw(_ pane: Pane, _ state: AppState, into grid: inout Grid, rect: Rect) {
    let focused = state.focus == pane
    let style = focused ? Style(.selection, [.reverse, .bold]) : Style(.heading, [.bold])
    grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, with: Cell(" ", style: style))
    var title = pane.title
    switch pane {
    case .stories: title += " (\(state.entries.count))"
    case .updates: if let story = state.story { title += " (\(story.updates.count))" }
    case .entities:
      if state.sidebarMode == .library {
        title = "In the library"
      } else if let filter = state.typeFilter {
        title += ": " + filter.pluralTitle.lowercased()
      }
      // Only the first screen's names are listed until the rest of the story has been analysed.
      if state.sidebarMode == .story, state.findingEntities { title = "Finding " + title.lowercased() + "…" }
    }
    if !state.screen.sideBySide { title += "  [Tab: " + pane.next.title.lowercased() + "]" }
    grid.putTruncated(" " + title, x: rect.x, y: rect.y, style: style, limit: rect.maxX)
  }
}
