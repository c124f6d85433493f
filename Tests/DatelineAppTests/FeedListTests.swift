import DatelineCore
import Foundation
import XCTest

@testable import DatelineApp

/// A library with feeds, in memory: `refreshFeeds` tells its progress feed by feed, then a new item has become
/// a story at the top of its feed's group.
final class FeedLibrarySource: StorySource, Sendable {
  let inner: RecordingStorySource
  let afterRefresh: (stories: [Int64: LoadedStory], list: [StoryEntry])
  let failures: [String]

  init(_ inner: RecordingStorySource, afterRefresh: (stories: [Int64: LoadedStory], list: [StoryEntry]), failures: [String] = []) {
    self.inner = inner
    self.afterRefresh = afterRefresh
    self.failures = failures
  }
  func entries() throws -> [StoryEntry] { try inner.entries() }
  func loadStory(_ entry: StoryEntry) throws -> LoadedStory { try inner.loadStory(entry) }
  func storiesMentioning(_ entity: EntityID) throws -> [(handle: Int64, mentions: Int)] { try inner.storiesMentioning(entity) }
  func markSeen(_ entry: StoryEntry, updates: [Int64]) throws { try inner.markSeen(entry, updates: updates) }
  func saveReadingPosition(_ entry: StoryEntry, update: Int64?, line: Int) throws {
    try inner.saveReadingPosition(entry, update: update, line: line)
  }
  func refreshFeeds(progress: @escaping @Sendable (Int, Int) -> Void) -> FeedsRefreshSummary {
    for done in 1...3 {
      usleep(50_000)
      progress(done, 3)
    }
    inner.update(afterRefresh.stories, list: afterRefresh.list)
    return FeedsRefreshSummary(feeds: 3, newStories: 1, failures: failures)
  }
}

final class FeedListTests: XCTestCase {
  static let times = "News › Example Times"
  static let wire = "Example Wire"

  static func story(_ headline: String, mentioning entities: [Entity]) -> LoadedStory {
    let story = Story(
      source: "feed", headline: headline,
      updates: [Update(title: nil, line: 1, paragraphs: [Paragraph(line: 1, text: "\(headline): Blinken spoke in Kyiv.")])])
    return LoadedStory(story: story, entities: Fixtures.entities(for: story, entities), marks: [0: .new], updateHandles: [1])
  }

  /// Two stories from the Times (in the News folder), one from the Wire, one added by hand: every feed story
  /// unread, the one from no feed read.
  static let stories: [Int64: LoadedStory] = [
    1: story("Port strike ends after two weeks", mentioning: [Fixtures.blinken, Fixtures.kyiv]),
    2: story("Council votes on the new bridge", mentioning: [Fixtures.kyiv]),
    3: story("Wire: ministers meet in Kyiv", mentioning: [Fixtures.blinken]),
    4: LoadedStory(story: Fixtures.secondStory, entities: Fixtures.secondEntities, updateHandles: [40]),
  ]

  static let entries = [
    StoryEntry(handle: 1, headline: "Port strike ends after two weeks", updateCount: 1, markedCount: 1, group: times),
    StoryEntry(handle: 2, headline: "Council votes on the new bridge", updateCount: 1, markedCount: 1, group: times),
    StoryEntry(handle: 3, headline: "Wire: ministers meet in Kyiv", updateCount: 1, markedCount: 1, group: wire),
    StoryEntry(handle: 4, headline: Fixtures.secondStory.headline, updateCount: 1, group: "Other stories"),
  ]

  static func afterRefresh() -> (stories: [Int64: LoadedStory], list: [StoryEntry]) {
    var stories = Self.stories
    stories[5] = story("Wire: late news from the harbour", mentioning: [Fixtures.blinken])
    var list = entries
    list.insert(
      StoryEntry(handle: 5, headline: "Wire: late news from the harbour", updateCount: 1, markedCount: 1, group: wire),
      at: 2)
    return (stories, list)
  }

  static func source(failures: [String] = []) -> FeedLibrarySource {
    FeedLibrarySource(RecordingStorySource(stories, list: entries), afterRefresh: afterRefresh(), failures: failures)
  }

  static func started(_ runner: EffectRunner, width: Int = 80, height: Int = 24, opening: Int = 0) -> AppState {
    var state = AppState(entries: entries, keymap: Fixtures.keymap, width: width, height: height, opening: opening)
    _ = EffectRunner.apply(.resize(width: width, height: height), to: &state, runner: runner)
    return state
  }

