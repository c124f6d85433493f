/// The story list: two rows a story (its title, then its update count and how many are unread or new), under
/// a header row for each group (a feed and its folders) with the group's count of unread stories.
public enum StoryListView {
  static func draw(_ state: AppState, into grid: inout Grid, rect: Rect) {
    guard rect.height > 0 else { return }
    if state.entries.isEmpty {
      grid.putTruncated(" No stories", x: rect.x, y: rect.y, style: Style(.dim), limit: rect.maxX)
      return
    }
    var y = rect.y
    var index = state.storyScroll
    while y < rect.maxY, index < state.entries.count {
      let story = state.entries[index]
      if state.hasGroupHeader(index, top: state.storyScroll) {
        drawHeader(story.group, unread: state.unreadStories(inGroup: story.group), into: &grid, x: rect.x, y: y, rect: rect)
        y += 1
        if y >= rect.maxY { break }
      }
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
        let updates = "\(story.updateCount) update" + (story.updateCount == 1 ? "" : "s")
        // New first: on a narrow list it is the figure that must not be cut off.
        let info =
          unread == 0 ? "  " + updates
          : state.hasLibrary ? "  \(unread) new · " + updates : "  \(updates) · \(unread) unread"
        grid.putTruncated(info, x: rect.x, y: y, style: infoStyle, limit: rect.maxX)
        y += 1
      }
      index += 1
    }
  }

  /// "▾ News › Example Times · 3 unread"; on a narrow list the name is cut, never the count: "▾ News › Ex… 3".
  static func drawHeader(_ group: String?, unread: Int, into grid: inout Grid, x: Int, y: Int, rect: Rect) {
    let style = Style(.heading, [.bold])
    let full = "▾ " + (group ?? "Other stories") + (unread > 0 ? " · \(unread) unread" : "")
    guard unread > 0, DisplayWidth.of(full) > rect.width else {
      grid.putTruncated(full, x: x, y: y, style: style, limit: rect.maxX)
      return
    }
    let count = " \(unread)"
    let nameEnd = max(x, rect.maxX - count.count)
    grid.putTruncated("▾ " + (group ?? "Other stories"), x: x, y: y, style: style, limit: nameEnd)
    grid.putTruncated(count, x: nameEnd, y: y, style: style, limit: rect.maxX)
  }
}
