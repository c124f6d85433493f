import DatelineCore

extension AppState {
  /// Goes to the next (or previous) update marked new or changed: in the open story below (above) the top of the
  /// pane, else in the next (previous) story of the list that still has unseen marks.
  mutating func jumpMarked(forward: Bool) {
    let starts = openMarks.keys.sorted().compactMap { u in
      layout.updateStart.indices.contains(u) ? (update: u, line: layout.updateStart[u]) : nil
    }
    let here =
      forward
      ? starts.first { min($0.line, maxUpdateScroll) > updateScroll }?.update
      : starts.last { $0.line < updateScroll }?.update
    if let update = here {
      scrollToUpdate(update)
      return
    }
    let candidates = entries.indices.filter { $0 != openStory && entries[$0].markedCount > 0 }
    guard let story = forward ? candidates.first(where: { $0 > openStory }) : candidates.last(where: { $0 < openStory })
    else {
      status = forward ? "No more new or changed updates" : "No new or changed update above"
      return
    }
    storyCursor = story
    if loaded[story] == nil {
      pending = .markedUpdate(story: story, first: forward)
      open(story: story)
    } else {
      open(story: story)
      showMarked(inStory: story, first: forward)
    }
  }

  /// Scrolls the open story `index` to its first (or last) marked update, preferring ones not seen yet.
  mutating func showMarked(inStory index: Int, first: Bool) {
    guard index == openStory else { return }
    let marked = openMarks.keys.sorted()
    let unseen = marked.filter { !readUpdates[index].contains($0) }
    let pool = unseen.isEmpty ? marked : unseen
    guard let update = first ? pool.first : pool.last else {
      status = "No new or changed updates in this story"
      return
    }
    scrollToUpdate(update)
  }

  /// Scrolls so that update `update` starts at the top of the pane.
  mutating func scrollToUpdate(_ update: Int) {
    guard layout.updateStart.indices.contains(update) else { return }
    updateScroll = min(layout.updateStart[update], maxUpdateScroll)
    focus = screen.sideBySide ? focus : .updates
    if let mark = openMarks[update] { status = mark == .new ? "New update" : "Changed update" }
    markVisibleRead()
  }

  /// Switches the sidebar between the open story's entities and every story that mentions the selected entity.
  mutating func toggleSidebarMode() {
    if sidebarMode == .library {
      sidebarMode = .story
      return
    }
    if selectedEntity == nil, let entry = sidebarEntry { select(entry.entity.id) }
    guard let entity = selectedEntity else {
      status = "No entity selected: pick one in the sidebar first"
      return
    }
    select(entity)
    sidebarMode = .library
    if let index = stories(mentioning: entity)?.firstIndex(where: { $0.story == openStory }) { reachCursor = index }
    clampLists()
  }

  /// Opens the story at the library-wide list's cursor at its first mention of the selected entity.
  mutating func openReachStory() {
    guard let entity = selectedEntity, let reach = stories(mentioning: entity), reach.indices.contains(reachCursor) else {
      status = "No story to open"
      return
    }
    currentMention = nil
    showMention(of: entity, inStory: reach[reachCursor].story, first: true)
    focus = .updates
  }
}

extension AppState {
  /// Asks for the story list again, after saving where the reader is (the open story comes back at that place).
  mutating func reload() {
    guard hasLibrary else {
      status = "Not reading the library: nothing to reload"
      return
    }
    saveReadingPosition()
    outbox.append(.reloadList)
    status = "Reloading…"
  }
}
