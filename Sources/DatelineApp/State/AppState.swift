import DatelineCore

/// Everything the reader shows, as a value: the reducer turns one state into the next and the views draw it.
///
/// Stories come either all at once (`init(stories:...)`, files and the built-in sample) or from a library
/// (`init(entries:...)`): then only the list is in memory at first and each story is loaded, through an effect,
/// when it is opened.
public struct AppState: Sendable {
  /// The story list.
  public internal(set) var entries: [StoryEntry]
  /// The stories in memory, by list index.
  public internal(set) var loaded: [Int: LoadedStory] = [:]
  /// Mentions of every entity across the stories in memory.
  public private(set) var mentionIndex = MentionIndex(stories: [])
  public let keymap: Keymap
  /// Whether stories come from a library (loaded on demand, reading state saved) rather than all from memory.
  public let hasLibrary: Bool

  /// Terminal size and the pane rectangles for it.
  public private(set) var screen: ScreenLayout
  /// One pane at a time even on a screen wide enough for three (zoom): a scroll then moves whole rows, which a
  /// terminal does with a few bytes.
  public private(set) var onePane = false
  /// What the terminal can show (ASCII alone outside a UTF-8 locale): text is laid out and drawn for it.
  public private(set) var repertoire: GlyphRepertoire = .unicode
  public var focus: Pane = .updates

  /// Story list cursor and scroll (in stories).
  public var storyCursor = 0
  public var storyScroll = 0
  /// The story shown in the update pane, its layout at the current width, and the first visible line.
  public private(set) var openStory = 0
  public internal(set) var layout: StoryLayout
  public var updateScroll = 0

  /// The sidebar rows for the open story and filter, its cursor and scroll (in entries).
  public private(set) var sidebar: [SidebarEntry] = []
  public var sidebarCursor = 0
  public var sidebarScroll = 0
  public private(set) var typeFilter: EntityType?
  /// What the sidebar lists: the open story's entities, or every story that mentions the selected entity.
  public var sidebarMode: SidebarMode = .story
  /// Cursor and scroll of the library-wide list (in stories).
  public var reachCursor = 0
  public var reachScroll = 0

  /// The entity whose mentions `]` and `[` walk, and the mention on show.
  public private(set) var selectedEntity: EntityID?
  public var currentMention: MentionLocation?
  /// Per entity, every story that mentions it, in list order, as far as it is known.
  public internal(set) var reach: [EntityID: [EntityReach]] = [:]

  public var search = SearchState()
  /// A one-line message for the status line (errors, "last mention", ...).
  public var status: String?
  public var showingHelp = false
  public var helpScroll = 0

  /// Per story, the updates that have been on screen.
  public var readUpdates: [Set<Int>]

  /// Effects waiting to be handed to the run loop with the next reduction.
  var outbox: [Effect] = []
  /// Stories asked for and not loaded yet.
  var loading: Set<Int> = []
  /// Stories being fetched again from their URL.
  public internal(set) var refreshing: Set<Int> = []
  /// Stories (by handle: the list may be read again meanwhile) whose linked page is being read into them.
  public internal(set) var readingPages: Set<Int64> = []
  /// Whether every subscribed feed is being fetched (`r`), and the progress line while it is.
  public internal(set) var refreshingFeeds = false
  var feedProgress: String?
  /// The status to show once the list has been read again (after a feed refresh), instead of "Reloaded".
  var afterReloadStatus: String?
  /// Whether some story of the list has a group (the list then shows group headers).
  var groupedList = false
  /// Entities looked up and not answered yet.
  var lookingUp: Set<EntityID> = []
  /// What to do when a story or a look-up arrives.
  var pending: PendingMove?

  /// Creates the state for `stories` and their entities (`entities[i]` belongs to `stories[i]`; missing ones
  /// count as empty) on a `width` x `height` screen, all in memory.
  public init(
    stories: [Story], entities: [StoryEntities], keymap: Keymap, width: Int, height: Int, status: String? = nil
  ) {
    let entries = stories.enumerated().map { index, story in
      StoryEntry(handle: Int64(index), headline: story.headline, updateCount: story.updates.count)
    }
    self.init(entries: entries, hasLibrary: false, keymap: keymap, width: width, height: height, status: status)
    for (index, story) in stories.enumerated() {
      loaded[index] = LoadedStory(story: story, entities: entities.indices.contains(index) ? entities[index] : StoryEntities())
    }
    rebuildMentionIndex()
    open(story: 0)
  }

