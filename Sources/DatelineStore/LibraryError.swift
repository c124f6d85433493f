import Foundation
import GRDB

/// Why a library could not be opened or changed. Each `description` is one line for the user.
public enum LibraryError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No data directory could be found (neither `XDG_DATA_HOME` nor `HOME` is set).
  case noDataDirectory
  /// The directory for the library is missing and could not be created, or is not writable.
  case directoryUnusable(path: String, reason: String)
  /// The library file exists but cannot be written.
  case readOnly(path: String)
  /// The file is not an SQLite database.
  case notADatabase(path: String)
  /// The file is an SQLite database made by something other than dateline.
  case foreign(path: String)
  /// The file is a dateline library damaged beyond reading.
  case corrupt(path: String, detail: String)
  /// The library was written by a newer dateline (schema `found` > `known`).
  case newerVersion(path: String, found: Int, known: Int)
  /// Another process held the library too long. `code` is SQLite's extended result code
  /// (`SQLITE_BUSY_SNAPSHOT`, `SQLITE_BUSY_RECOVERY`...), so a report says which lock was missed.
  case busy(path: String, code: String)
  /// No story matched what the user named.
  case noSuchStory(String)
  /// Any other database failure.
  case database(path: String, detail: String)

  public var description: String {
    switch self {
    case .noDataDirectory:
      return "cannot find a data directory for the library: set XDG_DATA_HOME or HOME, or pass --library PATH"
    case .directoryUnusable(let path, let reason):
      return "\(path): cannot use this directory for the library (\(reason))"
    case .readOnly(let path):
      return "\(path): the library is read-only (check the file's and its directory's permissions)"
    case .notADatabase(let path):
      return "\(path): not a dateline library (not an SQLite database); left untouched"
    case .foreign(path: let path):
      return "\(path): an SQLite database that is not a dateline library; left untouched"
    case .corrupt(let path, let detail):
      return "\(path): the library is damaged (\(detail)); left untouched — restore a backup or pass another --library"
    case .newerVersion(let path, let found, let known):
      return "\(path): the library was written by a newer dateline (schema \(found), this one knows \(known)); "
        + "left untouched — upgrade dateline"
    case .busy(let path, let code):
      return "\(path): the library stayed busy (another dateline is writing to it; \(code)); try again"
    case .noSuchStory(let name):
      return "no story in the library matches '\(name)' (see dateline list)"
    case .database(let path, let detail):
      return "\(path): \(detail)"
    }
  }

  /// The library error for a database error met while using the library at `path`.
  static func from(_ error: any Error, path: String) -> LibraryError {
    if let error = error as? LibraryError { return error }
    guard let error = error as? DatabaseError else {
      return .database(path: path, detail: String(describing: error))
    }
    switch error.resultCode {
    case .SQLITE_CORRUPT: return .corrupt(path: path, detail: error.message ?? "malformed")
    case .SQLITE_NOTADB: return .notADatabase(path: path)
    case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path, code: Self.name(of: error.extendedResultCode))
    case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path: path)
    case .SQLITE_CANTOPEN: return .directoryUnusable(path: path, reason: "cannot open the file")
    default: return .database(path: path, detail: error.message ?? "\(error.resultCode)")
    }
  }
}

extension LibraryError {
  /// SQLite's name for an extended result code, as its documentation spells it.
  static func name(of code: ResultCode) -> String {
    switch code {
    case .SQLITE_BUSY: return "SQLITE_BUSY"
    case .SQLITE_BUSY_RECOVERY: return "SQLITE_BUSY_RECOVERY"
    case .SQLITE_BUSY_SNAPSHOT: return "SQLITE_BUSY_SNAPSHOT"
    case .SQLITE_BUSY_TIMEOUT: return "SQLITE_BUSY_TIMEOUT"
    case .SQLITE_LOCKED: return "SQLITE_LOCKED"
    case .SQLITE_LOCKED_SHAREDCACHE: return "SQLITE_LOCKED_SHAREDCACHE"
    case .SQLITE_LOCKED_VTAB: return "SQLITE_LOCKED_VTAB"
    default: return "SQLite code \(code.rawValue)"
    }
  }
}

/// Runs `body`, turning any error into a `LibraryError` about `path`.
func libraryCall<T>(path: String, _ body: () throws -> T) throws(LibraryError) -> T {
  do {
    return try body()
  } catch {
    throw LibraryError.from(error, path: path)
  }
}
