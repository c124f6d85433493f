/// The story list: two rows a story (its title, then updates / unread / new counts).
public enum StoryListView {
  static func draw(_ state: AppState, into grid: inout Grid, rect: Rect) {
    guard rect.height > 0 else { return }
    if state.stories.isEmpty {
      grid.putTruncated(" No stories", x: rect.x, y: rect.y, style: Style(.dim), limit: rect.maxX)
      return
    }
    var y = rect.y
    var index = state.storyScroll
    while y < rect.maxY, index < state.stories.count {
      let story = state.stories[index]
      let isCursor = index == state.storyCursor
      let unread = state.unreadCount(story: index)
      var titleStyle = Style(.normal, unread > 0 ? [.bold] : [])
      var infoStyle = Style(.dim)
      if isCursor {
        let cursorStyle = state.focus == .stories ? Style(.selection, [.reverse]) : Style(.selection, [.bold])
        titleStyle = cursorStyle
        infoStyle = cursorStyle
        grid.fill(x: rect.x, y: y, width: rect.width, height: min(2, rect.maxY - y), with: Cell(" ", style: cursorStyle))
      }
      let marker = index == state.openStory ? "▸ " : "  "
      grid.putTruncated(marker + story.headline, x: rect.x, y: y, style: titleStyle, limit: rect.maxX)
      y += 1
      if y < rect.maxY {
        var info = "  \(story.updates.count) update" + (story.updates.count == 1 ? "" : "s")
        if unread > 0 { info += " · \(unread) unread" }
        let new = state.newUpdateCounts.indices.contains(index) ? state.newUpdateCounts[index] : 0
        if new > 0 { info += " · \(new) new" }
        grid.putTruncated(info, x: rect.x, y: y, style: infoStyle, limit: rect.maxX)
        y += 1
      }
      index += 1
    }
  }
}
