import DatelineCore
import GRDB
import XCTest

@testable import DatelineStore

/// `Library.forReading`: the reader's library reads at once without writing (no WAL set-up, no migration
/// check through the writer) and becomes writable at the first write.
final class LibraryForReadingTests: XCTestCase {
  private func makeLibrary(in dir: URL) throws -> URL {
    let url = dir.appendingPathComponent("library.sqlite")
    let library = try Library(path: url.path)
    let text = StoreFixtures.capture(
      headline: "Storm live: ferries stay in port as the wind rises",
      updates: [("Ferries cancelled", StoreFixtures.paragraphs("a")), ("Roads closed", StoreFixtures.paragraphs("b"))])
    try StoreFixtures.importText(text, source: "storm.txt", into: library)
    return url
  }

  /// The WAL's bytes, or nil when there is none (SQLite deletes it when the last connection closes).
  private func wal(_ url: URL) -> Data? { FileManager.default.contents(atPath: url.path + "-wal") }

  func testReadingWritesNothingUntilTheFirstWrite() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let url = try makeLibrary(in: dir)
    let before = try XCTUnwrap(StoreFixtures.bytes(of: url))
    XCTAssertTrue(wal(url)?.isEmpty ?? true, "the library's WAL is gone once it is closed")
    let library = try Library.forReading(location: LibraryLocation(path: url.path))
    let stories = try library.stories()
    XCTAssertEqual(stories.map(\.headline), ["Storm live: ferries stay in port as the wind rises"])
    let loaded = try XCTUnwrap(try library.loadStoredStory(id: stories[0].id))
    XCTAssertEqual(loaded.story.updates.map(\.title), ["Ferries cancelled", "Roads closed"])
    _ = try library.storyEntities(story: stories[0].id)
    XCTAssertNil(try library.readingPosition(story: stories[0].id))
    XCTAssertNil(try library.lastReadStory())
    // Nothing was written: not the file, not a frame of WAL (GRDB's WAL set-up writes one when it opens a pool).
    XCTAssertEqual(StoreFixtures.bytes(of: url), before)
    XCTAssertTrue(wal(url)?.isEmpty ?? true, "a WAL frame was written while only reading")

    // The first write opens the writable connections; reads then see it.
    try library.saveReadingPosition(story: stories[0].id, update: loaded.updates[1].id, line: 3)
    XCTAssertEqual(try library.readingPosition(story: stories[0].id)?.line, 3)
    XCTAssertEqual(try library.lastReadStory(), stories[0].id)
    try library.markRead(updates: loaded.updates.map(\.id))
    XCTAssertEqual(try library.stories().first?.markedCount, 0)
  }

  func testPreparingForWritingOpensTheWriterOnce() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let url = try makeLibrary(in: dir)
    let library = try Library.forReading(location: LibraryLocation(path: url.path))
    library.prepareForWriting()
    let first = try library.writablePool()
    library.prepareForWriting()
    XCTAssertTrue(first === (try library.writablePool()))
    let story = try XCTUnwrap(try library.stories().first)
    try library.markStoryRead(story.id)
    XCTAssertEqual(try library.stories().first?.markedCount, 0)
  }

  func testAnAbsentLibraryIsCreatedAndAnOlderOneMigrated() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let fresh = try Library.forReading(location: LibraryLocation(path: dir.appendingPathComponent("new.sqlite").path))
    XCTAssertEqual(try fresh.schemaVersion(), LibrarySchema.version)
    XCTAssertEqual(try fresh.stories().count, 0)

    let url = dir.appendingPathComponent("old.sqlite")
    do {
      let pool = try DatabasePool(path: url.path)
      try LibrarySchema.migrator.migrate(pool, upTo: LibrarySchema.identifiers[0])
    }
    let older = try Library.forReading(location: LibraryLocation(path: url.path))
    XCTAssertEqual(try older.schemaVersion(), LibrarySchema.version)
    XCTAssertEqual(try older.stories().count, 0)
  }

  func testAForeignFileIsRefusedAndLeftAsItWas() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let url = dir.appendingPathComponent("notes.sqlite")
    try Data("these are my notes, not a database\n".utf8).write(to: url)
    XCTAssertThrowsError(try Library.forReading(location: LibraryLocation(path: url.path))) { error in
      guard case .notADatabase = error as? LibraryError else { return XCTFail("\(error)") }
    }
    XCTAssertEqual(StoreFixtures.bytes(of: url), Data("these are my notes, not a database\n".utf8))
  }
}