  func testUnreadCountsPerFeedAndOpeningAStoryMarksItRead() {
    let source = Self.source()
    let runner = EffectRunner(source: source)
    var state = Self.started(runner)
    // Story 1 is open and its one update is on screen: read, and reported to the library.
    XCTAssertEqual(state.unreadCount(story: 0), 0)
    XCTAssertEqual(state.unreadStories(inGroup: Self.times), 1)
    XCTAssertEqual(state.unreadStories(inGroup: Self.wire), 1)
    XCTAssertEqual(state.unreadStories(inGroup: "Other stories"), 0)
    XCTAssertTrue(source.inner.calls.contains("seen 1 1"), "\(source.inner.calls)")
    state.focus = .stories
    for command in [Command.moveDown, .enter] { _ = EffectRunner.apply(.command(command), to: &state, runner: runner) }
    XCTAssertEqual(state.openStory, 1)
    XCTAssertEqual(state.unreadStories(inGroup: Self.times), 0)
    XCTAssertEqual(state.unreadStories(inGroup: Self.wire), 1)
    XCTAssertTrue(source.inner.calls.contains("seen 2 1"), "\(source.inner.calls)")
  }

  func testHeadersShowAboveEachGroupAndAtTheTopOfThePane() {
    var state = Self.started(EffectRunner(source: Self.source()))
    XCTAssertTrue(state.hasGroupHeader(0, top: 0))
    XCTAssertFalse(state.hasGroupHeader(1, top: 0))
    XCTAssertTrue(state.hasGroupHeader(2, top: 0))
    XCTAssertTrue(state.hasGroupHeader(1, top: 1), "the group of the first story on screen is named")
    // A short list pane (a header and two stories at most): moving down to the last story keeps it on screen.
    state.focus = .stories
    state.resize(width: 80, height: 9)
    var moved = state
    for _ in 0..<3 { moved = Reducer.reduce(moved, .command(.moveDown)).0 }
    XCTAssertEqual(moved.storyCursor, 3)
    let grid = ScreenView.render(moved)
    let rows = (0..<grid.height).map { y in (0..<grid.width).map { grid[$0, y].text }.joined() }
    XCTAssertTrue(rows.contains { $0.contains("Aid talks") }, rows.joined(separator: "\n"))
    XCTAssertGreaterThan(moved.storyScroll, 0)
  }

  func testAnUngroupedListHasNoHeaders() {
    let state = AppState(entries: LibraryModeTests.entries, keymap: Fixtures.keymap, width: 80, height: 24)
    XCTAssertFalse(state.hasGroupHeader(0, top: 0))
  }

  func testRRefreshesTheFeedsInTheBackgroundWithProgressAndKeepsTheCursorOnItsStory() {
    let source = Self.source()
    let runner = EffectRunner(source: source)
    var state = Self.started(runner)
    state.focus = .stories
    for command in [Command.moveDown, .moveDown, .enter] {
      _ = EffectRunner.apply(.command(command), to: &state, runner: runner)
    }
    XCTAssertEqual(state.entries[state.storyCursor].handle, 3)
    let started = Date()
    _ = EffectRunner.apply(.key(Key.character("r")), to: &state, runner: runner)
    XCTAssertLessThan(Date().timeIntervalSince(started), 0.1, "r returns at once: the refresh takes 0.15 s")
    XCTAssertEqual(state.status, "Refreshing feeds…")
    XCTAssertTrue(state.refreshingFeeds)
    // A second r while it runs starts nothing more; moving about keeps the progress on show.
    _ = EffectRunner.apply(.key(Key.character("r")), to: &state, runner: runner)
    for command in [Command.nextPane, .previousPane] { _ = EffectRunner.apply(.command(command), to: &state, runner: runner) }
    XCTAssertEqual(state.status, "Refreshing feeds…")
    var statuses: [String] = []
    let deadline = Date().addingTimeInterval(10)
    while state.refreshingFeeds, Date() < deadline {
      for event in runner.background.drain() {
        _ = EffectRunner.apply(event, to: &state, runner: runner)
        if let status = state.status, statuses.last != status { statuses.append(status) }
      }
      usleep(5_000)
    }
    XCTAssertTrue(runner.background.waitUntilDone(timeout: 5))
    for event in runner.background.drain() { _ = EffectRunner.apply(event, to: &state, runner: runner) }
    XCTAssertTrue(statuses.contains("Refreshing 3/3 feeds…"), "\(statuses)")
    XCTAssertEqual(state.status, "1 new story")
    XCTAssertEqual(state.entries.count, 5)
    XCTAssertEqual(state.entries[state.storyCursor].handle, 3, "the cursor stays on the same story")
    XCTAssertEqual(state.entries[state.openStory].handle, 3)
    XCTAssertEqual(state.unreadStories(inGroup: Self.wire), 1, "the new story is unread, the open one read")
    XCTAssertEqual(source.inner.calls.filter { $0 == "entries" }.count, 1, "one list reload")
  }

