import DatelineCore

extension AppState {
  /// Lines of the update pane now on screen.
  var visibleLines: Range<Int> {
    let start = min(updateScroll, layout.lines.count)
    return start..<min(layout.lines.count, updateScroll + max(1, updateRows))
  }

  /// Whether a mention's line is on screen.
  func isVisible(_ location: MentionLocation) -> Bool {
    guard location.story == openStory,
      let line = layout.line(of: location.mention.part, offset: location.mention.start)
    else { return false }
    return visibleLines.contains(line)
  }

  /// A place in reading order at the top of the update pane, for searching forwards or backwards from it.
  var topOfScreen: (part: StoryPart, offset: Int) {
    for index in visibleLines.lowerBound..<layout.lines.count {
      if let part = layout.lines[index].part { return (part, layout.lines[index].range.scalarStart) }
    }
    return (.title(update: Int.max), 0)
  }

  /// Jumps to the next or previous mention of the selected entity (wrapping at the ends), across stories.
  mutating func jumpMention(forward: Bool) {
    if selectedEntity == nil, focus == .entities, let entry = sidebarEntry { selectedEntity = entry.entity.id }
    guard let entity = selectedEntity else {
      status = "No entity selected: pick one in the sidebar (Enter) or press e"
      return
    }
    let all = mentionIndex.mentions(of: entity)
    let name = mentionIndex.entities[entity]?.name ?? entity.rawValue
    guard let first = all.first, let last = all.last else {
      status = "\(name) has no mentions"
      return
    }
    let anchor: MentionLocation
    if let current = currentMention, current.mention.entity == entity || isVisible(current) {
      anchor = current
    } else {
      let top = topOfScreen
      anchor = MentionLocation(
        story: openStory,
        mention: Mention(entity: entity, part: top.part, start: top.offset, length: 0, text: ""))
    }
    var target = forward ? mentionIndex.next(of: entity, after: anchor) : mentionIndex.previous(of: entity, before: anchor)
    if target == nil {
      target = forward ? first : last
      status = forward ? "Wrapped to the first mention of \(name)" : "Wrapped to the last mention of \(name)"
    }
    if let target { show(target) }
  }

  /// Makes `location` the current mention: opens its story if needed and scrolls so it is on screen.
  mutating func show(_ location: MentionLocation) {
    if location.story != openStory, stories.indices.contains(location.story) {
      open(story: location.story)
      storyCursor = location.story
    }
    selectedEntity = location.mention.entity
    currentMention = location
    if let index = sidebar.firstIndex(where: { $0.entity.id == location.mention.entity }) { sidebarCursor = index }
    if let line = layout.line(of: location.mention.part, offset: location.mention.start) {
      scroll(toShow: line)
    }
    clampLists()
    markVisibleRead()
  }

  /// Scrolls the update pane so that `line` is on screen, a third of the way down when it was off screen.
  mutating func scroll(toShow line: Int) {
    if !visibleLines.contains(line) || visibleLines.isEmpty {
      updateScroll = max(0, min(maxUpdateScroll, line - max(1, updateRows) / 3))
    }
  }

  /// The position of the current mention among all mentions of its entity: (1-based index, total).
  public var mentionPosition: (index: Int, total: Int)? {
    guard let entity = selectedEntity else { return nil }
    let all = mentionIndex.mentions(of: entity)
    guard let current = currentMention, current.mention.entity == entity else { return (0, all.count) }
    var low = 0
    var high = all.count
    while low < high {
      let mid = (low + high) / 2
      if all[mid] < current { low = mid + 1 } else { high = mid }
    }
    return (low < all.count && all[low] == current ? low + 1 : 0, all.count)
  }

  /// Selects the entity of the mention under or nearest the cursor: the current mention when on screen, else the
  /// first mention on screen, else the nearest one below, else above. In the sidebar: the entity at the cursor.
  mutating func selectEntityNearCursor() {
    if focus == .entities {
      guard let entry = sidebarEntry else {
        status = "No entities in this story"
        return
      }
      selectedEntity = entry.entity.id
      currentMention = nil
      status = "Selected \(entry.entity.name)"
      return
    }
    if let current = currentMention, isVisible(current) {
      selectedEntity = current.mention.entity
      status = "Selected \(mentionIndex.entities[current.mention.entity]?.name ?? "")"
      return
    }
    let mentions = storyEntities.indices.contains(openStory) ? storyEntities[openStory].mentions : []
    guard !mentions.isEmpty else {
      status = "No entities in this story"
      return
    }
    let top = topOfScreen
    let topMention = Mention(entity: EntityID(rawValue: ""), part: top.part, start: top.offset, length: 0, text: "")
    var low = 0
    var high = mentions.count
    while low < high {
      let mid = (low + high) / 2
      if mentions[mid] < topMention { low = mid + 1 } else { high = mid }
    }
    let chosen = low < mentions.count ? mentions[low] : mentions[mentions.count - 1]
    let location = MentionLocation(story: openStory, mention: chosen)
    show(location)
    status = "Selected \(mentionIndex.entities[chosen.entity]?.name ?? chosen.text)"
  }
}
