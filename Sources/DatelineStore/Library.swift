import DatelineCore
import Foundation
import GRDB
import Synchronization

/// The reader's library: every story imported so far, its updates merged across captures, what is new or
/// changed, the entities of all stories, and reading state. One SQLite file (WAL mode, foreign keys on), read
/// and written through GRDB; safe to use from several processes at once.
public final class Library: Sendable {
  /// Where the library file is.
  public let location: LibraryLocation
  /// The connections reads go through: the writable pool, or (a library opened `forReading`) read-only ones
  /// until `writablePool()` is first needed.
  private let readers: any DatabaseReader
  /// The writable pool, once opened.
  private let writer: Mutex<DatabasePool?>

  /// How long a writer waits for another process's write to finish before giving up.
  public static let busyTimeout: TimeInterval = 30

  /// Opens the library at `location`, creating it when absent and migrating an older one. A foreign, damaged
  /// or newer file is refused (`LibraryError`) and left exactly as it was.
  public init(location: LibraryLocation) throws(LibraryError) {
    self.location = location
    _ = try LibraryFileCheck.inspect(location, writable: true)
    let pool = try Self.openPool(path: location.path, configuration: Self.configuration)
    readers = pool
    writer = Mutex(pool)
  }

  /// Opens the library at `location` for a reader that reads before it writes: a current library is read
  /// through read-only connections at once, and the writable pool is opened at the first write (or
  /// `prepareForWriting()`). Opening the writable pool is what costs: GRDB writes a transaction into a missing
  /// or empty WAL (SQLite deletes the WAL when the last connection closes, so at every start) and that write's
  /// fsyncs, of the WAL and its directory, took longer than the rest of the reader's start. A library that is
  /// absent or needs a migration is opened as `init(location:)` does.
  public static func forReading(location: LibraryLocation) throws(LibraryError) -> Library {
    let checked = try LibraryFileCheck.inspect(location, writable: true, keepingConnection: true)
    // The read-only connection that checked the file serves the reads (one connection, opened once).
    guard case .library(_, current: true) = checked.state, let readers = checked.connection else {
      try? checked.connection?.close()
      return try Library(location: location)
    }
    return Library(location: location, readers: readers)
  }

  private init(location: LibraryLocation, readers: any DatabaseReader) {
    self.location = location
    self.readers = readers
    writer = Mutex(nil)
  }

  static var configuration: Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.journalMode = .wal
    return configuration
  }

  /// The writable pool, opened (and the schema brought up to date) on the first call.
  func writablePool() throws(LibraryError) -> DatabasePool {
    let outcome: Result<DatabasePool, LibraryError> = writer.withLock { writer in
      if let writer { return .success(writer) }
      do throws(LibraryError) {
        let pool = try Self.openPool(path: location.path, configuration: Self.configuration)
        writer = pool
        return .success(pool)
      } catch {
        return .failure(error)
      }
    }
    return try outcome.get()
  }

  /// Opens the writable pool now, when it is not open yet (a reader calls this once its first frame is drawn, so
  /// that its first write does not wait for it); failures are left for that write to report.
  public func prepareForWriting() { _ = try? writablePool() }

  /// Opens the pool, switches a new file to WAL and brings the schema up to date.
  ///
  /// A library that another process is creating at the same moment is still in rollback-journal mode, where
  /// SQLite answers a connection that holds a read lock and wants the write lock held by another with plain
  /// `SQLITE_BUSY` at once, without calling the busy handler (waiting could only deadlock). GRDB's switch to WAL
  /// (`PRAGMA journal_mode = WAL`) is such an upgrade. Opening changes nothing that the other process does not
  /// also do, so a busy open is tried again, backing off, until the busy timeout has passed. A current library
  /// in WAL mode never gets here: opening it takes no write lock.
  static func openPool(path: String, configuration: Configuration) throws(LibraryError) -> DatabasePool {
    let deadline = Date().addingTimeInterval(busyTimeout)
    var pause: TimeInterval = 0.002
    while true {
      do {
        return try libraryCall(path: path) {
          let pool = try DatabasePool(path: path, configuration: configuration)
          try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
          }
          try migrateIfNeeded(pool)
          return pool
        }
      } catch {
        guard case .busy = error, Date() < deadline else { throw error }
        Thread.sleep(forTimeInterval: pause)
        pause = min(pause * 2, 0.1)
      }
    }
  }

  /// Brings the schema up to date. Only when needed: a reader opening a current library while another process
  /// imports must not queue behind that import's write lock.
  ///
  /// GRDB's migrator decides which migrations to run before it takes the write lock, so two processes opening
  /// an older (or a new) library at once can both start the same migration. Each migration is one IMMEDIATE
  /// transaction, so the loser's fails whole ("table already exists") and changes nothing; it then sees the
  /// winner's work and goes on from there. Every failed round means another process committed a migration, so
  /// more rounds than migrations is a real error, passed on.
  static func migrateIfNeeded(_ pool: DatabasePool) throws {
    let migrator = LibrarySchema.migrator
    var failures = 0
    while try !pool.read({ db in try migrator.hasCompletedMigrations(db) }) {
      do {
        try migrator.migrate(pool)
      } catch {
        failures += 1
        if failures > LibrarySchema.version { throw error }
      }
    }
  }

  /// Opens the library at `path` (see `init(location:)`).
  public convenience init(path: String) throws(LibraryError) {
    try self.init(location: LibraryLocation(path: path))
  }

  /// The schema version of the open library (`PRAGMA user_version`).
  public func schemaVersion() throws(LibraryError) -> Int {
    try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
  }

  /// Runs `body` in a read transaction, mapping errors to `LibraryError`.
  func read<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
    try libraryCall(path: location.path) { try readers.read(body) }
  }

  /// `write` for async callers: the transaction runs on the library's writer queue while the calling task is
  /// suspended, instead of blocking one of the few cooperative threads until the writer is free (a refresh's
  /// other tasks keep parsing feeds and finding entities on them meanwhile).
  func writeAsync<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(LibraryError) -> T {
    let path = location.path
    let pool = try writablePool()
    do {
      return try await pool.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return .commit
        }
        guard let result else { throw LibraryError.database(path: path, detail: "transaction gave no result") }
        return result
      }
    } catch {
      throw LibraryError.from(error, path: path)
    }
  }

  /// Runs `body` in one IMMEDIATE write transaction (all or nothing), mapping errors to `LibraryError`.
  func write<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
    let pool = try writablePool()
    return try libraryCall(path: location.path) {
      try pool.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return .commit
        }
        guard let result else { throw LibraryError.database(path: location.path, detail: "transaction gave no result") }
        return result
      }
    }
  }
}
