import DatelineCore

/// The pure update function: the next state and the effects for an event (bubbletea's `Update`).
public enum Reducer {
  /// Handles `event` in `state`.
  public static func reduce(_ state: AppState, _ event: Event) -> (AppState, [Effect]) {
    var next = state
    let effects: [Effect]
    switch event {
    case .command(let command):
      effects = next.run(command)
    case .key(let key):
      effects = next.handle(key)
    case .resize(let width, let height):
      next.resize(width: width, height: height)
      effects = []
    case .storyLoaded(let index, let story):
      next.receive(story, at: index)
      effects = []
    case .storyFailed(let index, let message):
      next.loading.remove(index)
      next.pending = nil
      next.status = message
      effects = []
    case .entityReach(let entity, let found):
      next.receiveReach(found, of: entity)
      effects = []
    case .listReloaded(let entries):
      next.receiveList(entries)
      effects = []
    case .notice(let message):
      next.status = message
      effects = []
    case .storyRefreshed(let handle, let outcome):
      next.receiveRefresh(outcome, story: handle)
      effects = []
    case .refreshDue:
      next.refreshOpenStory(timer: true)
      effects = []
    case .feedsProgress(let done, let total):
      next.receiveFeedsProgress(done: done, total: total)
      effects = []
    case .feedsRefreshed(let summary):
      next.receiveFeedsRefresh(summary)
      effects = []
    case .linkedPageRead(let handle, let outcome):
      next.receiveLinkedPage(outcome, story: handle)
      effects = []
    case .entitiesFound(let handle, let entities):
      next.receiveEntities(entities, story: handle)
      effects = []
    }
    // Effects the state queued (loads, look-ups, saves) go first: a quit must come after the last save.
    let queued = next.outbox
    next.outbox = []
    return (next, queued + effects)
  }

  /// Handles `command` in `state`.
  public static func reduce(_ state: AppState, _ command: Command) -> (AppState, [Effect]) {
    reduce(state, .command(command))
  }
}

/// `reduce(state, command)`: see `Reducer.reduce`.
public func reduce(_ state: AppState, _ command: Command) -> (AppState, [Effect]) {
  Reducer.reduce(state, command)
}

extension AppState {
  /// A key: typed into the search prompt when it is open, otherwise looked up in the keymap.
  mutating func handle(_ key: Key) -> [Effect] {
    if search.prompt != nil {
      editPrompt(with: key)
      return []
    }
    guard let command = keymap.command(for: key) else {
      status = "\(key.name) is not bound; h for help"
      return []
    }
    return run(command)
  }

  /// Runs one command.
  mutating func run(_ command: Command) -> [Effect] {
    // A feed refresh under way keeps its progress in the status line while the reader moves about.
    status = refreshingFeeds ? feedProgress : nil
    if showingHelp {
      switch command {
      case .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .moveFirst, .moveLast:
        scrollHelp(command)
        return []
      case .help, .cancel, .quit:
        showingHelp = false
        return []
      case .redraw:
        return [.redraw]
      default:
        showingHelp = false
      }
    }
    switch command {
    case .moveDown: move(by: 1)
    case .moveUp: move(by: -1)
    case .pageDown: move(by: max(1, pageSize - 1))
    case .pageUp: move(by: -max(1, pageSize - 1))
    case .halfPageDown: move(by: max(1, pageSize / 2))
    case .halfPageUp: move(by: -max(1, pageSize / 2))
    case .moveFirst: move(by: Int.min / 2)
    case .moveLast: move(by: Int.max / 2)
    case .nextPane: focus = focus.next
    case .previousPane: focus = focus.previous
    case .zoom: toggleOnePane()
    case .enter: enter()
    case .nextUpdate: jumpUpdate(forward: true)
    case .previousUpdate: jumpUpdate(forward: false)
    case .nextNew: jumpMarked(forward: true)
    case .previousNew: jumpMarked(forward: false)
    case .nextMention: jumpMention(forward: true)
    case .previousMention: jumpMention(forward: false)
    case .selectEntity: selectEntityNearCursor()
    case .cycleTypeFilter: cycleTypeFilter()
    case .entityStories: toggleSidebarMode()
    case .searchForward: openPrompt(.forward)
    case .searchBackward: openPrompt(.backward)
    case .findNext: findAgain(reverse: false)
    case .findPrevious: findAgain(reverse: true)
    case .help:
      showingHelp = true
      helpScroll = 0
    case .redraw: return [.redraw]
    case .reload: refreshOpenStory(timer: false)
    case .refreshFeeds: refreshFeeds()
    case .cancel:
      search.prompt = nil
      search.match = nil
    case .quit:
      saveReadingPosition()
      return [.quit]
    }
    return []
  }

