import DatelineCore
import Foundation
import XCTest

@testable import DatelineApp

/// A story source in memory that records what the reader asked of it.
final class RecordingStorySource: StorySource, @unchecked Sendable {
  private let lock = NSLock()
  private var stories: [Int64: LoadedStory]
  private var list: [StoryEntry] = []
  private var log: [String] = []
  let failing: Bool

  init(_ stories: [Int64: LoadedStory], list: [StoryEntry] = [], failing: Bool = false) {
    self.stories = stories
    self.list = list
    self.failing = failing
  }

  var calls: [String] { lock.withLock { log } }

  /// Replaces what the source holds, as an import by another process would.
  func update(_ stories: [Int64: LoadedStory], list: [StoryEntry]) {
    lock.withLock {
      self.stories = stories
      self.list = list
    }
  }

  func entries() throws -> [StoryEntry] {
    record("entries")
    return lock.withLock { list }
  }
  private func record(_ call: String) { lock.withLock { log.append(call) } }

  func loadStory(_ entry: StoryEntry) throws -> LoadedStory {
    record("load \(entry.handle)")
    guard !failing, let story = stories[entry.handle] else { throw CocoaError(.fileReadCorruptFile) }
    return story
  }

  func storiesMentioning(_ entity: EntityID) throws -> [(handle: Int64, mentions: Int)] {
    record("reach \(entity.rawValue)")
    return stories.keys.sorted().compactMap { handle in
      let count = stories[handle]?.entities.mentions.filter { $0.entity == entity }.count ?? 0
      return count > 0 ? (handle, count) : nil
    }
  }

  func markSeen(_ entry: StoryEntry, updates: [Int64]) throws {
    record("seen \(entry.handle) \(updates.map(String.init).joined(separator: ","))")
  }

  func saveReadingPosition(_ entry: StoryEntry, update: Int64?, line: Int) throws {
    record("position \(entry.handle) \(update.map(String.init) ?? "-") \(line)")
  }
}

final class LibraryModeTests: XCTestCase {
  /// The fixture story with five more updates of several paragraphs after its first, so that updates 4 and 6
  /// are well below the first screen.
  static let longStory: Story = {
    var story = Fixtures.story
    let filler = (1...5).map { n in
      Update(
        title: "Briefing \(n)", line: 20 + n,
        paragraphs: (1...4).map { Paragraph(line: 20 + n, text: "Officials gave briefing \(n), part \($0), on the talks.") })
    }
    story.updates.insert(contentsOf: filler, at: 1)
    return story
  }()

  /// Two library stories (handles 10 and 20): the long story with updates 4 (new) and 6 (changed) marked, and
  /// the second story with its one update new. Update handles are 100 + index and 200 + index.
  static func library(failing: Bool = false) -> RecordingStorySource {
    RecordingStorySource(
      [
        10: LoadedStory(
          story: Self.longStory, entities: Fixtures.entities(for: Self.longStory, [Fixtures.blinken, Fixtures.zelensky, Fixtures.kyiv, Fixtures.nato]),
          marks: [4: .new, 6: .changed], updateHandles: (0..<8).map { 100 + Int64($0) }),
        20: LoadedStory(
          story: Fixtures.secondStory, entities: Fixtures.secondEntities, marks: [0: .new], updateHandles: [200]),
      ], list: entries, failing: failing)
  }

  static let entries = [
    StoryEntry(handle: 10, headline: Fixtures.story.headline, updateCount: 8, markedCount: 2),
    StoryEntry(handle: 20, headline: Fixtures.secondStory.headline, updateCount: 1, markedCount: 1),
  ]

  /// The library-backed state after the run loop's first event (which loads the opening story).
  static func started(
    _ source: RecordingStorySource, width: Int = 80, height: Int = 24, opening: Int = 0
  ) -> AppState {
    var state = AppState(entries: Self.entries, keymap: Fixtures.keymap, width: width, height: height, opening: opening)
    _ = EffectRunner.apply(.resize(width: width, height: height), to: &state, runner: EffectRunner(source: source))
    return state
  }

  func run(_ commands: Command..., on state: inout AppState, with source: RecordingStorySource) {
    for command in commands {
      _ = EffectRunner.apply(.command(command), to: &state, runner: EffectRunner(source: source))
    }
  }