  /// Creates the state for a library's story list; story `opening` is asked for at once (the first reduction
  /// hands out the effect) and the others when they are opened.
  public init(
    entries: [StoryEntry], keymap: Keymap, width: Int, height: Int, opening: Int = 0, status: String? = nil
  ) {
    self.init(entries: entries, hasLibrary: true, keymap: keymap, width: width, height: height, status: status)
    let first = entries.indices.contains(opening) ? opening : 0
    storyCursor = first
    open(story: first)
  }

  private init(entries: [StoryEntry], hasLibrary: Bool, keymap: Keymap, width: Int, height: Int, status: String?) {
    self.entries = entries
    groupedList = entries.contains { $0.group != nil }
    self.hasLibrary = hasLibrary
    self.keymap = keymap
    screen = ScreenLayout(width: width, height: height)
    layout = StoryLayout()
    readUpdates = Array(repeating: [], count: entries.count)
    self.status = status
  }

  /// The open story, or nil when there is none (or it is still loading).
  public var story: Story? { loaded[openStory]?.story }

  /// The open story's entities and mentions.
  public var openEntities: StoryEntities { loaded[openStory]?.entities ?? StoryEntities() }

  /// Whether the open story's entities are still being found beyond its first screen.
  public var findingEntities: Bool { !(loaded[openStory]?.entityCoverage.isWhole ?? true) }

  /// The open story's new/changed marks by update index.
  public var openMarks: [Int: UpdateMark] { loaded[openStory]?.marks ?? [:] }

  /// The entity selected in the sidebar's cursor row, or nil.
  public var sidebarEntry: SidebarEntry? { sidebar.indices.contains(sidebarCursor) ? sidebar[sidebarCursor] : nil }

  /// Rows of the update pane available for text.
  public var updateRows: Int { screen.contentRows(of: .updates) }

  /// The largest useful scroll of the update pane.
  public var maxUpdateScroll: Int { max(0, layout.lines.count - updateRows) }

  /// Opens story `index`: lays it out (or asks for it when it is not loaded), resets the scroll, rebuilds the
  /// sidebar. Leaving a library story saves where the reader was in it.
  public mutating func open(story index: Int) {
    guard entries.indices.contains(index) else {
      layout = StoryLayout()
      sidebar = []
      return
    }
    let another = index != openStory
    if another { saveReadingPosition() }
    openStory = index
    updateScroll = 0
    search.match = nil
    guard let story = loaded[index] else {
      layout = StoryLayout()
      rebuildSidebar()
      requestStory(index)
      return
    }
    layout = layOut(story)
    rebuildSidebar()
    markVisibleRead()
    if another { readLinkedPageIfWanted() }
  }

  /// `story` laid out at the update pane's width.
  func layOut(_ story: LoadedStory) -> StoryLayout {
    StoryLayout(
      story: story.story, entities: story.entities, width: screen.updateTextWidth, marks: story.marks,
      repertoire: repertoire)
  }

  /// Draws for a terminal that can show `repertoire`: the open story is laid out again when it changes.
  public mutating func use(_ repertoire: GlyphRepertoire) {
    guard repertoire != self.repertoire else { return }
    self.repertoire = repertoire
    if let story = loaded[openStory] { layout = layOut(story) }
  }

  /// Asks the run loop for story `index` unless it is in memory or already asked for.
  mutating func requestStory(_ index: Int) {
    guard loaded[index] == nil, !loading.contains(index) else { return }
    loading.insert(index)
    outbox.append(.loadStory(index))
  }

  /// Takes in a story the run loop loaded: shows it when it is the open one (at the saved reading position the
  /// first time), and finishes a jump that was waiting for it.
  mutating func receive(_ story: LoadedStory, at index: Int) {
    guard entries.indices.contains(index) else { return }
    loading.remove(index)
    loaded[index] = story
    entries[index].updateCount = story.story.updates.count
    entries[index].headline = story.story.headline
    entries[index].markedCount = story.marks.keys.filter { !readUpdates[index].contains($0) }.count
    rebuildMentionIndex()
    guard index == openStory else { return }
    layout = layOut(story)
    if let spot = story.position {
      let line: Int
      if let update = spot.update, layout.updateStart.indices.contains(update) {
        line = spot.line == 0 ? layout.updateStart[update] : layout.contentStart(of: update) + spot.line
      } else {
        line = spot.line
      }
      updateScroll = min(maxUpdateScroll, line)
    }
    rebuildSidebar()
    finishPendingMove(storyArrived: index)
    markVisibleRead()
    readLinkedPageIfWanted()
  }

