import DatelineCore
import Foundation
import GRDB
import XCTest

@testable import DatelineStore

/// SIGKILL a real `dateline add` at random moments: the library must be as before or fully imported.
final class KillDuringImportTests: XCTestCase {
  func testKilledImportLeavesTheLibraryAsBeforeOrFullyImported() throws {
    let binary = try StoreFixtures.datelineBinary()
    let dir = try StoreFixtures.temporaryDirectory(self)
    let sample = try XCTUnwrap(BundledResource.text("sample-story.txt"))
    let big = SyntheticLiveBlog(sample: sample, window: 1500)
    let bigURL = dir.appendingPathComponent("big.txt")
    try Data(big.capture(0).utf8).write(to: bigURL)

    // The library before: one small story, closed cleanly.
    let beforeURL = dir.appendingPathComponent("before.sqlite")
    do {
      let library = try Library(path: beforeURL.path)
      let small = SyntheticLiveBlog(sample: sample, window: 5).renamed(seed: 1)
      try StoreFixtures.importText(small.capture(0), source: "small.txt", into: library)
    }

    // One full run, to know how long an import takes.
    let fullURL = dir.appendingPathComponent("full.sqlite")
    try FileManager.default.copyItem(at: beforeURL, to: fullURL)
    let start = Date()
    let full = try run(binary, ["add", "--library", fullURL.path, bigURL.path])
    full.waitUntilExit()
    let seconds = Date().timeIntervalSince(start)
    XCTAssertEqual(full.terminationStatus, 0)
    let expected = try Library(path: fullURL.path).stories().map(\.updateCount).sorted()
    XCTAssertEqual(expected, [5, 1500])

    var generator = SystemRandomNumberGenerator()
    var killedMidway = 0
    for attempt in 0..<5 {
      let url = dir.appendingPathComponent("attempt-\(attempt).sqlite")
      try FileManager.default.copyItem(at: beforeURL, to: url)
      let process = try run(binary, ["add", "--library", url.path, bigURL.path])
      // Spread the kills over the whole run, start-up included.
      let delay = Double.random(in: 0.02...max(0.05, seconds * 0.95), using: &generator)
      Thread.sleep(forTimeInterval: delay)
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        killedMidway += 1
      }
      process.waitUntilExit()

      let library = try Library(path: url.path)
      let integrity = try library.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
      XCTAssertEqual(integrity, ["ok"], "attempt \(attempt) after \(delay) s")
      let counts = try library.stories().map(\.updateCount).sorted()
      XCTAssertTrue(counts == [5] || counts == expected, "attempt \(attempt) after \(delay) s: \(counts)")
      let orphans = try library.read { db in
        try Int.fetchOne(db, sql: "SELECT count(*) FROM captures c WHERE NOT EXISTS (SELECT 1 FROM updates u WHERE u.first_capture_id = c.id OR u.last_capture_id = c.id)")
      }
      XCTAssertEqual(orphans, 0, "a capture without its updates")
      // The library still takes the import afterwards.
      let report = try StoreFixtures.importText(big.capture(0), source: bigURL.path, into: library)
      XCTAssertEqual(report.updates, 1500)
    }
    XCTAssertGreaterThan(killedMidway, 0, "no import was killed while running")
  }

  private func run(_ binary: URL, _ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }
}
