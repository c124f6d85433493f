import DatelineCore
import XCTest

@testable import DatelineStore

/// The two real captures of one live blog in the shared seeds folder (skipped when it is absent).
final class SeedMergeTests: XCTestCase {
  func testSeed000Then002GivesOneStoryOf18UpdatesWith6New() throws {
    let first = try StoreFixtures.seed("000")
    let second = try StoreFixtures.seed("002")
    let dir = try StoreFixtures.temporaryDirectory(self)
    let library = try Library(path: dir.appendingPathComponent("library.sqlite").path)
    let reader = TextCaptureReader()

    let a = try reader.readWithBytes(path: first.path)
    let b = try reader.readWithBytes(path: second.path)
    let reportA = try library.importCapture(a.story, bytes: a.bytes)
    let reportB = try library.importCapture(b.story, bytes: b.bytes)

    XCTAssertEqual(try library.stories().count, 1)
    XCTAssertFalse(reportB.newStory)
    XCTAssertEqual(reportB.story, reportA.story)
    XCTAssertEqual(reportB.updates, 18)
    XCTAssertEqual(reportB.new.count, 6)
    XCTAssertEqual(reportB.changed, [])

    // The updates 002 shares with 000 (the lead among them) are known, not new.
    let sharedIDs = Set(a.story.updates.map(\.id)).intersection(b.story.updates.map(\.id))
    XCTAssertEqual(sharedIDs.count, 2)
    let lead = try XCTUnwrap(b.story.updates.first)
    XCTAssertNil(lead.title, "the lead is untitled")
    XCTAssertFalse(reportB.new.contains(lead.displayName))
    for update in b.story.updates where sharedIDs.contains(update.id) {
      XCTAssertFalse(reportB.new.contains(update.displayName))
    }

    // Importing either again changes nothing.
    let again = try library.importCapture(b.story, bytes: b.bytes)
    XCTAssertTrue(again.alreadyImported)
    XCTAssertEqual(try library.stories().first?.updateCount, 18)
  }
}
