import DatelineCore
import Foundation
import Synchronization
import XCTest

@testable import DatelineApp

/// A feed story that holds only its feed's teaser: opening it asks (once) for its linked page in the background,
/// the answer replaces the teaser, and a failure keeps the teaser and is tried again on a later open.
final class LinkedPageTests: XCTestCase {
  static let link = "http://gazette.example/ferry"

  /// The feed's teaser: one update of one paragraph.
  static let teaser = Story(
    source: link, headline: "Ferry back in service",
    updates: [Update(title: nil, line: 3, paragraphs: [Paragraph(line: 3, text: "The ferry is back. Continue reading…")])],
    canonicalURL: link)

  /// The page read into the story: three paragraphs of an article.
  static let article: LoadedStory = {
    var story = teaser
    story.standfirst = "Crews worked through the night."
    story.updates = [
      Update(
        title: nil, line: 5,
        paragraphs: [
          Paragraph(line: 5, text: "The harbour ferry returned to service at dawn after a week in dry dock."),
          Paragraph(line: 6, text: "Its captain thanked the crews who worked through the night on the pier."),
          Paragraph(line: 7, text: "The first crossing carried forty passengers and a brass band."),
        ])
    ]
    return LoadedStory(story: story, marks: [0: .new], updateHandles: [900])
  }()

  static let entries = [
    StoryEntry(handle: 30, headline: teaser.headline, updateCount: 1, markedCount: 1, url: link, group: "Harbour Gazette"),
    StoryEntry(handle: 20, headline: Fixtures.secondStory.headline, updateCount: 1, markedCount: 1, group: "Other stories"),
  ]

  static func source(answer: RefreshOutcome, delay: useconds_t = 0) -> TeaserSource {
    TeaserSource(
      [
        30: LoadedStory(story: teaser, marks: [0: .new], updateHandles: [800], linkedPage: link),
        20: LoadedStory(story: Fixtures.secondStory, entities: Fixtures.secondEntities, marks: [0: .new], updateHandles: [200]),
      ], answer: answer, delay: delay)
  }

  /// The state after the first event: story 0 (the teaser) loaded and opened.
  static func started(_ source: TeaserSource) throws -> (AppState, [Effect]) {
    let state = AppState(entries: entries, keymap: Fixtures.keymap, width: 80, height: 24)
    let (first, effects) = Reducer.reduce(state, .resize(width: 80, height: 24))
    XCTAssertEqual(effects, [.loadStory(0)])
    let teaser = try source.loadStory(entries[0])
    return Reducer.reduce(first, .storyLoaded(index: 0, teaser))
  }

  func testOpeningATeaserAsksForItsPageOnceAndSaysSo() throws {
    let (state, effects) = try Self.started(Self.source(answer: .failed("unused")))
    XCTAssertEqual(effects.filter { $0 == .readLinkedPage(0) }.count, 1, "\(effects)")
    XCTAssertEqual(state.status, "Fetching the article…")
    XCTAssertTrue(state.isReadingLinkedPage)
    // The reader moves on while the page comes: the status line still says so, and nothing is asked twice.
    var moved = state
    var more: [Effect] = []
    for command in [Command.moveDown, .moveUp, .pageDown] {
      let (next, effects) = Reducer.reduce(moved, command)
      moved = next
      more += effects
    }
    XCTAssertFalse(more.contains { if case .readLinkedPage = $0 { true } else { false } })
    XCTAssertTrue(StatusLineView.summary(moved).hasPrefix("Fetching the article…"), StatusLineView.summary(moved))
    // Going to the other story and back while the page is still coming asks nothing more.
    var back = moved
    back.focus = .stories
    back = apply(back, .moveDown, .enter)
    back = Reducer.reduce(back, .storyLoaded(index: 1, try Self.source(answer: .unchanged).loadStory(Self.entries[1]))).0
    back.focus = .stories
    let (_, again) = Reducer.reduce(apply(back, .moveUp), .command(.enter))
    XCTAssertFalse(again.contains { if case .readLinkedPage = $0 { true } else { false } }, "\(again)")
  }

