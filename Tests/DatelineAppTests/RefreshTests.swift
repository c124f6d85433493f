import DatelineCore
import Foundation
import Synchronization
import XCTest

@testable import DatelineApp

/// A library story from the web: `R` fetches it again in the background, and what comes back is merged without
/// moving the reader (top line, selected entity, mention on show, what was read).
final class RefreshTests: XCTestCase {
  static let url = "https://news.example/live/talks"

  /// The long story of the library tests from a URL (story 10), and a capture from a file (story 20).
  static let webEntries = [
    StoryEntry(handle: 10, headline: Fixtures.story.headline, updateCount: 8, markedCount: 2, url: url),
    StoryEntry(handle: 20, headline: Fixtures.secondStory.headline, updateCount: 1, markedCount: 1),
  ]

  static func started(_ source: any StorySource, runner: EffectRunner, opening: Int = 0) -> AppState {
    var state = AppState(entries: webEntries, keymap: Fixtures.keymap, width: 80, height: 24, opening: opening)
    _ = EffectRunner.apply(.resize(width: 80, height: 24), to: &state, runner: runner)
    return state
  }

  /// The long story with two posts added on top, as the page has them after it grew.
  static let grown: LoadedStory = {
    var story = LibraryModeTests.longStory
    let posts = [2, 1].map { n in
      Update(
        title: "Late post \(n)", line: 1,
        paragraphs: [Paragraph(line: 1, text: "Blinken spoke to reporters after meeting number \(n).")])
    }
    story.updates.insert(contentsOf: posts, at: 0)
    return LoadedStory(
      story: story,
      entities: Fixtures.entities(for: story, [Fixtures.blinken, Fixtures.zelensky, Fixtures.kyiv, Fixtures.nato]),
      marks: [0: .new, 1: .new], updateHandles: (0..<10).map { 300 + Int64($0) })
  }()

  /// The text of the update pane's top line.
  static func topText(_ state: AppState) -> String {
    guard let story = state.story, state.layout.lines.indices.contains(state.updateScroll) else { return "" }
    let line = state.layout.lines[state.updateScroll]
    guard let part = line.part, let text = story.text(of: part) else { return "(\(line.kind))" }
    let scalars = Array(text.unicodeScalars)
    let end = min(scalars.count, line.range.scalarEnd)
    return String(String.UnicodeScalarView(scalars[min(line.range.scalarStart, end)..<end]))
  }

  func testROnAStoryFromTheWebAsksForARefreshOnceAndSaysChecking() {
    let source = LibraryModeTests.library()
    let state = Self.started(source, runner: EffectRunner(source: source))
    let (checking, effects) = reduce(state, .reload)
    XCTAssertEqual(effects, [.refreshStory(0, byHand: true)])
    XCTAssertEqual(checking.status, "Checking…")
    XCTAssertEqual(checking.refreshing, [0])
    let (again, more) = reduce(checking, .reload)
    XCTAssertEqual(more, [], "one fetch at a time per story")
    XCTAssertEqual(again.status, "Checking…")
  }

  func testROnAStoryFromAFileStillReloadsTheList() {
    let source = LibraryModeTests.library()
    var state = Self.started(source, runner: EffectRunner(source: source))
    state.focus = .stories
    state = apply(state, .moveDown, .enter)
    let (_, effects) = reduce(state, .reload)
    XCTAssertTrue(effects.contains(.reloadList), "\(effects)")
    XCTAssertFalse(effects.contains { if case .refreshStory = $0 { true } else { false } })
  }

  func testTheRefreshKeepsTheTopLineTheEntityAndTheMention() throws {
    let source = LibraryModeTests.library()
    var state = Self.started(source, runner: EffectRunner(source: source))
    for _ in 0..<9 { state = apply(state, .moveDown) }
    state = Reducer.reduce(state, .command(.nextMention)).0  // nothing selected yet: selects nothing
    state = apply(state, .selectEntity)
    let entity = try XCTUnwrap(state.selectedEntity)
    state = apply(state, .nextMention)
    let mention = try XCTUnwrap(state.currentMention)
    let top = Self.topText(state)
    let spot = state.readingSpot
    let unread = state.entries[0].markedCount
    XCTAssertFalse(top.isEmpty)
    state = Reducer.reduce(state, .command(.reload)).0
    state = Reducer.reduce(state, .storyRefreshed(handle: 10, .updated(Self.grown, new: 2, changed: 0))).0

    XCTAssertEqual(Self.topText(state), top, "the same text at the top")
    XCTAssertEqual(state.readingSpot.update, spot.update.map { $0 + 2 }, "two posts above it now")
    XCTAssertEqual(state.selectedEntity, entity)
    let moved = try XCTUnwrap(state.currentMention)
    XCTAssertEqual(moved.mention.text, mention.mention.text)
    XCTAssertEqual(moved.mention.start, mention.mention.start)
    XCTAssertEqual(moved.mention.part.update, mention.mention.part.update.map { $0 + 2 })
    XCTAssertEqual(state.status, "2 new")
    XCTAssertEqual(state.refreshing, [])
    XCTAssertEqual(state.entries[0].updateCount, 10)
    XCTAssertEqual(state.entries[0].markedCount, unread + 2, "the two new posts are above the screen, not read yet")
    XCTAssertEqual(state.openMarks[0], .new)
    // The next mention goes on from the one on show, in the new story.
    let after = apply(state, .nextMention)
    XCTAssertGreaterThan(try XCTUnwrap(after.currentMention), moved)
    // The new posts are marked at the top of the story.
    let atTop = apply(state, .moveFirst)
    XCTAssertTrue(ScreenView.render(atTop).description.contains("● NEW"))
  }

