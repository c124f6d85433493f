extension AppState {
  /// `r`: every subscribed feed fetched in the background; progress and the result come back as events, then
  /// the list is read again (the cursor stays on its story).
  mutating func refreshFeeds() {
    guard hasLibrary else {
      status = "Not reading the library: no feeds to refresh"
      return
    }
    guard !refreshingFeeds else {
      status = feedProgress ?? "Refreshing feeds…"
      return
    }
    refreshingFeeds = true
    feedProgress = "Refreshing feeds…"
    status = feedProgress
    outbox.append(.refreshFeeds)
  }

  mutating func receiveFeedsProgress(done: Int, total: Int) {
    guard refreshingFeeds else { return }
    feedProgress = "Refreshing \(done)/\(total) feed\(total == 1 ? "" : "s")…"
    status = feedProgress
  }

  /// The refresh is over: its summary shows once the list has been read again (when some feed was read).
  mutating func receiveFeedsRefresh(_ summary: FeedsRefreshSummary) {
    refreshingFeeds = false
    feedProgress = nil
    status = summary.message
    guard summary.newStories > 0 || summary.read > 0 else { return }
    saveReadingPosition()
    afterReloadStatus = summary.message
    outbox.append(.reloadList)
  }

  /// Of the stories in `group`, how many have updates not read yet.
  public func unreadStories(inGroup group: String?) -> Int {
    entries.indices.filter { entries[$0].group == group && unreadCount(story: $0) > 0 }.count
  }

  /// Whether the list shows a group header above story `index` when `top` is the first story on screen: at the
  /// top of the pane and where the group changes (stories without a group, in an ungrouped list, have none).
  public func hasGroupHeader(_ index: Int, top: Int) -> Bool {
    guard groupedList, entries.indices.contains(index) else { return false }
    return index == top || (index > 0 && entries[index - 1].group != entries[index].group)
  }

  /// The smallest first story that keeps `cursor` and every row above it down to there within `rows` rows
  /// (two a story, one a group header); walks back at most a screenful.
  func firstStoryShowing(_ cursor: Int, rows: Int) -> Int {
    var used = 0
    var top = cursor
    while top >= 0 {
      // Rows from `top` to the cursor: the stories, the headers where the group changes below `top`, and the
      // header at the top of the pane.
      used += 2
      let total = used + 1
      if total > rows { return min(cursor, top + 1) }
      if top > 0, entries[top - 1].group != entries[top].group { used += 1 }
      top -= 1
    }
    return 0
  }
}
