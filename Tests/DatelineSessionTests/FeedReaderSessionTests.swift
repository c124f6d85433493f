import DatelineApp
import DatelineCore
import DatelineFetch
import DatelineSession
import DatelineStore
import Foundation
import XCTest

/// The reader on a library with subscriptions (feed files on disk, so nothing leaves the machine): the list
/// grouped by feed and folder, `r` bringing in a new item, and entities across feed stories.
final class FeedReaderSessionTests: XCTestCase {
  static let names = NameListEntities(entities: [
    Entity(name: "Marta Kowalczyk", type: .person, aliases: ["Kowalczyk"]),
    Entity(name: "Gdańsk", type: .place),
  ])

  static func rss(_ title: String, items: [(id: String, title: String, text: String)]) -> String {
    let body = items.map { item in
      """
      <item><guid isPermaLink="false">\(item.id)</guid><title>\(item.title)</title>
      <link>https://feeds.example/\(item.id)</link><description>\(item.text)</description></item>
      """
    }.joined(separator: "\n")
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>\(title)</title><link>https://feeds.example/</link>
      \(body)
      </channel></rss>
      """
  }

  var directory: URL!
  var library: Library!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-feedreader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    library = try Library(path: directory.appendingPathComponent("library.sqlite").path)
  }

  override func tearDownWithError() throws {
    library = nil
    try? FileManager.default.removeItem(at: directory)
  }

  func write(_ text: String, to name: String) throws -> String {
    let path = directory.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func source() -> LibraryStorySource {
    let analyze: Library.EntityAnalysis = { Self.names.analyze($0) }
    return LibraryStorySource(
      library: library, feeds: FeedRefresher(library: library, fetcher: PageFetcher(), analyze: analyze))
  }

  /// Two feeds (one in a folder) refreshed once, and one story added by hand.
  func makeLibrary() throws -> (harbour: String, wire: String) {
    let harbour = try write(
      Self.rss(
        "Harbour Gazette",
        items: [
          ("h1", "Dockers in Gdańsk walk out", "Marta Kowalczyk led the walk-out in Gdańsk."),
          ("h2", "Ferries cancelled", "No sailings tonight."),
        ]), to: "harbour.xml")
    let wire = try write(
      Self.rss("Baltic Wire", items: [("w1", "Union talks resume", "Kowalczyk will meet the port authority.")]),
      to: "wire.xml")
    try library.subscribe(Outline(url: harbour, folder: ["News", "Local"]))
    try library.subscribe(Outline(url: wire))
    let capture = Story(
      source: "notes.txt", headline: "Notes from the quay",
      updates: [Update(title: "Morning", line: 1, paragraphs: [Paragraph(line: 2, text: "Gdańsk was quiet at dawn.")])])
    _ = try library.importCapture(capture, bytes: Array("notes".utf8)) { Self.names.analyze($0) }
    let summary = source().refreshFeeds { _, _ in }
    XCTAssertEqual(summary, FeedsRefreshSummary(feeds: 2, newStories: 3, failures: [], read: 2))
    return (harbour, wire)
  }

  func testTheListIsGroupedByFolderAndFeedWithOtherStoriesLast() throws {
    _ = try makeLibrary()
    let entries = try source().entries()
    XCTAssertEqual(
      entries.map { "\($0.group ?? "-") | \($0.headline) | \($0.markedCount)" },
      [
        "News › Local › Harbour Gazette | Dockers in Gdańsk walk out | 1",
        "News › Local › Harbour Gazette | Ferries cancelled | 1",
        "Baltic Wire | Union talks resume | 1",
        "Other stories | Notes from the quay | 1",
      ])
  }

  func testRBringsInANewItemAndTheCursorStaysOnItsStory() throws {
    let (_, wire) = try makeLibrary()
    let source = source()
    let runner = EffectRunner(source: source)
    let entries = try source.entries()
    var state = AppState(
      entries: entries, keymap: Keymap.defaults(from: BundledResource.text(Keymap.fileName) ?? ""), width: 100,
      height: 30, opening: 2)
    _ = EffectRunner.apply(.resize(width: 100, height: 30), to: &state, runner: runner)
    XCTAssertEqual(state.unreadStories(inGroup: "Baltic Wire"), 0, "the open story is read")
    _ = try write(
      Self.rss(
        "Baltic Wire",
        items: [
          ("w2", "Strike called off", "Kowalczyk said the strike in Gdańsk is over."),
          ("w1", "Union talks resume", "Kowalczyk will meet the port authority."),
        ]), to: "wire.xml")
    XCTAssertEqual(wire, directory.appendingPathComponent("wire.xml").path)
    _ = EffectRunner.apply(.command(.refreshFeeds), to: &state, runner: runner)
    XCTAssertTrue(runner.background.waitUntilDone(timeout: 30))
    for event in runner.background.drain() { _ = EffectRunner.apply(event, to: &state, runner: runner) }
    XCTAssertEqual(state.status, "1 new story")
    XCTAssertEqual(state.entries.count, 5)
    XCTAssertEqual(state.entries[state.storyCursor].headline, "Union talks resume")
    XCTAssertEqual(state.unreadStories(inGroup: "Baltic Wire"), 1)
    XCTAssertEqual(try library.subscriptions().map(\.unread), [2, 1])
  }

  func testTheLibraryWideEntityListAndMentionJumpsGoAcrossFeedStories() throws {
    _ = try makeLibrary()
    let source = source()
    let runner = EffectRunner(source: source)
    let entries = try source.entries()
    var state = AppState(
      entries: entries, keymap: Keymap.defaults(from: BundledResource.text(Keymap.fileName) ?? ""), width: 100,
      height: 30, opening: entries.firstIndex { $0.headline == "Dockers in Gdańsk walk out" } ?? 0)
    _ = EffectRunner.apply(.resize(width: 100, height: 30), to: &state, runner: runner)
    // The sidebar's first person is Marta Kowalczyk; s lists every story that mentions her.
    state.focus = .entities
    _ = EffectRunner.apply(.command(.entityStories), to: &state, runner: runner)
    let kowalczyk = try XCTUnwrap(state.sidebar.first { $0.entity.name == "Marta Kowalczyk" }?.entity.id)
    XCTAssertEqual(state.stories(mentioning: kowalczyk)?.map { state.entries[$0.story].headline }, [
      "Dockers in Gdańsk walk out", "Union talks resume",
    ])
    // ] from the Harbour story goes on into the Wire's.
    state.focus = .updates
    var opened: [String] = []
    for _ in 0..<3 {
      _ = EffectRunner.apply(.command(.nextMention), to: &state, runner: runner)
      opened.append(state.entries[state.openStory].headline)
    }
    XCTAssertTrue(opened.contains("Union talks resume"), "\(opened)")
  }
}