  /// Takes in the reloaded story list: every story is loaded afresh when shown (its updates may have changed),
  /// the open story and the list cursor stay on the same stories where they still exist.
  mutating func receiveList(_ fresh: [StoryEntry]) {
    let openHandle = entries.indices.contains(openStory) ? entries[openStory].handle : nil
    let cursorHandle = entries.indices.contains(storyCursor) ? entries[storyCursor].handle : nil
    let added = fresh.count - entries.count
    entries = fresh
    groupedList = fresh.contains { $0.group != nil }
    loaded = [:]
    loading = []
    refreshing = []
    lookingUp = []
    reach = [:]
    pending = nil
    currentMention = nil
    readUpdates = Array(repeating: [], count: fresh.count)
    rebuildMentionIndex()
    storyCursor = fresh.firstIndex { $0.handle == cursorHandle } ?? 0
    let reopened = fresh.firstIndex { $0.handle == openHandle } ?? 0
    openStory = reopened
    layout = StoryLayout()
    updateScroll = 0
    rebuildSidebar()
    if let entity = selectedEntity { select(entity) }
    requestStory(reopened)
    status = added > 0 ? "Reloaded: \(added) new stor\(added == 1 ? "y" : "ies")" : "Reloaded"
    if let message = afterReloadStatus {
      status = message
      afterReloadStatus = nil
    }
  }
  mutating func rebuildMentionIndex() {
    mentionIndex = MentionIndex(stories: entries.indices.map { loaded[$0]?.entities ?? StoryEntities() })
  }

  /// Changes the screen size; lays the story out again when the text width changed, keeping the top line's text
  /// in view.
  public mutating func resize(width: Int, height: Int) {
    let anchor = layout.lines.indices.contains(updateScroll) ? layout.lines[updateScroll] : nil
    screen = ScreenLayout(width: width, height: height, onePane: onePane)
    if layout.width != screen.updateTextWidth, let loadedStory = loaded[openStory] {
      layout = layOut(loadedStory)
      if let anchor, let part = anchor.part, let line = layout.line(of: part, offset: anchor.range.scalarStart) {
        updateScroll = line
      }
    }
    updateScroll = min(updateScroll, maxUpdateScroll)
    clampLists()
    markVisibleRead()
  }

  /// Switches between one pane at a time and all three side by side.
  public mutating func toggleOnePane() {
    onePane.toggle()
    resize(width: screen.width, height: screen.height)
    status = onePane ? "One pane at a time (Tab: next pane, z: all three)" : "All three panes"
  }

  /// Sets the sidebar's type filter.
  public mutating func setTypeFilter(_ filter: EntityType?) {
    typeFilter = filter
    rebuildSidebar()
  }

  mutating func rebuildSidebar() {
    sidebar = SidebarEntry.entries(for: openEntities, filter: typeFilter)
    if let selected = selectedEntity, let index = sidebar.firstIndex(where: { $0.entity.id == selected }) {
      sidebarCursor = index
    }
    clampLists()
  }

  /// Makes `entity` the selected one; with a library, asks which stories mention it (for the library-wide
  /// sidebar and cross-story jumps).
  mutating func select(_ entity: EntityID) {
    if selectedEntity != entity {
      reachCursor = 0
      reachScroll = 0
    }
    selectedEntity = entity
    if hasLibrary, reach[entity] == nil, !lookingUp.contains(entity) {
      lookingUp.insert(entity)
      outbox.append(.lookUpEntity(entity))
    }
  }

  /// Every story that mentions `entity` with its count, in list order; nil while a library look-up is pending.
  public func stories(mentioning entity: EntityID) -> [EntityReach]? {
    if hasLibrary { return reach[entity] }
    return mentionIndex.storyCounts(of: entity).map { EntityReach(story: $0.story, mentions: $0.mentions) }
  }

  mutating func receiveReach(_ found: [EntityReach], of entity: EntityID) {
    lookingUp.remove(entity)
    reach[entity] = found.sorted { $0.story < $1.story }
    clampLists()
    if case .mentionAfterLookUp(let waiting, let forward) = pending, waiting == entity {
      pending = nil
      jumpMention(forward: forward)
    }
  }