  func testFailuresAreCountedInTheStatusLine() {
    let runner = EffectRunner(source: Self.source(failures: ["https://feeds.example/a: HTTP 500"]))
    var state = Self.started(runner)
    _ = EffectRunner.apply(.command(.refreshFeeds), to: &state, runner: runner)
    XCTAssertTrue(runner.background.waitUntilDone(timeout: 5))
    for event in runner.background.drain() { _ = EffectRunner.apply(event, to: &state, runner: runner) }
    XCTAssertEqual(state.status, "1 new story; 1 of 3 feeds failed: https://feeds.example/a: HTTP 500")
  }

  func testWithoutALibraryOrFeedsRSaysSo() {
    var state = Fixtures.state()
    state = Reducer.reduce(state, .command(.refreshFeeds)).0
    XCTAssertEqual(state.status, "Not reading the library: no feeds to refresh")
    XCTAssertEqual(FeedsRefreshSummary(feeds: 0, newStories: 0, failures: []).message.prefix(21), "No feeds to refresh: ")
    XCTAssertEqual(FeedsRefreshSummary(feeds: 2, newStories: 0, failures: []).message, "No new stories")
    XCTAssertEqual(FeedsRefreshSummary(feeds: 2, newStories: 5, failures: []).message, "5 new stories")
  }

  func testMentionJumpsAndTheLibraryWideListGoAcrossFeedStories() {
    let source = Self.source()
    let runner = EffectRunner(source: source)
    var state = Self.started(runner)
    state.select(Fixtures.blinken.id)
    _ = EffectRunner.apply(.command(.entityStories), to: &state, runner: runner)
    XCTAssertEqual(state.stories(mentioning: Fixtures.blinken.id)?.map(\.story), [0, 2, 3])
    // From the Times story, ] goes on into the Wire story and then the story from no feed.
    state.focus = .updates
    var opened: [Int64] = []
    for _ in 0..<3 {
      _ = EffectRunner.apply(.command(.nextMention), to: &state, runner: runner)
      opened.append(state.entries[state.openStory].handle)
    }
    XCTAssertEqual(Array(opened.drop { $0 == 1 }.prefix(2)), [3, 4], "\(opened)")
  }

  func testHelpListsTheRKey() {
    let lines = HelpView.lines(keymap: Fixtures.keymap).map(\.text).joined(separator: "\n")
    XCTAssertTrue(lines.contains("Fetch every subscribed feed"), lines)
  }
}

final class FeedListSnapshotTests: XCTestCase {
  func testGroupedListAt80x24() {
    var state = FeedListTests.started(EffectRunner(source: FeedListTests.source()))
    state.focus = .stories
    assertScreen(state, equals:
      """
       Stories (4)      │ Updates (1)                              │ Entities
      ▾ News › Exampl… 1│ Port strike ends after two weeks         │ People
      ▸ Port strike end…│                                          │  Antony Blink… 1
        1 update        │ ● NEW                                    │ Places
        Council votes o…│ Port strike ends after two weeks:        │  Kyiv          1
        1 new · 1 update│ Blinken spoke in Kyiv.                   │
      ▾ Example Wire   1│                                          │
        Wire: ministers…│                                          │
        1 new · 1 update│                                          │
      ▾ Other stories   │                                          │
        Aid talks conti…│                                          │
        1 update        │                                          │
                        │                                          │
                        │                                          │
                        │                                          │
                        │                                          │
                        │                                          │
                        │                                          │
                        │                                          │
                        │                                          │
                        │                                          │
                        │                                          │
                        │                                          │
       Story 1/4 · update 1/1                                        h: help  q: quit
      """)
  }

  func testGroupedListAt120x40() {
    var state = FeedListTests.started(EffectRunner(source: FeedListTests.source()), width: 120, height: 40)
    state.focus = .stories
    assertScreen(state, equals:
      """
       Stories (4)              │ Updates (1)                                                      │ Entities
      ▾ News › Example Times   1│ Port strike ends after two weeks                                 │ People
      ▸ Port strike ends after …│                                                                  │  Antony Blinken        1
        1 update                │ ● NEW                                                            │ Places
        Council votes on the ne…│ Port strike ends after two weeks: Blinken spoke in Kyiv.         │  Kyiv                  1
        1 new · 1 update        │                                                                  │
      ▾ Example Wire · 1 unread │                                                                  │
        Wire: ministers meet in…│                                                                  │
        1 new · 1 update        │                                                                  │
      ▾ Other stories           │                                                                  │
        Aid talks continue      │                                                                  │
        1 update                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
       Story 1/4 · update 1/1                                                                                h: help  q: quit
      """)
  }
}