  func testOnlyTheOpeningStoryIsLoadedAtStart() {
    var state = AppState(entries: Self.entries, keymap: Fixtures.keymap, width: 80, height: 24, opening: 1)
    XCTAssertNil(state.story)
    XCTAssertTrue(ScreenView.render(state).description.contains("Loading…"))
    let (next, effects) = Reducer.reduce(state, .resize(width: 80, height: 24))
    XCTAssertEqual(effects, [.loadStory(1)])
    state = next
    let source = Self.library()
    _ = EffectRunner.apply(.resize(width: 80, height: 24), to: &state, runner: EffectRunner(source: source))
    XCTAssertEqual(source.calls.filter { $0.hasPrefix("load") }, [], "asked once, not again on the next event")
    state = Self.started(source, opening: 1)
    XCTAssertEqual(Array(state.loaded.keys), [1])
    XCTAssertEqual(state.story?.headline, Fixtures.secondStory.headline)
    XCTAssertEqual(state.storyCursor, 1)
  }

  func testOpeningAnotherStorySavesThePositionInTheFirstThenLoadsTheSecond() {
    let source = Self.library()
    var state = Self.started(source)
    run(.moveDown, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown, on: &state, with: source)
    let spot = state.readingSpot
    XCTAssertNotNil(spot.update)
    state.focus = .stories
    let (_, effects) = reduce(apply(state, .moveDown), .enter)
    XCTAssertEqual(effects, [.saveReadingPosition(story: 0, spot), .loadStory(1)])
    run(.moveDown, .enter, on: &state, with: source)
    XCTAssertEqual(state.story?.headline, Fixtures.secondStory.headline)
    XCTAssertTrue(source.calls.contains("position 10 \(100 + (spot.update ?? 0)) \(spot.line)"), "\(source.calls)")
  }

  func testQuitSavesThePositionBeforeQuitting() {
    let source = Self.library()
    let state = Self.started(source)
    let (_, effects) = reduce(state, .quit)
    XCTAssertEqual(effects, [.saveReadingPosition(story: 0, state.readingSpot), .quit])
  }

  func testMarkedUpdatesAreShownAndReportedSeenOnceWhenOnScreen() {
    let source = Self.library()
    var state = Self.started(source)
    let screen = ScreenView.render(state).description
    XCTAssertFalse(screen.contains("● NEW"), "update 4 is below the first screen")
    XCTAssertTrue(screen.contains("2 new · 8 upda"), screen)
    XCTAssertFalse(source.calls.contains { $0.hasPrefix("seen") })
    while state.layout.update(atLine: state.updateScroll + state.updateRows - 1) ?? 0 < 4 {
      run(.moveDown, on: &state, with: source)
    }
    XCTAssertTrue(ScreenView.render(state).description.contains("● NEW"), ScreenView.render(state).description)
    XCTAssertEqual(source.calls.filter { $0.hasPrefix("seen") }, ["seen 10 104"])
    XCTAssertEqual(state.entries[0].markedCount, 1)
    XCTAssertTrue(ScreenView.render(state).description.contains("1 new · 8 upda"))
    run(.moveFirst, .nextUpdate, .nextUpdate, .nextUpdate, .nextUpdate, on: &state, with: source)
    XCTAssertEqual(source.calls.filter { $0 == "seen 10 104" }.count, 1, "reported once")
    XCTAssertTrue(ScreenView.render(state).description.contains("● NEW"), "the mark stays for this session")
  }

  func testNextNewGoesThroughTheMarkedUpdatesThenOnToTheNextStoryWithSome() {
    let source = Self.library()
    var state = Self.started(source)
    run(.nextNew, on: &state, with: source)
    XCTAssertEqual(state.updateScroll, min(state.layout.updateStart[4], state.maxUpdateScroll))
    XCTAssertEqual(state.status, "New update")
    run(.nextNew, on: &state, with: source)
    XCTAssertEqual(state.updateScroll, min(state.layout.updateStart[6], state.maxUpdateScroll))
    XCTAssertEqual(state.status, "Changed update")
    run(.nextNew, on: &state, with: source)
    XCTAssertEqual(state.openStory, 1, "on to the next story with new updates, loaded on the way")
    XCTAssertEqual(state.story?.headline, Fixtures.secondStory.headline)
    XCTAssertTrue(source.calls.contains("seen 20 200"), "\(source.calls)")
    run(.nextNew, on: &state, with: source)
    XCTAssertEqual(state.status, "No more new or changed updates")
    run(.previousNew, on: &state, with: source)
    XCTAssertEqual(state.openStory, 1, "the first story's marks have all been seen")
    XCTAssertEqual(state.status, "No new or changed update above")
  }

  func testTheSavedReadingPositionIsRestoredWhenTheStoryLoads() {
    var stories = [Int64: LoadedStory]()
    stories[10] = LoadedStory(
      story: Fixtures.story, entities: Fixtures.storyEntities, updateHandles: [100, 101, 102],
      position: ReadingSpot(update: 1, line: 2))
    let state = Self.started(RecordingStorySource(stories), height: 12)
    XCTAssertEqual(state.updateScroll, min(state.layout.updateStart[1] + 2, state.maxUpdateScroll))
    XCTAssertEqual(state.readingSpot, ReadingSpot(update: 1, line: 2))
  }

