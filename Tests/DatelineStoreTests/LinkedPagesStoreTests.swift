import DatelineCore
import Foundation
import GRDB
import XCTest

@testable import DatelineStore

/// Feed stories that wait for their linked page (`linked_pages`, schema v6): noted once, replaced once, merged
/// after, kept apart from the same page imported on its own.
final class LinkedPagesStoreTests: XCTestCase {
  static let link = "https://gazette.example/ferry"

  static let teaser = Story(
    source: link, headline: "Ferry back in service",
    updates: [Update(title: nil, line: 3, paragraphs: [Paragraph(line: 3, text: "The ferry is back. Continue reading…")])],
    canonicalURL: link)

  /// The page as the HTML reader gives it: another headline and canonical URL, two updates.
  static func page(posts: Int = 2) -> Story {
    Story(
      source: link, headline: "Harbour ferry returns after a week in dry dock", standfirst: "Crews worked all night.",
      updates: (1...posts).reversed().map { n in
        Update(title: "Post \(n)", line: 10 * n, paragraphs: [Paragraph(line: 10 * n + 1, text: "Text of post \(n) about the ferry.")])
      }, canonicalURL: "https://gazette.example/news/ferry-returns")
  }

  func makeLibrary() throws -> (Library, Int64) {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let library = try Library(path: dir.appendingPathComponent("library.sqlite").path)
    let report = try library.importCapture(Self.teaser, bytes: Array("teaser".utf8))
    try library.noteLinkedPages([(report.storyKey, Self.link)])
    let id = try XCTUnwrap(try library.stories().first?.id)
    return (library, id)
  }

  func testAV5LibraryGainsTheTableAndKeepsItsStories() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let url = dir.appendingPathComponent("v5.sqlite")
    do {
      let pool = try DatabasePool(path: url.path)
      try LibrarySchema.migrator.migrate(pool, upTo: LibrarySchema.identifiers[4])
      try pool.write { db in
        try db.execute(
          sql: "INSERT INTO stories (id, key, headline, created_at, last_capture_at) VALUES (1, 'k', 'Kept story', 0, 0)")
      }
    }
    let library = try Library(path: url.path)
    XCTAssertEqual(try library.schemaVersion(), 6)
    XCTAssertEqual(try library.stories().map(\.headline), ["Kept story"])
    XCTAssertEqual(try library.pendingLinkedPages(), [])
    try library.noteLinkedPages([("k", "https://gazette.example/kept")])
    XCTAssertEqual(try library.pendingLinkedPages().map(\.url), ["https://gazette.example/kept"])
  }

  func testThePageReplacesTheTeaserOnceKeepingTheStorysIdentityAndHeadline() throws {
    let (library, id) = try makeLibrary()
    XCTAssertEqual(try library.linkedPage(story: id)?.readAt, nil)
    let at = Date(timeIntervalSince1970: 1_800_000_000)
    let report = try XCTUnwrap(
      try library.importLinkedPage(story: id, page: Self.page(), bytes: Array("page".utf8), replacing: true, at: at))
    XCTAssertEqual(report.new, ["Post 2", "Post 1"])
    XCTAssertFalse(report.newStory)
    let (story, updates) = try XCTUnwrap(try library.loadStoredStory(id: id))
    XCTAssertEqual(story.headline, "Ferry back in service", "the list row keeps its headline")
    XCTAssertEqual(story.standfirst, "Crews worked all night.")
    XCTAssertEqual(story.id, StoryID(url: Self.link), "the story keeps its identity")
    XCTAssertEqual(updates.map(\.update.title), ["Post 2", "Post 1"], "the teaser is gone")
    XCTAssertEqual(try library.stories().count, 1)
    XCTAssertEqual(try library.linkedPage(story: id)?.readAt, at)
    XCTAssertEqual(try library.pendingLinkedPages(), [])
    // Another reader that fetched the page at the same time finds it read: nothing changes.
    XCTAssertNil(try library.importLinkedPage(story: id, page: Self.page(posts: 3), bytes: Array("page3".utf8), replacing: true))
    XCTAssertEqual(try library.loadStoredStory(id: id)?.updates.count, 2)
    // Noting the story again (a later refresh) does not make it pending again.
    try library.noteLinkedPages([(StoryID(url: Self.link).rawValue, Self.link)])
    XCTAssertEqual(try library.pendingLinkedPages(), [])
  }

  func testLaterTheGrownPageIsMergedWithItsNewPostMarked() throws {
    let (library, id) = try makeLibrary()
    _ = try library.importLinkedPage(story: id, page: Self.page(), bytes: Array("page".utf8), replacing: true)
    try library.markRead(updates: try XCTUnwrap(try library.loadStoredStory(id: id)).updates.map(\.id))
    let report = try XCTUnwrap(
      try library.importLinkedPage(story: id, page: Self.page(posts: 3), bytes: Array("page3".utf8), replacing: false))
    XCTAssertEqual(report.new, ["Post 3"])
    XCTAssertEqual(try library.loadStoredStory(id: id)?.updates.map(\.update.title), ["Post 3", "Post 2", "Post 1"])
    XCTAssertEqual(try library.markedIndices(story: id), [0])
    // The same bytes again: already imported.
    XCTAssertEqual(
      try library.importLinkedPage(story: id, page: Self.page(posts: 3), bytes: Array("page3".utf8), replacing: false)?
        .alreadyImported, true)
  }

  func testThePageImportedOnItsOwnBeforeDoesNotBlockIt() throws {
    let (library, id) = try makeLibrary()
    // `dateline add URL` of the same page: another story (the page's own canonical URL), the same bytes.
    _ = try library.importCapture(Self.page(), bytes: Array("page".utf8))
    let report = try XCTUnwrap(
      try library.importLinkedPage(story: id, page: Self.page(), bytes: Array("page".utf8), replacing: true))
    XCTAssertFalse(report.alreadyImported)
    XCTAssertEqual(try library.loadStoredStory(id: id)?.updates.count, 2)
  }

  func testFailuresAreCountedAndAStoryRemovedTakesItsPageWithIt() throws {
    let (library, id) = try makeLibrary()
    try library.recordLinkedPageFailure(story: id, message: "https://gazette.example/ferry: the server answered 404 Not Found")
    try library.recordLinkedPageFailure(story: id, message: "timed out")
    let page = try XCTUnwrap(try library.linkedPage(story: id))
    XCTAssertEqual(page.failures, 2)
    XCTAssertEqual(page.lastError, "timed out")
    XCTAssertNil(page.readAt)
    _ = try library.importLinkedPage(story: id, page: Self.page(), bytes: Array("page".utf8), replacing: true)
    XCTAssertEqual(try library.linkedPage(story: id)?.failures, 0)
    try library.write { db in try db.execute(sql: "DELETE FROM stories WHERE id = ?", arguments: [id]) }
    XCTAssertNil(try library.linkedPage(story: id))
  }

  func testAStoryWithoutALinkedPageIsLeftAlone() throws {
    let (library, _) = try makeLibrary()
    let other = try library.importCapture(
      Story(source: "notes.txt", headline: "Notes", updates: [Update(title: "a", line: 1, paragraphs: [])]), bytes: [9])
    let id = try XCTUnwrap(try library.stories().first { $0.key == other.storyKey }?.id)
    XCTAssertNil(try library.importLinkedPage(story: id, page: Self.page(), bytes: [1], replacing: true))
    XCTAssertEqual(try library.loadStoredStory(id: id)?.updates.count, 1)
  }
}
