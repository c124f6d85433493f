import DatelineCore
import GRDB
import XCTest

@testable import DatelineStore

final class LibraryImportTests: XCTestCase {
  private let headline = "Floods live: river crews race to protect the old town as waters rise"

  private func open() throws -> (Library, URL) {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let url = dir.appendingPathComponent("library.sqlite")
    return (try Library(path: url.path), url)
  }

  private func blog(_ titles: [String], extra: [String: [String]] = [:]) -> String {
    StoreFixtures.capture(
      headline: headline,
      updates: titles.map { ($0, StoreFixtures.paragraphs($0) + (extra[$0] ?? [])) })
  }

  func testSecondCaptureMergesIntoOneStoryInPageOrder() throws {
    let (library, _) = try open()
    let first = try StoreFixtures.importText(blog(["Bridges closed", "Army deployed", "Shelters opened"]), source: "a.txt", into: library)
    XCTAssertTrue(first.newStory)
    XCTAssertEqual(first.new.count, 3)
    let second = try StoreFixtures.importText(
      blog(["Rain eases in the hills", "Bridges closed", "Mayor visits", "Shelters opened"]), source: "b.txt", into: library)
    XCTAssertFalse(second.newStory)
    XCTAssertEqual(second.new, ["Rain eases in the hills", "Mayor visits"])
    XCTAssertEqual(second.changed, [])
    XCTAssertEqual(second.updates, 5)

    let stories = try library.stories()
    XCTAssertEqual(stories.count, 1)
    let titles = try library.updates(story: stories[0].id, range: 0..<100).map(\.update.title)
    XCTAssertEqual(titles, ["Rain eases in the hills", "Bridges closed", "Army deployed", "Mayor visits", "Shelters opened"])
  }

  func testChangedUpdateIsMarkedChangedNotNew() throws {
    let (library, _) = try open()
    try StoreFixtures.importText(blog(["Bridges closed", "Army deployed"]), source: "a.txt", into: library)
    let story = try XCTUnwrap(library.stories().first)
    try library.markStoryRead(story.id)
    let report = try StoreFixtures.importText(
      blog(["Bridges clossed", "Army deployed"], extra: ["Army deployed": ["A third paragraph added later by the desk."]]),
      source: "b.txt", into: library)
    XCTAssertEqual(report.new, [])
    XCTAssertEqual(report.changed, ["Bridges clossed", "Army deployed"])
    let updates = try library.updates(story: story.id, range: 0..<10)
    XCTAssertEqual(updates.map(\.mark), [.changed, .changed])
    XCTAssertEqual(updates[1].update.paragraphs.count, 3)
    XCTAssertEqual(try library.markedIndices(story: story.id), [0, 1])
    try library.markRead(updates: [updates[0].id])
    XCTAssertEqual(try library.markedIndices(story: story.id), [1])
    XCTAssertEqual(try library.markedUpdates(story: story.id).map(\.mark), [.changed])
    try library.markRead(story: story.id, indices: [1])
    XCTAssertEqual(try library.markedIndices(story: story.id), [])
  }

  func testImportingTheSameBytesTwiceChangesNothing() throws {
    let (library, url) = try open()
    let text = blog(["Bridges closed", "Army deployed"])
    try StoreFixtures.importText(text, source: "a.txt", into: library)
    let before = try dump(library)
    let again = try StoreFixtures.importText(text, source: "a.txt", into: library)
    XCTAssertTrue(again.alreadyImported)
    XCTAssertEqual(again.new, [])
    XCTAssertEqual(again.changed, [])
    XCTAssertEqual(again.updates, 2)
    XCTAssertEqual(try dump(library), before)
    _ = url
  }

  func testCaptureOfAnotherStoryStartsAnotherStory() throws {
    let (library, _) = try open()
    try StoreFixtures.importText(blog(["Bridges closed"]), source: "a.txt", into: library)
    let other = StoreFixtures.capture(
      headline: "Election night: results from every district as counting goes on", updates: [("First results", StoreFixtures.paragraphs("x"))])
    let report = try StoreFixtures.importText(other, source: "b.txt", into: library)
    XCTAssertTrue(report.newStory)
    XCTAssertEqual(try library.stories().count, 2)
  }

