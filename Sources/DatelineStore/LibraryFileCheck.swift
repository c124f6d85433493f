import Foundation
import GRDB

/// Looks at a library file before anything opens it for writing, so that a foreign, damaged or newer file is
/// refused without a byte of it changing (opening in WAL mode would rewrite its header).
enum LibraryFileCheck {
  /// What the file at a location is.
  enum State: Equatable {
    /// No file (or an empty one): a new library will be made.
    case absent
    /// A dateline library with schema `version` (0 while a new library's first migration is pending);
    /// `current` when every migration this build knows has been applied (opening it need not write).
    case library(version: Int, current: Bool)
  }

  static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

  /// Checks the directory and the file at `location`; throws a `LibraryError` for anything that must not be
  /// opened. `writable` asks that the file (and its directory, for the WAL files) can be written.
  static func inspect(_ location: LibraryLocation, writable: Bool) throws(LibraryError) -> State {
    try inspect(location, writable: writable, keepingConnection: false).state
  }

  /// `inspect(_:writable:)`, and, when `keepingConnection` and the file is a library, the read-only connection
  /// that checked it, left open for reads (see `Library.forReading`).
  static func inspect(
    _ location: LibraryLocation, writable: Bool, keepingConnection: Bool
  ) throws(LibraryError) -> (state: State, connection: DatabaseQueue?) {
    let path = location.path
    let directory = location.directory
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if !manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
      guard location.isDefault else { throw .directoryUnusable(path: directory, reason: "no such directory") }
      do {
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw .directoryUnusable(path: directory, reason: "it does not exist and cannot be created")
      }
    } else if !isDirectory.boolValue {
      throw .directoryUnusable(path: directory, reason: "not a directory")
    }

    guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
      if writable && access(directory, W_OK) != 0 {
        throw .directoryUnusable(path: directory, reason: "not writable")
      }
      return (.absent, nil)
    }
    if isDirectory.boolValue { throw .directoryUnusable(path: path, reason: "a directory, not a library file") }
    guard let handle = FileHandle(forReadingAtPath: path) else { throw .readOnly(path: path) }
    let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
    try? handle.close()
    if header.isEmpty { return (.absent, nil) }
    guard header.count == 100, Array(header.prefix(16)) == sqliteMagic else { throw .notADatabase(path: path) }
    if writable && (access(path, W_OK) != 0 || access(directory, W_OK) != 0) { throw .readOnly(path: path) }

    // Header fields are big-endian: user_version at 60, application_id at 68. A library still in WAL after a
    // crash may not have its header checkpointed yet, so a zero id is confirmed by reading through SQLite.
    let headerVersion = bigEndian(header, at: 60)
    let headerID = bigEndian(header, at: 68)
    if headerID != 0 && headerID != LibrarySchema.applicationID { throw .foreign(path: path) }
    if Int(headerVersion) > LibrarySchema.version {
      throw .newerVersion(path: path, found: Int(headerVersion), known: LibrarySchema.version)
    }
    return try inspectThroughSQLite(path: path, keepingConnection: keepingConnection)
  }

  /// Opens the file read-only and checks its application id, schema version, migrations and that its schema
  /// can be read at all.
  private static func inspectThroughSQLite(
    path: String, keepingConnection: Bool
  ) throws(LibraryError) -> (state: State, connection: DatabaseQueue?) {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(Library.busyTimeout)
    return try libraryCall(path: path) {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      let state: State
      do {
        state = try check(queue, path: path)
      } catch {
        try? queue.close()
        throw error
      }
      guard keepingConnection, case .library = state else {
        try? queue.close()
        return (state, nil)
      }
      return (state, queue)
    }
  }

  /// The checks of `inspectThroughSQLite` on the open file.
  private static func check(_ queue: DatabaseQueue, path: String) throws -> State {
    return try queue.read { db throws -> State in
      let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
      let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
      // GRDB's migrator makes its bookkeeping table before the first migration's transaction, so another
      // dateline that is creating the library right now leaves a moment with that table alone and no id yet:
      // that is a new library, not a foreign one.
      let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE tbl_name != 'grdb_migrations'") ?? 0
      if id == 0 && tables == 0 { return .absent }
      guard id == LibrarySchema.applicationID else { throw LibraryError.foreign(path: path) }
      if version > LibrarySchema.version {
        throw LibraryError.newerVersion(path: path, found: version, known: LibrarySchema.version)
      }
      if try LibrarySchema.migrator.hasBeenSuperseded(db) {
        let applied = try LibrarySchema.migrator.appliedIdentifiers(db)
        throw LibraryError.newerVersion(path: path, found: applied.count, known: LibrarySchema.version)
      }
      return .library(version: version, current: try LibrarySchema.migrator.hasCompletedMigrations(db))
    }
  }

  private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> Int32 {
    var value: UInt32 = 0
    for byte in bytes[offset..<offset + 4] { value = value << 8 | UInt32(byte) }
    return Int32(bitPattern: value)
  }
}
