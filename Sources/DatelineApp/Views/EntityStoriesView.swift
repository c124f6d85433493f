import DatelineCore

/// The sidebar's library-wide view: the selected entity (name, type, other names) and every story that
/// mentions it, with how many times; the open story marked.
public enum EntityStoriesView {
  /// Rows above the list: the name, a line of figures, and the other names when there are any.
  static func headerRows(in state: AppState) -> Int {
    guard let entity = state.selectedEntity else { return 0 }
    return (state.mentionIndex.entities[entity]?.aliases.isEmpty ?? true) ? 2 : 3
  }

  /// Rows the list of stories can use.
  static func rows(in state: AppState) -> Int {
    max(1, state.screen.contentRows(of: .entities) - headerRows(in: state))
  }

  static func draw(_ state: AppState, into grid: inout Grid, rect: Rect) {
    guard let entityID = state.selectedEntity else {
      grid.putTruncated(" No entity selected", x: rect.x, y: rect.y, style: Style(.dim), limit: rect.maxX)
      return
    }
    let entity = state.mentionIndex.entities[entityID]
    let role = entity.map { SidebarView.roleFor($0.type) } ?? .normal
    var y = rect.y
    grid.putTruncated(" " + state.name(of: entityID), x: rect.x, y: y, style: Style(role, [.bold]), limit: rect.maxX)
    y += 1
    guard y < rect.maxY else { return }
    guard let reach = state.stories(mentioning: entityID) else {
      grid.putTruncated(" Looking up…", x: rect.x, y: y, style: Style(.dim), limit: rect.maxX)
      return
    }
    let total = reach.reduce(0) { $0 + $1.mentions }
    let type = entity.map { $0.type.rawValue + " · " } ?? ""
    let figures = " \(type)\(total) in \(reach.count) stor\(reach.count == 1 ? "y" : "ies")"
    grid.putTruncated(figures, x: rect.x, y: y, style: Style(.dim), limit: rect.maxX)
    y += 1
    if let aliases = entity?.aliases, !aliases.isEmpty, y < rect.maxY {
      grid.putTruncated(" also " + aliases.joined(separator: ", "), x: rect.x, y: y, style: Style(.dim), limit: rect.maxX)
      y += 1
    }
    var index = state.reachScroll
    while y < rect.maxY, index < reach.count {
      let found = reach[index]
      let isCursor = index == state.reachCursor && state.focus == .entities
      var style = Style(.normal, found.story == state.openStory ? [.bold] : [])
      if isCursor {
        style = Style(.selection, [.reverse])
        grid.fill(x: rect.x, y: y, width: rect.width, height: 1, with: Cell(" ", style: style))
      }
      let headline = state.entries.indices.contains(found.story) ? state.entries[found.story].headline : "?"
      let count = String(found.mentions)
      let countX = rect.maxX - count.count - 1
      let marker = found.story == state.openStory ? "▸ " : "  "
      grid.putTruncated(marker + headline, x: rect.x, y: y, style: style, limit: countX - 1)
      grid.put(count, x: countX, y: y, style: isCursor ? style : Style(.dim), limit: rect.maxX)
      y += 1
      index += 1
    }
  }
}
