/// The entity sidebar: entities grouped by type with their mention counts, the selected one marked.
public enum SidebarView {
  static func draw(_ state: AppState, into grid: inout Grid, rect: Rect) {
    guard rect.height > 0, rect.width > 0 else { return }
    if state.sidebarMode == .library {
      EntityStoriesView.draw(state, into: &grid, rect: rect)
      return
    }
    guard !state.sidebar.isEmpty else {
      let text = state.typeFilter == nil ? " No entities" : " None of this type"
      grid.putTruncated(text, x: rect.x, y: rect.y, style: Style(.dim), limit: rect.maxX)
      return
    }
    var y = rect.y
    let first = min(state.sidebarScroll, state.sidebar.count - 1)
    var previousType = first > 0 ? state.sidebar[first - 1].entity.type : nil
    for index in first..<state.sidebar.count {
      guard y < rect.maxY else { break }
      let entry = state.sidebar[index]
      if entry.entity.type != previousType {
        grid.putTruncated(" " + entry.entity.type.pluralTitle, x: rect.x, y: y, style: Style(.heading, [.bold]), limit: rect.maxX)
        previousType = entry.entity.type
        y += 1
        guard y < rect.maxY else { break }
      }
      let isCursor = index == state.sidebarCursor
      let isSelected = entry.entity.id == state.selectedEntity
      var style = Style(roleFor(entry.entity.type))
      if isSelected { style = style.with(.bold) }
      if isCursor && state.focus == .entities {
        style = Style(.selection, [.reverse])
        grid.fill(x: rect.x, y: y, width: rect.width, height: 1, with: Cell(" ", style: style))
      }
      let count = String(entry.count)
      let countX = rect.maxX - count.count - 1
      grid.putTruncated((isSelected ? "*" : " ") + " " + entry.entity.name, x: rect.x, y: y, style: style, limit: countX - 1)
      grid.put(count, x: countX, y: y, style: isCursor && state.focus == .entities ? style : Style(.dim), limit: rect.maxX)
      y += 1
    }
  }

  static func roleFor(_ type: DatelineCore.EntityType) -> ColorRole {
    switch type {
    case .person: .person
    case .place: .place
    case .organization: .organization
    }
  }
}

import DatelineCore
