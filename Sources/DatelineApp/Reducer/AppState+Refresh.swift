import DatelineCore

extension AppState {
  /// Fetches the open story again when it came from a URL (`R`, or the refresh timer when `timer`); otherwise
  /// `R` reloads the library's list as before. The fetch runs in the background: the answer comes back as
  /// `Event.storyRefreshed`.
  mutating func refreshOpenStory(timer: Bool) {
    guard hasLibrary, entries.indices.contains(openStory), entries[openStory].url != nil else {
      if !timer { reload() }
      return
    }
    guard !refreshing.contains(openStory) else {
      if !timer { status = "Checking…" }
      return
    }
    refreshing.insert(openStory)
    outbox.append(.refreshStory(openStory, byHand: !timer))
    status = "Checking…"
  }

  /// Takes in the answer to a refresh of story `index`: the story as the library now has it, merged, with new
  /// and changed updates marked. The reading position, the selected entity and the mention on show stay where
  /// they were, found again by the updates' identities (new updates above shift every index).
  mutating func receiveRefresh(_ outcome: RefreshOutcome, story handle: Int64) {
    guard let index = entries.firstIndex(where: { $0.handle == handle }) else { return }
    refreshing.remove(index)
    switch outcome {
    case .failed(let message):
      status = message
    case .unchanged:
      status = "No new updates"
    case .updated(let fresh, let new, let changed):
      replace(story: index, with: fresh)
      status = Self.refreshSummary(new: new, changed: changed)
    }
  }

  /// "2 new", "1 new, 3 changed", "1 changed", or "No new updates".
  static func refreshSummary(new: Int, changed: Int) -> String {
    switch (new, changed) {
    case (0, 0): "No new updates"
    case (_, 0): "\(new) new"
    case (0, _): "\(changed) changed"
    default: "\(new) new, \(changed) changed"
    }
  }

  /// Puts `fresh` in place of story `index`, carrying over what the reader has seen and, for the open story,
  /// the top line and the mention on show.
  mutating func replace(story index: Int, with refreshed: LoadedStory) {
    let old = loaded[index]
    var fresh = refreshed
    // Old update index -> new update index, by identity.
    var newIndexOf: [UpdateID: Int] = [:]
    for (i, update) in fresh.story.updates.enumerated() where newIndexOf[update.id] == nil { newIndexOf[update.id] = i }
    let remap: (Int) -> Int? = { oldIndex in
      guard let old, old.story.updates.indices.contains(oldIndex) else { return nil }
      return newIndexOf[old.story.updates[oldIndex].id]
    }
    // Marks already shown stay until the reader quits, as they do without a refresh (the library cleared them
    // once they were seen); the lines they take keep the text around the top where it was.
    for (oldIndex, mark) in old?.marks ?? [:] {
      if let moved = remap(oldIndex), fresh.marks[moved] == nil { fresh.marks[moved] = mark }
    }
    let anchor = index == openStory ? topAnchor() : nil
    if readUpdates.indices.contains(index) {
      // A changed update counts as unread again: its mark is back in the library.
      let changedAgain = Set(refreshed.marks.keys)
      readUpdates[index] = Set(readUpdates[index].compactMap(remap).filter { !changedAgain.contains($0) })
    }
    if let mention = currentMention, mention.story == index {
      currentMention = Self.remap(mention.mention.part, remap).flatMap { part in
        var moved = mention.mention
        moved.part = part
        return fresh.entities.mentions.contains(moved) ? MentionLocation(story: index, mention: moved) : nil
      }
    }
    loaded[index] = fresh
    entries[index].updateCount = fresh.story.updates.count
    entries[index].headline = fresh.story.headline
    entries[index].markedCount = fresh.marks.keys.filter { !readUpdates[index].contains($0) }.count
    rebuildMentionIndex()
    // Which stories mention which entity may have changed: ask again when needed.
    reach = [:]
    lookingUp = []
    if let entity = selectedEntity { select(entity) }
    guard index == openStory else { return }
    layout = layOut(fresh)
    if let anchor {
      updateScroll = place(anchor, remap: remap) ?? updateScroll
    }
    updateScroll = min(updateScroll, maxUpdateScroll)
    search.match = search.match.flatMap { match in
      Self.remap(match.part, remap).map { TextRange(part: $0, start: match.start, length: match.length) }
    }
    rebuildSidebar()
    markVisibleRead()
  }

  /// What is at the top of the update pane: the first line with text at or below it, and how far below.
  func topAnchor() -> (part: StoryPart, offset: Int, above: Int)? {
    var line = updateScroll
    while layout.lines.indices.contains(line) {
      if let part = layout.lines[line].part {
        return (part, layout.lines[line].range.scalarStart, line - updateScroll)
      }
      line += 1
    }
    return nil
  }

  /// The scroll that puts `anchor` where it was, in the new layout.
  func place(_ anchor: (part: StoryPart, offset: Int, above: Int), remap: (Int) -> Int?) -> Int? {
    guard let part = Self.remap(anchor.part, remap), let line = layout.line(of: part, offset: anchor.offset) else {
      return nil
    }
    return max(0, line - anchor.above)
  }

  /// `part` with its update index mapped to the new story's; nil when that update is gone.
  static func remap(_ part: StoryPart, _ remap: (Int) -> Int?) -> StoryPart? {
    switch part {
    case .headline, .standfirst: part
    case .title(let u): remap(u).map { .title(update: $0) }
    case .paragraph(let u, let i): remap(u).map { .paragraph(update: $0, index: i) }
    case .linkTitle(let u, let i): remap(u).map { .linkTitle(update: $0, index: i) }
    case .linkSummary(let u, let i): remap(u).map { .linkSummary(update: $0, index: i) }
    }
  }
}

/// What a refresh of a story from the web came to.
public enum RefreshOutcome: Sendable, Hashable {
  /// The page was read and merged: the story as the library has it now, with how many updates are new and
  /// changed.
  case updated(LoadedStory, new: Int, changed: Int)
  /// The server said the page had not changed (304), or it read to the same story.
  case unchanged
  /// One line saying what went wrong (the library is as it was).
  case failed(String)
}