final class FeedListScrollTests: XCTestCase {
  /// A long grouped list: 40 stories in groups of 1 to 6.
  static func longEntries() -> [StoryEntry] {
    var entries: [StoryEntry] = []
    var group = 0
    var left = 1
    for n in 0..<40 {
      if left == 0 {
        group += 1
        left = group % 6 + 1
      }
      left -= 1
      entries.append(StoryEntry(handle: Int64(n), headline: "Story \(n)", updateCount: 1, markedCount: n % 2, group: "Feed \(group)"))
    }
    return entries
  }

  /// Rows from the first story on screen down to the cursor's two rows, headers included.
  static func rowsThroughCursor(_ state: AppState) -> Int {
    (state.storyScroll...state.storyCursor).reduce(0) { rows, index in
      rows + 2 + (state.hasGroupHeader(index, top: state.storyScroll) ? 1 : 0)
    }
  }

  func testTheCursorStaysOnScreenWhateverTheMovesAndSizes() {
    var generator = SystemRandomNumberGenerator()
    let commands: [Command] = [.moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .moveFirst, .moveLast]
    for _ in 0..<50 {
      var state = AppState(entries: Self.longEntries(), keymap: Fixtures.keymap, width: 80, height: 24)
      state.focus = .stories
      for _ in 0..<30 {
        if Int.random(in: 0..<8, using: &generator) == 0 {
          state.resize(width: Int.random(in: 30...140, using: &generator), height: Int.random(in: 5...50, using: &generator))
          state.focus = .stories
        } else {
          state = Reducer.reduce(state, .command(commands.randomElement(using: &generator) ?? .moveDown)).0
        }
        let rows = state.screen.contentRows(of: .stories)
        XCTAssertLessThanOrEqual(state.storyScroll, state.storyCursor)
        if rows >= 3 {
          XCTAssertLessThanOrEqual(Self.rowsThroughCursor(state), rows, "scroll \(state.storyScroll) cursor \(state.storyCursor)")
        }
        // The cursor's headline is drawn.
        let grid = ScreenView.render(state)
        let text = (0..<grid.height).map { y in (0..<grid.width).map { grid[$0, y].text }.joined() }.joined(separator: "\n")
        if rows >= 3, state.screen.width >= 60 { XCTAssertTrue(text.contains(" Story \(state.storyCursor) "), text) }
      }
    }
  }

  func testHeadersAreASCIIOnAnASCIITerminal() {
    var state = AppState(entries: FeedListTests.entries, keymap: Fixtures.keymap, width: 120, height: 40)
    state.use(.ascii)
    let grid = ScreenView.render(state)
    XCTAssertEqual(grid.row(1).prefix(26), "v News > Example Times   2", "the open story is not loaded yet: both unread")
  }
}

final class FeedRefreshReloadTests: XCTestCase {
  /// A refresh that read feeds but made no new story: the list is read again all the same (an item may have
  /// changed); one that read nothing (all 304 or failed) leaves the list alone.
  func testTheListIsReadAgainOnlyWhenSomeFeedWasRead() {
    let source = RecordingStorySource(FeedListTests.stories, list: FeedListTests.entries)
    let runner = EffectRunner(source: source)
    var state = FeedListTests.started(runner)
    _ = EffectRunner.apply(.command(.refreshFeeds), to: &state, runner: runner)
    _ = EffectRunner.apply(.feedsRefreshed(FeedsRefreshSummary(feeds: 3, newStories: 0, failures: [], read: 0)), to: &state, runner: runner)
    XCTAssertEqual(source.calls.filter { $0 == "entries" }.count, 0)
    XCTAssertEqual(state.status, "No new stories")
    _ = EffectRunner.apply(.command(.refreshFeeds), to: &state, runner: runner)
    _ = EffectRunner.apply(.feedsRefreshed(FeedsRefreshSummary(feeds: 3, newStories: 0, failures: [], read: 2)), to: &state, runner: runner)
    XCTAssertEqual(source.calls.filter { $0 == "entries" }.count, 1)
    XCTAssertEqual(state.status, "No new stories")
    XCTAssertFalse(state.refreshingFeeds)
  }
}
