import Foundation
import GRDB

extension Library {
  /// What is remembered of fetching `url`, if it was ever fetched.
  public func fetchState(url: String) throws(LibraryError) -> FetchState? {
    try read { db in try Self.fetchState(db, url: url) }
  }

  /// The state to make a conditional request for `url` with: only while the library still holds a capture from
  /// that URL. A "not modified" answer is only worth something when the copy it vouches for is still here (a
  /// removed story must be fetched whole again).
  public func conditionalFetchState(url: String) throws(LibraryError) -> FetchState? {
    try read { db in
      guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM captures WHERE source = ?)", arguments: [url]) == true
      else { return nil }
      return try Self.fetchState(db, url: url)
    }
  }

  /// Records a fetch of `url` that succeeded: the validators of what was read (nil ones are kept as they were
  /// when `keepValidators`, as after a 304) and no failures.
  public func recordFetch(
    url: String, finalURL: String?, etag: String?, lastModified: String?, keepValidators: Bool = false, at date: Date = Date()
  ) throws(LibraryError) {
    try write { db in
      try Self.recordFetch(
        db, url: url, finalURL: finalURL, etag: etag, lastModified: lastModified, keepValidators: keepValidators, at: date)
    }
  }

  /// `recordFetch` inside a transaction already open (a feed refresh records it with the feed's items).
  static func recordFetch(
    _ db: Database, url: String, finalURL: String?, etag: String?, lastModified: String?, keepValidators: Bool, at date: Date
  ) throws {
    do {
      try db.cachedStatement(
        sql: """
          INSERT INTO fetch_state (url, final_url, etag, last_modified, fetched_at, failures, last_failure_at, last_error)
          VALUES (?, ?, ?, ?, ?, 0, NULL, NULL)
          ON CONFLICT(url) DO UPDATE SET
            final_url = coalesce(excluded.final_url, final_url),
            etag = CASE WHEN ? THEN coalesce(excluded.etag, etag) ELSE excluded.etag END,
            last_modified = CASE WHEN ? THEN coalesce(excluded.last_modified, last_modified) ELSE excluded.last_modified END,
            fetched_at = excluded.fetched_at, failures = 0, last_failure_at = NULL, last_error = NULL
          """
      ).execute(arguments: [url, finalURL, etag, lastModified, date.timeIntervalSince1970, keepValidators, keepValidators])
    }
  }

  /// Records that fetching `url` failed with `message`; returns the failures in a row now.
  @discardableResult
  public func recordFetchFailure(url: String, message: String, at date: Date = Date()) throws(LibraryError) -> Int {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO fetch_state (url, failures, last_failure_at, last_error) VALUES (?, 1, ?, ?)
          ON CONFLICT(url) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at,
            last_error = excluded.last_error
          """, arguments: [url, date.timeIntervalSince1970, message])
      return try Int.fetchOne(db, sql: "SELECT failures FROM fetch_state WHERE url = ?", arguments: [url]) ?? 1
    }
  }

  static func fetchState(_ db: Database, url: String) throws -> FetchState? {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT url, final_url, etag, last_modified, fetched_at, failures, last_failure_at, last_error
          FROM fetch_state WHERE url = ?
          """, arguments: [url])
    else { return nil }
    let fetched: Double? = row["fetched_at"]
    let failed: Double? = row["last_failure_at"]
    return FetchState(
      url: row["url"], finalURL: row["final_url"], etag: row["etag"], lastModified: row["last_modified"],
      fetchedAt: fetched.map(Date.init(timeIntervalSince1970:)), failures: row["failures"],
      lastFailureAt: failed.map(Date.init(timeIntervalSince1970:)), lastError: row["last_error"])
  }
}