  func testEditedHeadlineMergesIntoTheSameStory() throws {
    let (library, _) = try open()
    try StoreFixtures.importText(blog(["Bridges closed"]), source: "a.txt", into: library)
    let edited = StoreFixtures.capture(
      headline: "Floods live: river crews race to protect the old town as waters peak",
      updates: [("Bridges closed", StoreFixtures.paragraphs("Bridges closed"))])
    let report = try StoreFixtures.importText(edited, source: "b.txt", into: library)
    XCTAssertFalse(report.newStory)
    let stories = try library.stories()
    XCTAssertEqual(stories.count, 1)
    XCTAssertEqual(stories[0].headline, "Floods live: river crews race to protect the old town as waters peak")
  }

  func testReadingPositionPersistsAcrossOpens() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let path = dir.appendingPathComponent("library.sqlite").path
    do {
      let library = try Library(path: path)
      try StoreFixtures.importText(blog(["Bridges closed", "Army deployed"]), source: "a.txt", into: library)
      let story = try XCTUnwrap(library.stories().first)
      let second = try library.updates(story: story.id, range: 1..<2)
      try library.saveReadingPosition(story: story.id, update: second[0].id, line: 3)
      try library.markRead(updates: [second[0].id])
    }
    let library = try Library(path: path)
    let story = try XCTUnwrap(library.stories().first)
    let position = try XCTUnwrap(library.readingPosition(story: story.id))
    XCTAssertEqual(position.index, 1)
    XCTAssertEqual(position.line, 3)
    XCTAssertEqual(try library.markedIndices(story: story.id), [0])
    XCTAssertEqual(story.markedCount, 1)
  }

  func testRemoveDeletesTheStoryWithItsCapturesAndMentions() throws {
    let (library, _) = try open()
    try StoreFixtures.importText(blog(["Bridges closed"]), source: "a.txt", into: library, analyze: BlinkenAnalysis.analyze)
    let story = try XCTUnwrap(library.findStory("1"))
    XCTAssertEqual(try library.findStory(story.key)?.id, story.id)
    XCTAssertEqual(try library.findStory(headline)?.id, story.id)
    XCTAssertTrue(try library.removeStory(id: story.id))
    XCTAssertEqual(try library.stories(), [])
    let counts = try library.read { db in
      try ["captures", "updates", "mentions", "aliases", "entities", "reading"].map {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
      }
    }
    XCTAssertEqual(counts, [0, 0, 0, 0, 0, 0])
    XCTAssertFalse(try library.removeStory(id: story.id))
  }

  func testStoredUpdatesReadBackAsImported() throws {
    let (library, _) = try open()
    var withCard = Update(
      title: "Bridges closed", line: 4, paragraphs: [Paragraph(line: 5, text: "Two \"bridges\" closed\u{2028}today.", column: 3)],
      links: [LinkCard(line: 6, title: "Related: the dyke repairs", summary: "What went wrong", summaryLine: 7),
              LinkCard(line: 8, title: "Another card")],
      kind: .pictures)
    withCard.time = "09:12 CET"
    let story = Story(source: "hand.txt", headline: headline, updates: [withCard, Update(title: nil, line: 9, paragraphs: [Paragraph(line: 9, text: "Lead text here.")])])
    _ = try library.importCapture(story, bytes: Array("hand".utf8))
    let summary = try XCTUnwrap(library.stories().first)
    let back = try library.updates(story: summary.id, range: 0..<10).map(\.update)
    XCTAssertEqual(back, story.updates)
    XCTAssertEqual(try library.loadStory(id: summary.id)?.updates, story.updates)
  }

  /// Every row of every table, to compare a library before and after.
  private func dump(_ library: Library) throws -> [String] {
    try library.read { db in
      var lines: [String] = []
      for table in ["stories", "captures", "updates", "entities", "aliases", "mentions", "reading"] {
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1") { lines.append("\(table) \(row)") }
      }
      return lines
    }
  }
}