  /// Keeps cursors and scrolls inside their lists and the cursor rows on screen.
  mutating func clampLists() {
    storyCursor = max(0, min(storyCursor, entries.count - 1))
    if groupedList {
      // Group headers take a row each: the scroll is worked out in rows.
      storyScroll =
        storyCursor < storyScroll
        ? storyCursor : max(storyScroll, firstStoryShowing(storyCursor, rows: max(3, screen.contentRows(of: .stories))))
    } else {
      let storyRows = max(1, screen.contentRows(of: .stories) / 2)
      storyScroll = Self.scroll(keeping: storyCursor, visible: storyRows, scroll: storyScroll)
    }
    sidebarCursor = max(0, min(sidebarCursor, sidebar.count - 1))
    sidebarScroll = Self.scroll(keeping: sidebarCursor, visible: SidebarLayout.entryRows(in: self), scroll: sidebarScroll)
    let reachCount = selectedEntity.flatMap { stories(mentioning: $0)?.count } ?? 0
    reachCursor = max(0, min(reachCursor, reachCount - 1))
    reachScroll = Self.scroll(keeping: reachCursor, visible: EntityStoriesView.rows(in: self), scroll: reachScroll)
    updateScroll = max(0, min(updateScroll, maxUpdateScroll))
  }

  static func scroll(keeping cursor: Int, visible: Int, scroll: Int) -> Int {
    let rows = max(1, visible)
    if cursor < scroll { return max(0, cursor) }
    if cursor >= scroll + rows { return cursor - rows + 1 }
    return max(0, scroll)
  }

  /// Records the updates on screen as read; marked ones are reported to the library.
  mutating func markVisibleRead() {
    guard readUpdates.indices.contains(openStory), loaded[openStory] != nil, !layout.lines.isEmpty else { return }
    let last = min(layout.lines.count, updateScroll + max(1, updateRows)) - 1
    guard last >= updateScroll else { return }
    let first = layout.update(atLine: updateScroll) ?? layout.lines[updateScroll].update ?? 0
    let lastUpdate = layout.update(atLine: last) ?? -1
    guard lastUpdate >= first else { return }
    let marks = openMarks
    var newlySeenMarks: [Int] = []
    for u in first...lastUpdate where readUpdates[openStory].insert(u).inserted && marks[u] != nil {
      newlySeenMarks.append(u)
    }
    guard !newlySeenMarks.isEmpty else { return }
    entries[openStory].markedCount = max(0, entries[openStory].markedCount - newlySeenMarks.count)
    if hasLibrary { outbox.append(.markSeen(story: openStory, updates: newlySeenMarks)) }
  }

  /// Where the reader is in the open story: the update at the top and the line within its text, counted from
  /// its title or first paragraph (a "● NEW" line above it is gone next time, once the update has been read).
  public var readingSpot: ReadingSpot {
    guard let update = layout.update(atLine: updateScroll), layout.updateStart.indices.contains(update) else {
      return ReadingSpot(update: nil, line: updateScroll)
    }
    return ReadingSpot(update: update, line: updateScroll - layout.contentStart(of: update))
  }

  /// Asks the library to remember where the reader is in the open story.
  mutating func saveReadingPosition() {
    guard hasLibrary, loaded[openStory] != nil else { return }
    outbox.append(.saveReadingPosition(story: openStory, readingSpot))
  }

  /// How many of story `index`'s updates still want reading: with a library, those marked new or changed and
  /// not seen; otherwise those not yet on screen.
  public func unreadCount(story index: Int) -> Int {
    guard entries.indices.contains(index) else { return 0 }
    if hasLibrary { return entries[index].markedCount }
    return max(0, entries[index].updateCount - readUpdates[index].count)
  }
}

/// What the entity sidebar lists.
public enum SidebarMode: Sendable, Hashable {
  /// The open story's entities.
  case story
  /// Every story that mentions the selected entity.
  case library
}

/// A move that waits for a story to load or an entity look-up to return.
enum PendingMove: Sendable, Hashable {
  /// Show the first (or last) mention of an entity in a story.
  case mention(EntityID, story: Int, first: Bool)
  /// Jump to the next (or previous) mention once the entity's stories are known.
  case mentionAfterLookUp(EntityID, forward: Bool)
  /// Jump to the next (or previous) mention once the open story's entities are found in all of it.
  case mentionAfterEntities(EntityID, forward: Bool)
  /// Scroll to the first (or last) marked update of a story.
  case markedUpdate(story: Int, first: Bool)
}