  func testTheSameTextIsAtTheTopNextTimeEvenThoughTheNewMarkIsGone() {
    let source = Self.library()
    var state = Self.started(source)
    let target = state.layout.contentStart(of: 4) + 2
    while state.updateScroll < target { run(.moveDown, on: &state, with: source) }
    let shown = state.layout.lines[state.updateScroll]
    XCTAssertEqual(state.readingSpot, ReadingSpot(update: 4, line: 2))

    let entities = Fixtures.entities(for: Self.longStory, [Fixtures.blinken])
    let next = Self.started(
      RecordingStorySource([
        10: LoadedStory(story: Self.longStory, entities: entities, updateHandles: [], position: state.readingSpot)
      ]))
    XCTAssertEqual(next.layout.lines.count, state.layout.lines.count - 2, "no mark lines this time")
    XCTAssertEqual(next.layout.lines[next.updateScroll].part, shown.part)
    XCTAssertEqual(next.layout.lines[next.updateScroll].range, shown.range)
  }

  func testMentionJumpsGoOnIntoAStoryNotLoadedYetAndWrapRound() {
    let source = Self.library()
    var state = Self.started(source)
    state.focus = .entities
    run(.enter, on: &state, with: source)  // Antony Blinken, the most mentioned person
    XCTAssertEqual(state.selectedEntity, Fixtures.blinken.id)
    XCTAssertTrue(source.calls.contains("reach \(Fixtures.blinken.id.rawValue)"))
    XCTAssertEqual(state.mentionPosition?.index, 1)
    XCTAssertEqual(state.mentionPosition?.total, 5, "4 in the open story and 1 in the other, not loaded")
    run(.nextMention, .nextMention, .nextMention, on: &state, with: source)
    XCTAssertEqual(state.mentionPosition?.index, 4)
    XCTAssertEqual(state.openStory, 0)
    run(.nextMention, on: &state, with: source)
    XCTAssertEqual(state.openStory, 1)
    XCTAssertEqual(state.currentMention?.story, 1)
    XCTAssertEqual(state.currentMention?.mention.text, "Blinken")
    XCTAssertEqual(state.mentionPosition?.index, 5)
    run(.nextMention, on: &state, with: source)
    XCTAssertEqual(state.openStory, 0)
    XCTAssertEqual(state.mentionPosition?.index, 1)
    XCTAssertEqual(state.status, "Wrapped to the first mention of Antony Blinken")
    run(.previousMention, on: &state, with: source)
    XCTAssertEqual(state.openStory, 1)
  }

