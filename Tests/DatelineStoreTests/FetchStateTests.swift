import DatelineCore
import Foundation
import GRDB
import XCTest

@testable import DatelineStore

/// What the library keeps of fetching a URL: validators of the copy held, failures in a row.
final class FetchStateTests: XCTestCase {
  func testALibraryFromBeforeFetchStateGainsItAndKeepsItsStories() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let url = dir.appendingPathComponent("v3.sqlite")
    do {
      let pool = try DatabasePool(path: url.path)
      try LibrarySchema.migrator.migrate(pool, upTo: LibrarySchema.identifiers[2])
      try pool.write { db in
        try db.execute(
          sql: "INSERT INTO stories (id, key, headline, created_at, last_capture_at) VALUES (1, 'k', 'Kept story', 0, 0)")
      }
    }
    let library = try Library(path: url.path)
    XCTAssertEqual(try library.schemaVersion(), LibrarySchema.version)
    XCTAssertEqual(try library.stories().map(\.headline), ["Kept story"])
    try library.recordFetch(url: "https://news.example/a", finalURL: nil, etag: "\"e\"", lastModified: nil)
    XCTAssertEqual(try library.fetchState(url: "https://news.example/a")?.etag, "\"e\"")
  }

  func testValidatorsFailuresAndWhenTheyAreSent() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let library = try Library(path: dir.appendingPathComponent("library.sqlite").path)
    let url = "https://news.example/live"
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    try library.recordFetch(url: url, finalURL: url + "/", etag: "\"a\"", lastModified: "Tue, 01 Dec 2026 10:00:00 GMT", at: t0)
    XCTAssertNil(try library.conditionalFetchState(url: url), "no capture from the URL is held: nothing to vouch for")
    _ = try library.importCapture(
      TextCaptureReader().read(text: "Headline here\nStandfirst here.\nA paragraph of text.\n", source: url), bytes: [1, 2, 3])
    XCTAssertEqual(try library.conditionalFetchState(url: url)?.etag, "\"a\"")

    XCTAssertEqual(try library.recordFetchFailure(url: url, message: "boom", at: t0.addingTimeInterval(60)), 1)
    XCTAssertEqual(try library.recordFetchFailure(url: url, message: "boom again", at: t0.addingTimeInterval(120)), 2)
    var state = try XCTUnwrap(try library.fetchState(url: url))
    XCTAssertEqual(state.failures, 2)
    XCTAssertEqual(state.lastError, "boom again")
    XCTAssertEqual(state.etag, "\"a\"", "a failure keeps the validators")

    // A 304: validators kept, failures cleared.
    try library.recordFetch(url: url, finalURL: nil, etag: nil, lastModified: nil, keepValidators: true, at: t0.addingTimeInterval(180))
    state = try XCTUnwrap(try library.fetchState(url: url))
    XCTAssertEqual(state.failures, 0)
    XCTAssertNil(state.lastError)
    XCTAssertEqual(state.etag, "\"a\"")
    XCTAssertEqual(state.lastModified, "Tue, 01 Dec 2026 10:00:00 GMT")
    XCTAssertEqual(state.finalURL, url + "/")
    // A new page without validators: the old ones no longer apply.
    try library.recordFetch(url: url, finalURL: nil, etag: nil, lastModified: nil, at: t0.addingTimeInterval(240))
    state = try XCTUnwrap(try library.fetchState(url: url))
    XCTAssertNil(state.etag)
    XCTAssertNil(state.lastModified)
  }
}
