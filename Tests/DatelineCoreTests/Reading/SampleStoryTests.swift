import XCTest

@testable import DatelineCore

/// The built-in sample is our own writing in the shape of a real capture; it exercises every reading rule.
final class SampleStoryTests: XCTestCase {
  func testSampleIsEmbeddedAndReadsCleanly() throws {
    let story = TextCaptureReader().readSample()
    XCTAssertEqual(story.source, TextCaptureReader.sampleSource)
    XCTAssertTrue(story.headline.hasPrefix("Danube floods live"))
    XCTAssertNotNil(story.standfirst)
    XCTAssertTrue((12...20).contains(story.updates.count), "12 to 20 updates, got \(story.updates.count)")
    XCTAssertNil(story.updates[0].title, "an untitled lead")
    XCTAssertEqual(story.updates.filter { $0.kind == .pictures }.count, 2)
    XCTAssertEqual(story.updates.filter { $0.kind == .video }.count, 1)
    XCTAssertEqual(story.updates.flatMap(\.links).count, 4)
    XCTAssertEqual(story.updates.flatMap(\.links).filter { $0.summary != nil }.count, 2)
    XCTAssertEqual(story.updates.compactMap(\.time), ["09:12 CET", "15:55 CET", "16:40 CET"])
    XCTAssertEqual(story.removed.map(\.line), [3, 4, 5, 6, 28, 55, 63, 64, 65])
    let lead = story.updates[0].paragraphs[0]
    XCTAssertEqual(lead.line, 6)
    XCTAssertTrue(lead.text.hasPrefix("The Danube rose"), "glued appeal cut off")
  }

  func testEveryUpdateHasTextOrIsAPictureOrVideoPost() {
    for update in TextCaptureReader().readSample().updates where update.paragraphs.isEmpty {
      XCTAssertNotEqual(update.kind, .text, update.displayName)
    }
  }
}
