import DatelineCore
import Foundation
import XCTest

@testable import DatelineStore

/// SQLite's WAL mode answers BUSY without calling the busy handler of a connection that has none: while the last
/// connection to a library closes (it holds an exclusive lock as it checkpoints and removes the WAL), and while
/// a new first connection recovers the WAL. `dateline list` opens and closes the library in a moment, so it is
/// often that last connection; every other opener must wait its turn, not fail.
final class LastConnectionTests: XCTestCase {
  /// Several threads open the library, read or write once, and close it, over and over: each close is often
  /// the last connection's. Without a busy timeout on every connection, some opens failed within a few rounds.
  func testOpeningWhileOthersCloseTheLastConnection() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let path = dir.appendingPathComponent("library.sqlite").path
    let sample = try XCTUnwrap(BundledResource.text("sample-story.txt"))
    do { _ = try Library(path: path) }
    let errors = ErrorLog()
    let rounds = ProcessInfo.processInfo.environment["DATELINE_STRESS_ROUNDS"].flatMap(Int.init) ?? 150
    let group = DispatchGroup()
    for worker in 0..<4 {
      DispatchQueue.global().async(group: group) {
        for round in 0..<rounds {
          do {
            let library = try Library(path: path)
            if worker == 0 && round % 10 == 0 {
              try StoreFixtures.importText(sample + "\nRound \(round) title\nA paragraph for round \(round) that is long enough to keep.", source: "w.txt", into: library)
            } else {
              _ = try library.stories()
            }
          } catch {
            errors.add("worker \(worker) round \(round): \(error)")
          }
        }
      }
    }
    group.wait()
    XCTAssertEqual(errors.all, [])
  }

  /// Several openers of a library that does not exist yet: one creates it, the others wait and use it. GRDB's
  /// migrator reads which migrations are applied before its write transaction, so two first openers can both
  /// decide to run the same migration; the one that loses must see the other's work, not fail.
  func testManyFirstOpenersAtOnce() throws {
    for _ in 0..<20 {
      let dir = try StoreFixtures.temporaryDirectory(self)
      let path = dir.appendingPathComponent("library.sqlite").path
      let errors = ErrorLog()
      DispatchQueue.concurrentPerform(iterations: 6) { worker in
        do {
          let library = try Library(path: path)
          XCTAssertEqual(try library.schemaVersion(), LibrarySchema.version)
        } catch {
          errors.add("opener \(worker): \(error)")
        }
      }
      XCTAssertEqual(errors.all, [])
    }
  }
}