  func testAFailedOrUnchangedRefreshLeavesTheStoryAndSaysSo() {
    let source = LibraryModeTests.library()
    var state = Self.started(source, runner: EffectRunner(source: source))
    state = apply(state, .moveDown, .moveDown, .moveDown)
    let before = state
    state = Reducer.reduce(state, .command(.reload)).0
    let failed = Reducer.reduce(state, .storyRefreshed(handle: 10, .failed("https://news.example/live/talks: the server answered 503 Service Unavailable"))).0
    XCTAssertEqual(failed.status, "https://news.example/live/talks: the server answered 503 Service Unavailable")
    XCTAssertEqual(failed.story, before.story)
    XCTAssertEqual(failed.updateScroll, before.updateScroll)
    XCTAssertEqual(failed.refreshing, [])
    let unchanged = Reducer.reduce(state, .storyRefreshed(handle: 10, .unchanged)).0
    XCTAssertEqual(unchanged.status, "No new updates")
    XCTAssertEqual(unchanged.updateScroll, before.updateScroll)
  }

  func testAnAnswerForAStoryNoLongerInTheListIsDropped() {
    let source = LibraryModeTests.library()
    let state = Self.started(source, runner: EffectRunner(source: source))
    let after = Reducer.reduce(state, .storyRefreshed(handle: 99, .updated(Self.grown, new: 2, changed: 0))).0
    XCTAssertEqual(after.story, state.story)
  }

  func testTheTimerRefreshesOnlyAStoryFromTheWebAndNeverReloadsTheList() {
    let source = LibraryModeTests.library()
    let state = Self.started(source, runner: EffectRunner(source: source))
    XCTAssertEqual(Reducer.reduce(state, .refreshDue).1, [.refreshStory(0, byHand: false)])
    var onFile = state
    onFile.focus = .stories
    onFile = apply(onFile, .moveDown, .enter)
    XCTAssertEqual(Reducer.reduce(onFile, .refreshDue).1.filter { $0 == .reloadList || $0 == .refreshStory(1, byHand: false) }, [])
  }

  func testTheRunnerFetchesOffTheCallingThreadAndHandsTheAnswerBack() {
    let source = SlowWebSource(LibraryModeTests.library(), answer: .updated(Self.grown, new: 2, changed: 0))
    let runner = EffectRunner(source: source)
    var state = Self.started(source, runner: runner)
    let started = Date()
    _ = EffectRunner.apply(.command(.reload), to: &state, runner: runner)
    XCTAssertLessThan(Date().timeIntervalSince(started), 0.2, "R returns at once: the fetch takes 0.3 s")
    XCTAssertEqual(state.status, "Checking…")
    XCTAssertTrue(runner.background.isBusy)
    XCTAssertTrue(runner.background.waitUntilDone(timeout: 10))
    for event in runner.background.drain() { _ = EffectRunner.apply(event, to: &state, runner: runner) }
    XCTAssertEqual(state.status, "2 new")
    XCTAssertEqual(state.story?.updates.count, 10)
    XCTAssertFalse(runner.background.isBusy)
  }
}

/// A source whose refresh takes 0.3 s (a slow server) and then answers `answer`.
final class SlowWebSource: StorySource, Sendable {
  let inner: RecordingStorySource
  let answer: RefreshOutcome
  init(_ inner: RecordingStorySource, answer: RefreshOutcome) {
    self.inner = inner
    self.answer = answer
  }
  func entries() throws -> [StoryEntry] { try inner.entries() }
  func loadStory(_ entry: StoryEntry) throws -> LoadedStory { try inner.loadStory(entry) }
  func storiesMentioning(_ entity: EntityID) throws -> [(handle: Int64, mentions: Int)] { try inner.storiesMentioning(entity) }
  func markSeen(_ entry: StoryEntry, updates: [Int64]) throws { try inner.markSeen(entry, updates: updates) }
  func saveReadingPosition(_ entry: StoryEntry, update: Int64?, line: Int) throws {
    try inner.saveReadingPosition(entry, update: update, line: line)
  }
  func refresh(_ entry: StoryEntry, byHand: Bool) -> RefreshOutcome {
    usleep(300_000)
    return answer
  }
}
