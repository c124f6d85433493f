import DatelineCore

extension AppState {
  /// Takes in the whole story's entities for the story with `handle`, shown so far with those of its first
  /// screen only (`EntityCoverage.firstUpdates`): highlights, sidebar and mention index become the whole
  /// story's, the update pane stays on the same line (entities do not change how text wraps), and a mention jump
  /// that waited for them is done. Ignored when that story is no longer in memory or is whole already.
  mutating func receiveEntities(_ entities: StoryEntities, story handle: Int64) {
    guard let index = entries.firstIndex(where: { $0.handle == handle }), var story = loaded[index],
      !story.entityCoverage.isWhole
    else { return }
    let before = story.entities
    story.entities = entities
    story.entityCoverage = .whole
    loaded[index] = story
    rebuildMentionIndex()
    // The whole story may name a mention's entity differently (an alias resolved by a later update): the mention
    // on show and the selection follow the text they were on.
    func same(_ mention: Mention) -> Mention? {
      entities.mentions.first { $0.part == mention.part && $0.start == mention.start }
    }
    if let current = currentMention, current.story == index {
      currentMention = same(current.mention).map { MentionLocation(story: index, mention: $0) }
    }
    if let selected = selectedEntity, !entities.entities.contains(where: { $0.id == selected }),
      let first = before.mentions.first(where: { $0.entity == selected }), let moved = same(first)
    {
      select(moved.entity)
    } else if let mention = currentMention, mention.story == index {
      select(mention.mention.entity)
    }
    // Which stories mention which entity (and how often) may have changed: ask again when needed.
    reach = [:]
    lookingUp = []
    if let entity = selectedEntity { select(entity) }
    guard index == openStory else {
      if case .mentionAfterEntities = pending { pending = nil }
      return
    }
    let cursorEntity = sidebarEntry?.entity.id
    layout = layout.width == screen.updateTextWidth ? layout.withMentions(of: entities) : layOut(story)
    updateScroll = min(updateScroll, maxUpdateScroll)
    rebuildSidebar()
    if selectedEntity == nil, let cursorEntity, let row = sidebar.firstIndex(where: { $0.entity.id == cursorEntity }) {
      sidebarCursor = row
      clampLists()
    }
    if case .mentionAfterEntities(_, let forward) = pending {
      pending = nil
      jumpMention(forward: forward)
    }
  }

  /// Whether a mention jump from `anchor` must wait for the rest of the open story's entities: while they cover
  /// only its first updates, a jump is done at once only from within those to a mention within them (a mention
  /// further on, or before the anchor in updates not analysed yet, could be skipped otherwise).
  func mustWaitForEntities(from anchor: MentionLocation, to next: MentionLocation?) -> Bool {
    guard let coverage = loaded[openStory]?.entityCoverage, !coverage.isWhole else { return false }
    guard coverage.covers(update: anchor.mention.part.update), let next, next.story == openStory else { return true }
    return !coverage.covers(update: next.mention.part.update)
  }
}