  func testAStoryWithItsTextAsksForNothing() throws {
    let source = Self.source(answer: .unchanged)
    var state = try Self.started(source).0
    state.focus = .stories
    let (opened, effects) = Reducer.reduce(apply(state, .moveDown), .command(.enter))
    XCTAssertEqual(effects, [.saveReadingPosition(story: 0, ReadingSpot(update: nil, line: 0)), .loadStory(1)])
    let (loaded, after) = Reducer.reduce(opened, .storyLoaded(index: 1, try source.loadStory(Self.entries[1])))
    XCTAssertFalse(after.contains { if case .readLinkedPage = $0 { true } else { false } }, "\(after)")
    XCTAssertNotEqual(loaded.status, "Fetching the article…")
  }

  func testThePageReplacesTheTeaserAndIsNotAskedForAgain() throws {
    let state = try Self.started(Self.source(answer: .unchanged)).0
    let (read, effects) = Reducer.reduce(state, .linkedPageRead(handle: 30, .updated(Self.article, new: 1, changed: 0)))
    XCTAssertEqual(read.story?.updates.flatMap(\.paragraphs).map(\.text).count, 3)
    XCTAssertEqual(read.story?.standfirst, "Crews worked through the night.")
    XCTAssertNil(read.loaded[0]?.linkedPage)
    XCTAssertNil(read.status, "the status line says nothing once the article is in")
    XCTAssertFalse(read.isReadingLinkedPage)
    XCTAssertEqual(read.entries[0].updateCount, 1)
    XCTAssertTrue(effects.contains(.markSeen(story: 0, updates: [0])), "the article is on screen: \(effects)")
    let screen = ScreenView.render(read).description
    XCTAssertTrue(screen.contains("The harbour ferry returned to service"), screen)
    XCTAssertFalse(screen.contains("Continue reading"), screen)
    // Away and back: nothing is fetched again.
    var moved = read
    moved.focus = .stories
    moved = apply(moved, .moveDown, .enter)
    moved.focus = .stories
    let (_, again) = Reducer.reduce(apply(moved, .moveUp), .command(.enter))
    XCTAssertFalse(again.contains { if case .readLinkedPage = $0 { true } else { false } }, "\(again)")
  }

  func testAReaderInsideTheTeaserStartsTheArticleAtItsTop() throws {
    var state = try Self.started(Self.source(answer: .unchanged)).0
    // A short screen, so that the teaser's paragraph is below the headline's lines.
    state = Reducer.reduce(state, .resize(width: 30, height: 5)).0
    state = apply(state, .moveLast)
    XCTAssertGreaterThan(state.updateScroll, 0, "\(state.layout.lines.count) lines, \(state.updateRows) rows, \(state.focus)")
    let read = Reducer.reduce(state, .linkedPageRead(handle: 30, .updated(Self.article, new: 1, changed: 0))).0
    XCTAssertEqual(read.updateScroll, 0)
  }

  func testAFailureKeepsTheTeaserSaysOneLineAndIsTriedOnTheNextOpenOnly() throws {
    let state = try Self.started(Self.source(answer: .unchanged)).0
    let message = "http://gazette.example/ferry: the server answered 404 Not Found"
    let (failed, effects) = Reducer.reduce(state, .linkedPageRead(handle: 30, .failed(message)))
    XCTAssertEqual(failed.status, message)
    XCTAssertEqual(failed.story, Self.teaser)
    XCTAssertFalse(effects.contains { if case .readLinkedPage = $0 { true } else { false } }, "no retry loop: \(effects)")
    XCTAssertEqual(failed.loaded[0]?.linkedPage, Self.link)
    // Moving about asks nothing.
    let moved = apply(failed, .moveDown, .moveUp, .nextUpdate)
    XCTAssertFalse(moved.isReadingLinkedPage)
    // Opening it again tries once more.
    var away = moved
    away.focus = .stories
    away = apply(away, .moveDown, .enter)
    away.focus = .stories
    let (again, retry) = Reducer.reduce(apply(away, .moveUp), .command(.enter))
    XCTAssertEqual(retry.filter { $0 == .readLinkedPage(0) }.count, 1, "\(retry)")
    XCTAssertEqual(again.status, "Fetching the article…")
  }