  /// Rows a page moves in the focused pane.
  var pageSize: Int {
    switch focus {
    case .stories: max(1, screen.contentRows(of: .stories) / 2)
    case .updates: max(1, updateRows)
    case .entities: sidebarMode == .library ? EntityStoriesView.rows(in: self) : SidebarLayout.entryRows(in: self)
    }
  }

  mutating func move(by delta: Int) {
    switch focus {
    case .stories:
      storyCursor = clampedAdd(storyCursor, delta, upTo: entries.count - 1)
    case .updates:
      updateScroll = clampedAdd(updateScroll, delta, upTo: maxUpdateScroll)
      markVisibleRead()
    case .entities where sidebarMode == .library:
      let count = selectedEntity.flatMap { stories(mentioning: $0)?.count } ?? 0
      reachCursor = clampedAdd(reachCursor, delta, upTo: count - 1)
    case .entities:
      sidebarCursor = clampedAdd(sidebarCursor, delta, upTo: sidebar.count - 1)
    }
    clampLists()
  }

  private func clampedAdd(_ value: Int, _ delta: Int, upTo limit: Int) -> Int {
    max(0, min(max(0, limit), value + delta))
  }

  mutating func scrollHelp(_ command: Command) {
    let rows = max(1, screen.height - 2)
    let total = HelpView.lineCount(keymap: keymap)
    let delta =
      switch command {
      case .moveDown: 1
      case .moveUp: -1
      case .pageDown: rows - 1
      case .pageUp: -(rows - 1)
      case .halfPageDown: rows / 2
      case .halfPageUp: -(rows / 2)
      case .moveFirst: Int.min / 2
      default: Int.max / 2
      }
    helpScroll = clampedAdd(helpScroll, delta, upTo: max(0, total - rows))
  }

  mutating func enter() {
    switch focus {
    case .stories:
      guard !entries.isEmpty else {
        status = "No stories"
        return
      }
      if storyCursor != openStory { open(story: storyCursor) }
      focus = .updates
    case .updates:
      selectEntityNearCursor()
    case .entities where sidebarMode == .library:
      openReachStory()
    case .entities:
      guard let entry = sidebarEntry else {
        status = "No entities in this story"
        return
      }
      select(entry.entity.id)
      currentMention = nil
      jumpMention(forward: true)
    }
  }

  /// Scrolls to the start of the next or previous update.
  mutating func jumpUpdate(forward: Bool) {
    let starts = layout.updateStart
    guard !starts.isEmpty else {
      status = "No updates"
      return
    }
    let target = forward ? starts.first { $0 > updateScroll } : starts.last { $0 < updateScroll }
    guard let target else {
      status = forward ? "Last update" : "First update"
      return
    }
    updateScroll = min(target, maxUpdateScroll)
    if forward && target > maxUpdateScroll { status = "Last update" }
    markVisibleRead()
  }

  mutating func cycleTypeFilter() {
    let order: [EntityType?] = [nil] + EntityType.allCases.map { Optional($0) }
    let index = order.firstIndex(of: typeFilter) ?? 0
    setTypeFilter(order[(index + 1) % order.count])
    status = "Sidebar: " + (typeFilter?.pluralTitle.lowercased() ?? "all entities")
  }
}
