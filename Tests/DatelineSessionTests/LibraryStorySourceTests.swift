import DatelineApp
import DatelineCore
import DatelineSession
import DatelineStore
import Foundation
import XCTest

/// The reader running on a real library file: what it loads, what it writes back, and what a second run sees.
final class LibraryStorySourceTests: XCTestCase {
  static let names = NameListEntities(entities: [
    Entity(name: "Marta Kowalczyk", type: .person, aliases: ["Kowalczyk"]),
    Entity(name: "Gdańsk", type: .place),
  ])

  /// A capture in the plain-text shape: headline, standfirst, a lead paragraph, then titled updates (newest
  /// first), each a title line and its paragraphs.
  static func capture(_ headline: String, _ updates: [(String, [String])]) -> [UInt8] {
    var lines = [headline, "A live blog written for the dateline tests.", "The lead paragraph says what is going on."]
    for (title, paragraphs) in updates { lines += [title] + paragraphs }
    return Array((lines.joined(separator: "\n") + "\n").utf8)
  }

  static let portHeadline = "Port strike live: dockers in Gdańsk walk out over pay"
  static let firstCapture = capture(
    portHeadline,
    [
      ("Union leader addresses the crowd", ["Marta Kowalczyk told the dockers the strike would last until Friday."]),
      ("Ships wait outside the harbour", ["Eleven ships were anchored off Gdańsk on Monday evening."]),
    ])
  /// The same live blog later: a new update on top, the old ones below.
  static let secondCapture = capture(
    portHeadline,
    [
      ("Talks to resume on Wednesday", ["Kowalczyk said the union would meet the port authority in Gdańsk."]),
      ("Union leader addresses the crowd", ["Marta Kowalczyk told the dockers the strike would last until Friday."]),
      ("Ships wait outside the harbour", ["Eleven ships were anchored off Gdańsk on Monday evening."]),
    ])
  static let otherStory = capture(
    "Baltic ferries live: crossings cancelled as storm nears",
    [("Ferry operator cancels night sailings", ["Crossings from Gdańsk were cancelled, Marta Kowalczyk of the union said."])])

  var library: Library!
  var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-session-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    library = try Library(path: directory.appendingPathComponent("library.sqlite").path)
    let reader = TextCaptureReader()
    for (n, bytes) in [Self.firstCapture, Self.otherStory, Self.secondCapture].enumerated() {
      let story = try reader.read(bytes: bytes, source: "capture-\(n).txt")
      _ = try library.importCapture(story, bytes: bytes, at: Date(timeIntervalSince1970: 1_000_000 + Double(n))) {
        Self.names.analyze($0)
      }
      // As a reader that had read the first capture: only what the later capture added is new.
      if n == 0, let first = try library.stories().first { try library.markStoryRead(first.id) }
    }
  }

  override func tearDownWithError() throws {
    library = nil
    try? FileManager.default.removeItem(at: directory)
  }

  /// A reader session on the library: the first state after the opening story has loaded.
  func startReader(width: Int = 100, height: Int = 30) throws -> (AppState, EffectRunner) {
    let source = LibraryStorySource(library: library)
    let entries = try source.entries()
    let runner = EffectRunner(source: source)
    var state = AppState(
      entries: entries, keymap: Keymap.defaults(from: BundledResource.text(Keymap.fileName) ?? ""), width: width,
      height: height, opening: source.lastReadIndex(in: entries))
    _ = EffectRunner.apply(.resize(width: width, height: height), to: &state, runner: runner)
    return (state, runner)
  }

  func testTheListComesFromTheLibraryAndTheNewUpdateIsMarked() throws {
    let (state, _) = try startReader()
    XCTAssertEqual(state.entries.map(\.headline), [Self.portHeadline, "Baltic ferries live: crossings cancelled as storm nears"])
    XCTAssertEqual(state.story?.updates.count, 4, "the untitled lead and three titled updates")
    XCTAssertEqual(state.openMarks, [1: .new])
    XCTAssertEqual(Array(state.loaded.keys), [0], "the other story is not loaded for the first screen")
    XCTAssertTrue(ScreenView.render(state).description.contains("● NEW"))
  }

  func testWhatWasSeenAndWhereTheReaderStoppedPersistAcrossRuns() throws {
    var (state, runner) = try startReader(height: 30)
    XCTAssertEqual(try library.stories().first?.markedCount, 0, "the new update was on the first screen: seen")
    _ = EffectRunner.apply(.command(.nextUpdate), to: &state, runner: runner)
    _ = EffectRunner.apply(.command(.moveDown), to: &state, runner: runner)
    let spot = state.readingSpot
    let top = state.updateScroll
    XCTAssertEqual(EffectRunner.apply(.command(.quit), to: &state, runner: runner).quit, true)

    let (again, _) = try startReader(height: 30)
    XCTAssertEqual(again.readingSpot, spot)
    XCTAssertEqual(again.updateScroll, top)
    XCTAssertFalse(ScreenView.render(again).description.contains("1 new"), "nothing is new any more")
  }

  func testTheLastStoryReadIsOpenedNextTime() throws {
    var (state, runner) = try startReader()
    state.focus = .stories
    for command in [Command.moveDown, .enter, .moveDown, .quit] {
      _ = EffectRunner.apply(.command(command), to: &state, runner: runner)
    }
    let (again, _) = try startReader()
    XCTAssertEqual(again.openStory, 1)
    XCTAssertEqual(again.story?.headline, "Baltic ferries live: crossings cancelled as storm nears")
  }

  func testMentionJumpsCrossIntoTheOtherStoryAndTheSidebarCountsBoth() throws {
    var (state, runner) = try startReader()
    let marta = EntityID(type: .person, name: "Marta Kowalczyk")
    state.focus = .entities
    while state.sidebarEntry?.entity.id != marta {
      _ = EffectRunner.apply(.command(.moveDown), to: &state, runner: runner)
    }
    _ = EffectRunner.apply(.command(.enter), to: &state, runner: runner)
    XCTAssertEqual(state.stories(mentioning: marta), [EntityReach(story: 0, mentions: 2), EntityReach(story: 1, mentions: 1)])
    XCTAssertEqual(state.mentionPosition?.total, 3)
    _ = EffectRunner.apply(.command(.nextMention), to: &state, runner: runner)
    _ = EffectRunner.apply(.command(.nextMention), to: &state, runner: runner)
    XCTAssertEqual(state.openStory, 1)
    XCTAssertEqual(state.currentMention?.mention.text, "Marta Kowalczyk")
    XCTAssertEqual(state.mentionPosition?.index, 3)
    _ = EffectRunner.apply(.command(.entityStories), to: &state, runner: runner)
    let screen = ScreenView.render(state).description
    XCTAssertTrue(screen.contains("person · 3 in 2 stor"), screen)
  }

  func testAStoryRemovedWhileTheReaderRunsGivesAMessage() throws {
    var (state, runner) = try startReader()
    let other = state.entries[1].handle
    XCTAssertTrue(try library.removeStory(id: other))
    state.focus = .stories
    _ = EffectRunner.apply(.command(.moveDown), to: &state, runner: runner)
    _ = EffectRunner.apply(.command(.enter), to: &state, runner: runner)
    XCTAssertNil(state.story)
    XCTAssertTrue(state.status?.contains("no longer in the library") == true, state.status ?? "")
  }
}
