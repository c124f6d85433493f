import DatelineCore

/// Everything the reader shows, as a value: the reducer turns one state into the next and the views draw it.
public struct AppState: Sendable {
  public let stories: [Story]
  public let storyEntities: [StoryEntities]
  public let mentionIndex: MentionIndex
  public let keymap: Keymap

  /// Terminal size and the pane rectangles for it.
  public private(set) var screen: ScreenLayout
  public var focus: Pane = .updates

  /// Story list cursor and scroll (in stories).
  public var storyCursor = 0
  public var storyScroll = 0
  /// The story shown in the update pane, its layout at the current width, and the first visible line.
  public private(set) var openStory = 0
  public private(set) var layout: StoryLayout
  public var updateScroll = 0

  /// The sidebar rows for the open story and filter, its cursor and scroll (in entries).
  public private(set) var sidebar: [SidebarEntry] = []
  public var sidebarCursor = 0
  public var sidebarScroll = 0
  public private(set) var typeFilter: EntityType?

  /// The entity whose mentions `]` and `[` walk, and the mention on show.
  public var selectedEntity: EntityID?
  public var currentMention: MentionLocation?

  public var search = SearchState()
  /// A one-line message for the status line (errors, "last mention", ...).
  public var status: String?
  public var showingHelp = false
  public var helpScroll = 0

  /// Per story, the updates that have been on screen.
  public var readUpdates: [Set<Int>]
  /// Per story, how many updates are new since the last capture (0 until the library tracks it).
  public var newUpdateCounts: [Int]

  /// Creates the state for `stories` and their entities (`entities[i]` belongs to `stories[i]`; missing ones
  /// count as empty) on a `width` x `height` screen.
  public init(
    stories: [Story], entities: [StoryEntities], keymap: Keymap, width: Int, height: Int,
    newUpdateCounts: [Int]? = nil, status: String? = nil
  ) {
    self.stories = stories
    let padded = stories.indices.map { entities.indices.contains($0) ? entities[$0] : StoryEntities() }
    storyEntities = padded
    mentionIndex = MentionIndex(stories: padded)
    self.keymap = keymap
    screen = ScreenLayout(width: width, height: height)
    layout = StoryLayout()
    readUpdates = Array(repeating: [], count: stories.count)
    self.newUpdateCounts = stories.indices.map { newUpdateCounts?.indices.contains($0) == true ? newUpdateCounts?[$0] ?? 0 : 0 }
    self.status = status
    open(story: 0)
  }

  /// The open story, or nil when there are none.
  public var story: Story? { stories.indices.contains(openStory) ? stories[openStory] : nil }

  /// The entity selected in the sidebar's cursor row, or nil.
  public var sidebarEntry: SidebarEntry? { sidebar.indices.contains(sidebarCursor) ? sidebar[sidebarCursor] : nil }

  /// Rows of the update pane available for text.
  public var updateRows: Int { screen.contentRows(of: .updates) }

  /// The largest useful scroll of the update pane.
  public var maxUpdateScroll: Int { max(0, layout.lines.count - updateRows) }

  /// Opens story `index`: lays it out, resets the scroll, rebuilds the sidebar.
  public mutating func open(story index: Int) {
    guard stories.indices.contains(index) else {
      layout = StoryLayout()
      sidebar = []
      return
    }
    openStory = index
    layout = StoryLayout(story: stories[index], entities: storyEntities[index], width: screen.updateTextWidth)
    updateScroll = 0
    search.match = nil
    rebuildSidebar()
    markVisibleRead()
  }

  /// Changes the screen size; lays the story out again when the text width changed, keeping the top line's text
  /// in view.
  public mutating func resize(width: Int, height: Int) {
    let anchor = layout.lines.indices.contains(updateScroll) ? layout.lines[updateScroll] : nil
    screen = ScreenLayout(width: width, height: height)
    if layout.width != screen.updateTextWidth, let story {
      layout = StoryLayout(story: story, entities: storyEntities[openStory], width: screen.updateTextWidth)
      if let anchor, let part = anchor.part, let line = layout.line(of: part, offset: anchor.range.scalarStart) {
        updateScroll = line
      }
    }
    updateScroll = min(updateScroll, maxUpdateScroll)
    clampLists()
    markVisibleRead()
  }

  /// Sets the sidebar's type filter.
  public mutating func setTypeFilter(_ filter: EntityType?) {
    typeFilter = filter
    rebuildSidebar()
  }

  mutating func rebuildSidebar() {
    let entities = storyEntities.indices.contains(openStory) ? storyEntities[openStory] : StoryEntities()
    sidebar = SidebarEntry.entries(for: entities, filter: typeFilter)
    if let selected = selectedEntity, let index = sidebar.firstIndex(where: { $0.entity.id == selected }) {
      sidebarCursor = index
    }
    clampLists()
  }

  /// Keeps cursors and scrolls inside their lists and the cursor rows on screen.
  mutating func clampLists() {
    storyCursor = max(0, min(storyCursor, stories.count - 1))
    let storyRows = max(1, screen.contentRows(of: .stories) / 2)
    storyScroll = Self.scroll(keeping: storyCursor, visible: storyRows, scroll: storyScroll)
    sidebarCursor = max(0, min(sidebarCursor, sidebar.count - 1))
    sidebarScroll = Self.scroll(keeping: sidebarCursor, visible: SidebarLayout.entryRows(in: self), scroll: sidebarScroll)
    updateScroll = max(0, min(updateScroll, maxUpdateScroll))
  }

  static func scroll(keeping cursor: Int, visible: Int, scroll: Int) -> Int {
    let rows = max(1, visible)
    if cursor < scroll { return max(0, cursor) }
    if cursor >= scroll + rows { return cursor - rows + 1 }
    return max(0, scroll)
  }

  /// Records the updates on screen as read.
  mutating func markVisibleRead() {
    guard readUpdates.indices.contains(openStory), !layout.lines.isEmpty else { return }
    let last = min(layout.lines.count, updateScroll + max(1, updateRows)) - 1
    guard last >= updateScroll else { return }
    let first = layout.update(atLine: updateScroll) ?? layout.lines[updateScroll].update ?? 0
    let lastUpdate = layout.update(atLine: last) ?? -1
    if lastUpdate >= first { for u in first...lastUpdate { readUpdates[openStory].insert(u) } }
  }

  /// How many of story `index`'s updates have not been on screen yet.
  public func unreadCount(story index: Int) -> Int {
    guard stories.indices.contains(index) else { return 0 }
    return stories[index].updates.count - readUpdates[index].count
  }
}