  func testTheLibraryWideSidebarListsEveryStoryThatMentionsTheEntity() {
    let source = Self.library()
    var state = Self.started(source, width: 120, height: 24)
    state.focus = .entities
    run(.entityStories, on: &state, with: source)
    XCTAssertEqual(state.sidebarMode, .library)
    let screen = ScreenView.render(state)
    let left = state.screen.rect(of: .entities).x
    let sidebar = screen.description.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.dropFirst(left))
    }
    XCTAssertEqual(sidebar[0].trimmingCharacters(in: .whitespaces), "In the library")
    XCTAssertEqual(sidebar[1].trimmingCharacters(in: .whitespaces), "Antony Blinken")
    XCTAssertEqual(sidebar[2].trimmingCharacters(in: .whitespaces), "person · 5 in 2 stories")
    XCTAssertEqual(sidebar[3].trimmingCharacters(in: .whitespaces), "also Blinken")
    XCTAssertTrue(sidebar[4].contains("▸ Blinken meets") && sidebar[4].trimmingCharacters(in: .whitespaces).hasSuffix(" 4"), sidebar[4])
    XCTAssertTrue(sidebar[5].contains("Aid talks continue") && sidebar[5].trimmingCharacters(in: .whitespaces).hasSuffix(" 1"), sidebar[5])
    run(.moveDown, .enter, on: &state, with: source)
    XCTAssertEqual(state.openStory, 1)
    XCTAssertEqual(state.currentMention?.mention.text, "Blinken")
    run(.entityStories, on: &state, with: source)
    XCTAssertEqual(state.sidebarMode, .story)
  }

  func testReloadPicksUpNewStoriesAndChangedUpdatesAndKeepsThePlace() {
    let source = Self.library()
    var state = Self.started(source)
    run(.nextUpdate, .nextUpdate, .moveDown, on: &state, with: source)
    let spot = state.readingSpot
    // Another process imports: a third story, and a new update on top of the second.
    var second = Fixtures.secondStory
    second.updates.insert(Update(title: "Talks resume", line: 2, paragraphs: [Paragraph(line: 3, text: "They met again.")]), at: 0)
    let third = Story(source: "t3", headline: "Harbour closed", updates: [Update(title: "Closed", line: 2)])
    source.update(
      [
        10: LoadedStory(story: Self.longStory, entities: StoryEntities(), updateHandles: (0..<8).map { 100 + Int64($0) }, position: spot),
        20: LoadedStory(story: second, marks: [0: .new], updateHandles: [201, 200]),
        30: LoadedStory(story: third, marks: [0: .new], updateHandles: [300]),
      ],
      list: [
        StoryEntry(handle: 30, headline: "Harbour closed", updateCount: 1, markedCount: 1),
        Self.entries[0],
        StoryEntry(handle: 20, headline: second.headline, updateCount: 2, markedCount: 1),
      ])
    let (_, effects) = reduce(state, .reload)
    XCTAssertEqual(effects, [.saveReadingPosition(story: 0, spot), .reloadList])
    run(.reload, on: &state, with: source)
    XCTAssertEqual(state.entries.map(\.handle), [30, 10, 20])
    XCTAssertEqual(state.openStory, 1, "the same story stays open")
    XCTAssertEqual(state.readingSpot, spot, "at the same place")
    XCTAssertEqual(state.status, "Reloaded: 1 new story")
    XCTAssertEqual(state.entries[2].updateCount, 2)
    run(.nextNew, on: &state, with: source)
    XCTAssertEqual(state.openStory, 2)
    XCTAssertEqual(state.story?.updates.first?.title, "Talks resume")
  }

  func testReloadOfAnEmptiedLibraryShowsNoStories() {
    let source = Self.library()
    var state = Self.started(source)
    source.update([:], list: [])
    run(.reload, .nextMention, .nextNew, .moveDown, .enter, on: &state, with: source)
    XCTAssertTrue(state.entries.isEmpty)
    XCTAssertTrue(ScreenView.render(state).description.contains("No stories"))
  }

  func testReloadWithoutALibrarySaysSo() {
    let (state, effects) = reduce(Fixtures.state(), .reload)
    XCTAssertEqual(effects, [])
    XCTAssertEqual(state.status, "Not reading the library: nothing to reload")
  }

  func testAStoryThatCannotBeLoadedGivesAMessageNotACrash() {
    let source = Self.library(failing: true)
    let state = Self.started(source)
    XCTAssertNil(state.story)
    XCTAssertTrue(state.status?.hasPrefix("Cannot load the story") == true, state.status ?? "")
    XCTAssertTrue(ScreenView.render(apply(state, .moveDown)).description.contains("This story could not be loaded"))
    var next = state
    run(.nextMention, .nextNew, .entityStories, .moveDown, .enter, on: &next, with: source)
    XCTAssertFalse(ScreenView.render(next).description.isEmpty)
  }
}

final class LibraryModeRandomTests: XCTestCase {
  /// Random commands and resizes on a library-backed state: every frame draws, and cursors and scrolls stay in
  /// range, whatever the order (stories loading on the way, look-ups, marks, zoom, reload).
  func testRandomCommandSequencesKeepTheStateConsistent() {
    var generator = SystemRandomNumberGenerator()
    let sizes = [(20, 6), (50, 15), (80, 24), (120, 40)]
    let commands = Command.allCases.filter { $0 != .quit && $0 != .searchForward && $0 != .searchBackward }
    for _ in 0..<60 {
      let source = LibraryModeTests.library()
      var state = LibraryModeTests.started(source)
      let runner = EffectRunner(source: source)
      for _ in 0..<60 {
        let event: Event
        if Int.random(in: 0..<8, using: &generator) == 0, let size = sizes.randomElement(using: &generator) {
          event = .resize(width: size.0, height: size.1)
        } else {
          event = .command(commands.randomElement(using: &generator) ?? .moveDown)
        }
        _ = EffectRunner.apply(event, to: &state, runner: runner)
        let grid = ScreenView.render(state)
        XCTAssertEqual(grid.width, state.screen.width)
        XCTAssertTrue(state.entries.indices.contains(state.openStory))
        XCTAssertTrue(state.entries.indices.contains(state.storyCursor))
        XCTAssertLessThanOrEqual(state.updateScroll, state.maxUpdateScroll)
        XCTAssertTrue(state.sidebar.isEmpty || state.sidebar.indices.contains(state.sidebarCursor))
        XCTAssertNotNil(state.story, "every story of the fake source loads: \(event)")
      }
    }
  }
}