  func testAnAnswerAfterTheListWasReadAgainFindsItsStoryByHandle() throws {
    let state = try Self.started(Self.source(answer: .unchanged)).0
    // The list is read again (a feed refresh) with a new story on top: the teaser is now index 1, not loaded.
    let fresh = [StoryEntry(handle: 40, headline: "New", updateCount: 1, group: "Harbour Gazette")] + Self.entries
    var reloaded = Reducer.reduce(state, .listReloaded(fresh)).0
    XCTAssertTrue(reloaded.readingPages.contains(30), "the page is still coming")
    reloaded = Reducer.reduce(reloaded, .linkedPageRead(handle: 30, .updated(Self.article, new: 1, changed: 0))).0
    XCTAssertFalse(reloaded.readingPages.contains(30))
    XCTAssertNil(reloaded.loaded[1], "not in memory: loaded afresh, with its page, when shown")
  }

  func testTheRunnerReadsThePageOffTheCallingThread() {
    let source = Self.source(answer: .updated(Self.article, new: 1, changed: 0), delay: 300_000)
    let runner = EffectRunner(source: source)
    var state = AppState(entries: Self.entries, keymap: Fixtures.keymap, width: 80, height: 24)
    let started = Date()
    _ = EffectRunner.apply(.resize(width: 80, height: 24), to: &state, runner: runner)
    XCTAssertLessThan(Date().timeIntervalSince(started), 0.2, "opening returns at once: the page takes 0.3 s")
    XCTAssertEqual(state.status, "Fetching the article…")
    XCTAssertEqual(state.story, Self.teaser, "the teaser shows meanwhile")
    XCTAssertTrue(runner.background.waitUntilDone(timeout: 10))
    for event in runner.background.drain() { _ = EffectRunner.apply(event, to: &state, runner: runner) }
    XCTAssertEqual(state.story?.updates.first?.paragraphs.count, 3)
    XCTAssertEqual(source.pageReads, 1)
    XCTAssertNil(state.status)
  }
}

/// A source of two stories, the first a feed teaser with a linked page; reading the page answers `answer`
/// after `delay` microseconds, and counts the reads.
final class TeaserSource: StorySource, Sendable {
  let stories: [Int64: LoadedStory]
  let answer: RefreshOutcome
  let delay: useconds_t
  private let reads = Mutex(0)

  init(_ stories: [Int64: LoadedStory], answer: RefreshOutcome, delay: useconds_t) {
    self.stories = stories
    self.answer = answer
    self.delay = delay
  }

  var pageReads: Int { reads.withLock { $0 } }

  func entries() throws -> [StoryEntry] { LinkedPageTests.entries }
  func loadStory(_ entry: StoryEntry) throws -> LoadedStory {
    guard let story = stories[entry.handle] else { throw CocoaError(.fileReadCorruptFile) }
    return story
  }
  func storiesMentioning(_ entity: EntityID) throws -> [(handle: Int64, mentions: Int)] { [] }
  func markSeen(_ entry: StoryEntry, updates: [Int64]) throws {}
  func saveReadingPosition(_ entry: StoryEntry, update: Int64?, line: Int) throws {}
  func readLinkedPage(_ entry: StoryEntry) -> RefreshOutcome {
    reads.withLock { $0 += 1 }
    if delay > 0 { usleep(delay) }
    return answer
  }
}
