import DatelineCore
import Foundation
import GRDB

/// The reader's library: every story imported so far, its updates merged across captures, what is new or
/// changed, the entities of all stories, and reading state. One SQLite file (WAL mode, foreign keys on), read
/// and written through GRDB; safe to use from several processes at once.
public final class Library: Sendable {
  /// Where the library file is.
  public let location: LibraryLocation
  let pool: DatabasePool

  /// How long a writer waits for another process's write to finish before giving up.
  public static let busyTimeout: TimeInterval = 30

  /// Opens the library at `location`, creating it when absent and migrating an older one. A foreign, damaged
  /// or newer file is refused (`LibraryError`) and left exactly as it was.
  public init(location: LibraryLocation) throws(LibraryError) {
    self.location = location
    let path = location.path
    _ = try LibraryFileCheck.inspect(location, writable: true)
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.journalMode = .wal
    pool = try libraryCall(path: path) {
      let pool = try DatabasePool(path: path, configuration: configuration)
      try pool.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
      }
      // Migrate only when needed: a reader opening the library while another process imports must not queue
      // behind that import's write lock.
      let migrator = LibrarySchema.migrator
      if try !pool.read({ db in try migrator.hasCompletedMigrations(db) }) {
        try migrator.migrate(pool)
      }
      return pool
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
    try libraryCall(path: location.path) { try pool.read(body) }
  }

  /// Runs `body` in one IMMEDIATE write transaction (all or nothing), mapping errors to `LibraryError`.
  func write<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
    try libraryCall(path: location.path) {
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
