import DatelineCore
import GRDB
import XCTest

@testable import DatelineStore

/// Files that are not a library this build may write: refused with a clear error, left byte-identical.
final class LibraryFileTests: XCTestCase {
  private func makeLibrary(in dir: URL) throws -> URL {
    let url = dir.appendingPathComponent("library.sqlite")
    let library = try Library(path: url.path)
    let text = StoreFixtures.capture(
      headline: "Floods live: river crews race to protect the old town", updates: [("Bridges closed", StoreFixtures.paragraphs("a"))])
    try StoreFixtures.importText(text, source: "a.txt", into: library)
    return url
  }

  private func assertRefused(
    _ url: URL, file: StaticString = #filePath, line: UInt = #line, _ check: (LibraryError) -> Bool
  ) throws {
    let before = try XCTUnwrap(StoreFixtures.bytes(of: url))
    do {
      _ = try Library(path: url.path)
      XCTFail("opened", file: file, line: line)
    } catch {
      XCTAssertTrue(check(error), "\(error)", file: file, line: line)
      XCTAssertFalse(error.description.contains("\n"), file: file, line: line)
    }
    XCTAssertEqual(StoreFixtures.bytes(of: url), before, "the file was changed", file: file, line: line)
    XCTAssertFalse(FileManager.default.fileExists(atPath: url.path + "-wal") && (try? Data(contentsOf: URL(fileURLWithPath: url.path + "-wal")))?.isEmpty == false,
      "a WAL was written", file: file, line: line)
  }

  func testTextFileIsNotALibrary() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let url = dir.appendingPathComponent("notes.sqlite")
    try Data("these are my notes, not a database\n".utf8).write(to: url)
    try assertRefused(url) { if case .notADatabase = $0 { true } else { false } }
  }

  func testForeignSQLiteFileIsRefused() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let url = dir.appendingPathComponent("other.sqlite")
    do {
      let queue = try DatabaseQueue(path: url.path)
      try queue.write { db in
        try db.execute(sql: "CREATE TABLE stories (id INTEGER PRIMARY KEY, headline TEXT); INSERT INTO stories VALUES (1, 'x')")
      }
    }
    try assertRefused(url) { if case .foreign = $0 { true } else { false } }
  }

  func testCorruptLibraryIsRefused() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let url = try makeLibrary(in: dir)
    var bytes = try Data(contentsOf: url)
    // Keep the 100-byte header (so it still claims to be a dateline library) and wreck the schema page.
    for i in 100..<min(bytes.count, 4096) { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
    try bytes.write(to: url)
    try assertRefused(url) {
      switch $0 {
      case .corrupt, .notADatabase: true
      default: false
      }
    }
  }

  func testNewerLibraryIsRefused() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let url = try makeLibrary(in: dir)
    do {
      let queue = try DatabaseQueue(path: url.path)
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        try db.execute(sql: "PRAGMA user_version = 9")
        try db.execute(sql: "PRAGMA journal_mode = DELETE")
      }
    }
    try assertRefused(url) { if case .newerVersion(_, let found, let known) = $0 { found > known } else { false } }
  }

  func testNewerMigrationWithSameVersionNumberIsRefused() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let url = try makeLibrary(in: dir)
    do {
      let queue = try DatabaseQueue(path: url.path)
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v3-unknown')")
        try db.execute(sql: "PRAGMA journal_mode = DELETE")
      }
    }
    try assertRefused(url) { if case .newerVersion = $0 { true } else { false } }
  }

  func testOlderLibraryIsMigratedKeepingItsStories() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let url = dir.appendingPathComponent("old.sqlite")
    do {
      let pool = try DatabasePool(path: url.path)
      try LibrarySchema.migrator.migrate(pool, upTo: LibrarySchema.identifiers[0])
      try pool.write { db in
        try db.execute(
          sql: """
            INSERT INTO stories (id, key, headline, created_at, last_capture_at) VALUES (1, 'old-story', 'Old story', 0, 0);
            INSERT INTO updates (story_id, position, identity, title, kind, line, opening, paragraphs, links, content_hash)
            VALUES (1, 0, 't:hello', 'Hello', 'text', 1, '', '[]', '[]', 'x');
            """)
      }
    }
    let library = try Library(path: url.path)
    XCTAssertEqual(try library.schemaVersion(), LibrarySchema.version)
    let stories = try library.stories()
    XCTAssertEqual(stories.map(\.headline), ["Old story"])
    XCTAssertEqual(try library.updates(story: stories[0].id, range: 0..<10).map(\.update.title), ["Hello"])
    XCTAssertNotNil(try library.storyEntities(story: stories[0].id))
  }

  func testMissingDirectoryForAnExplicitPathIsAClearError() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let path = dir.appendingPathComponent("no/such/dir/library.sqlite").path
    XCTAssertThrowsError(try Library(path: path)) { error in
      guard let error = error as? LibraryError, case .directoryUnusable = error else { return XCTFail("\(error)") }
      XCTAssertTrue(error.description.contains("no such directory"))
    }
  }

  func testDefaultLocationCreatesTheDataDirectory() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let location = try LibraryLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": dir.path + "/data"])
    XCTAssertEqual(location.path, dir.path + "/data/dateline/library.sqlite")
    _ = try Library(location: location)
    XCTAssertTrue(FileManager.default.fileExists(atPath: location.path))
    let fallback = try LibraryLocation.resolve(explicit: nil, environment: ["HOME": "/home/someone"])
    XCTAssertEqual(fallback.path, "/home/someone/.local/share/dateline/library.sqlite")
    XCTAssertThrowsError(try LibraryLocation.resolve(explicit: nil, environment: [:]))
  }

  func testReadOnlyDirectoryIsAClearError() throws {
    if getuid() == 0 { throw XCTSkip("permissions do not bind root") }
    let dir = try StoreFixtures.temporaryDirectory(self)
    let locked = dir.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: locked.path)
    addTeardownBlock { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path) }
    XCTAssertThrowsError(try Library(path: locked.appendingPathComponent("library.sqlite").path)) { error in
      guard let error = error as? LibraryError, case .directoryUnusable = error else { return XCTFail("\(error)") }
    }
  }
}
