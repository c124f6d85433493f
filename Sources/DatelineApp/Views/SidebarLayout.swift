/// How sidebar entries map to rows: a heading row before each type's group.
enum SidebarLayout {
  /// Rows that entries (not headings) can use: the pane's content rows minus up to three headings.
  static func entryRows(in state: AppState) -> Int {
    let headings = Set(state.sidebar.map(\.entity.type)).count
    return max(1, state.screen.contentRows(of: .entities) - headings - 1)
  }
}
