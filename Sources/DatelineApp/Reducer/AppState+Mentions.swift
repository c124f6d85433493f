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

  /// The name to show for an entity.
  func name(of entity: EntityID) -> String { mentionIndex.entities[entity]?.name ?? entity.rawValue }

  /// Jumps to the next or previous mention of the selected entity: within the open story, then on to the next
  /// story in the list that mentions it (loading it when needed), wrapping round at the ends.
  mutating func jumpMention(forward: Bool) {
    if selectedEntity == nil, focus == .entities, sidebarMode == .story, let entry = sidebarEntry {
      select(entry.entity.id)
    }
    guard let entity = selectedEntity else {
      status = "No entity selected: pick one in the sidebar (Enter) or press e"
      return
    }
    let anchor: MentionLocation
    if let current = currentMention, current.story == openStory, current.mention.entity == entity || isVisible(current) {
      anchor = current
    } else {
      let top = topOfScreen
      anchor = MentionLocation(
        story: openStory, mention: Mention(entity: entity, part: top.part, start: top.offset, length: 0, text: ""))
    }
    let here = mentionIndex.mentions(of: entity, inStory: openStory)
    let next = forward ? mentionIndex.next(of: entity, after: anchor) : mentionIndex.previous(of: entity, before: anchor)
    if mustWaitForEntities(from: anchor, to: next) {
      pending = .mentionAfterEntities(entity, forward: forward)
      status = "Finding the names in the rest of the story…"
      return
    }
    if let next, next.story == openStory {
      show(next)
      return
    }
    guard let reach = stories(mentioning: entity) else {
      pending = .mentionAfterLookUp(entity, forward: forward)
      status = "Looking up \(name(of: entity))…"
      return
    }
    let others = reach.map(\.story)
    guard !others.isEmpty || !here.isEmpty else {
      status = "\(name(of: entity)) has no mentions"
      return
    }
    var target = forward ? others.first { $0 > openStory } : others.last { $0 < openStory }
    if target == nil {
      target = forward ? others.first : others.last
      status = forward ? "Wrapped to the first mention of \(name(of: entity))" : "Wrapped to the last mention of \(name(of: entity))"
    }
    showMention(of: entity, inStory: target ?? openStory, first: forward)
  }

  /// Shows the first (or last) mention of `entity` in story `index`, loading the story first when needed.
  mutating func showMention(of entity: EntityID, inStory index: Int, first: Bool) {
    guard loaded[index] != nil else {
      pending = .mention(entity, story: index, first: first)
      storyCursor = index
      open(story: index)
      return
    }
    let found = mentionIndex.mentions(of: entity, inStory: index)
    guard let target = first ? found.first : found.last else {
      status = "No mention of \(name(of: entity)) found in that story"
      return
    }
    show(target)
  }

  /// Does the move that waited for story `index` to load.
  mutating func finishPendingMove(storyArrived index: Int) {
    switch pending {
    case .mention(let entity, let story, let first) where story == index:
      pending = nil
      showMention(of: entity, inStory: index, first: first)
    case .markedUpdate(let story, let first) where story == index:
      pending = nil
      showMarked(inStory: index, first: first)
    default:
      break
    }
  }

  /// Makes `location` the current mention: opens its story if needed and scrolls so it is on screen.
  mutating func show(_ location: MentionLocation) {
    if location.story != openStory, entries.indices.contains(location.story) {
      open(story: location.story)
      storyCursor = location.story
    }
    select(location.mention.entity)
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

  /// The position of the current mention among all mentions of its entity, story after story in list order:
  /// (1-based index or 0 when no mention is current, total). Stories not loaded count by the library's figures.
  public var mentionPosition: (index: Int, total: Int)? {
    guard let entity = selectedEntity else { return nil }
    let here = mentionIndex.mentions(of: entity, inStory: openStory)
    let reach = stories(mentioning: entity) ?? []
    // The open story counts by what is on screen; the others by the library's (or the index's) figures.
    let before = reach.filter { $0.story < openStory }.reduce(0) { $0 + $1.mentions }
    let total = reach.filter { $0.story != openStory }.reduce(0) { $0 + $1.mentions } + here.count
    guard let current = currentMention, current.mention.entity == entity, current.story == openStory,
      let position = here.firstIndex(of: current)
    else { return (0, total) }
    return (before + (position - here.startIndex) + 1, total)
  }

  /// Selects the entity of the mention under or nearest the cursor: the current mention when on screen, else the
  /// first mention on screen, else the nearest one below, else above. In the sidebar: the entity at the cursor.
  mutating func selectEntityNearCursor() {
    if focus == .entities {
      if sidebarMode == .library {
        status = selectedEntity.map { "Selected \(name(of: $0))" } ?? "No entity selected"
        return
      }
      guard let entry = sidebarEntry else {
        status = "No entities in this story"
        return
      }
      select(entry.entity.id)
      currentMention = nil
      status = "Selected \(entry.entity.name)"
      return
    }
    if let current = currentMention, isVisible(current) {
      select(current.mention.entity)
      status = "Selected \(name(of: current.mention.entity))"
      return
    }
    let mentions = openEntities.mentions
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
    // While only the first updates are analysed, the nearest mention below may be in the rest.
    if let coverage = loaded[openStory]?.entityCoverage, !coverage.isWhole,
      low == mentions.count || !coverage.covers(update: top.part.update)
    {
      status = "Finding the names in the rest of the story…"
      return
    }
    let chosen = low < mentions.count ? mentions[low] : mentions[mentions.count - 1]
    show(MentionLocation(story: openStory, mention: chosen))
    status = "Selected \(name(of: chosen.entity))"
  }
}
