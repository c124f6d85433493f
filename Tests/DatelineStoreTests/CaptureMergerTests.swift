import DatelineCore
import XCTest

final class CaptureMergerTests: XCTestCase {
  private func update(_ title: String?, _ paragraphs: [String] = []) -> Update {
    Update(title: title, line: 1, paragraphs: paragraphs.map { Paragraph(line: 1, text: $0) })
  }

  private let a = ["Water levels rise across the northern districts as crews build new barriers overnight"]
  private let b = ["The transport ministry closed two bridges and diverted buses through the western suburbs"]
  private let c = ["Forecasters expect heavy rain in the mountains to reach the lowland rivers by Thursday"]

  private func names(_ result: CaptureMerger.Result, stored: [Update], capture: [Update]) -> [String] {
    result.entries.map { e in
      (e.incoming.map { capture[$0] } ?? e.stored.map { stored[$0] })?.displayName ?? "?"
    }
  }

  func testNewUpdateGoesBeforeTheFirstKnownUpdateThatFollowsItInTheCapture() {
    let stored = [update("Alpha", a), update("Bravo", b), update("Charlie", c)]
    let capture = [update("New top"), update("Alpha", a), update("New middle"), update("Charlie", c)]
    let result = CaptureMerger().merge(stored: stored, capture: capture)
    XCTAssertEqual(names(result, stored: stored, capture: capture), ["New top", "Alpha", "Bravo", "New middle", "Charlie"])
    XCTAssertEqual(result.new, [0, 2])
    XCTAssertEqual(result.changed, [])
  }

  func testNewUpdatesWithNoKnownUpdateAfterThemGoLastInCaptureOrder() {
    let stored = [update("Alpha", a), update("Bravo", b)]
    let capture = [update("Alpha", a), update("Late one"), update("Late two")]
    let result = CaptureMerger().merge(stored: stored, capture: capture)
    XCTAssertEqual(names(result, stored: stored, capture: capture), ["Alpha", "Bravo", "Late one", "Late two"])
  }

  func testNothingStoredIsLostWhenACaptureShowsFewerUpdates() {
    let stored = [update("Alpha", a), update("Bravo", b), update("Charlie", c)]
    let capture = [update("Bravo", b)]
    let result = CaptureMerger().merge(stored: stored, capture: capture)
    XCTAssertEqual(result.entries.count, 3)
    XCTAssertEqual(result.new, [])
  }

  func testCorrectedTypoInTitleIsChangedNotNew() {
    let stored = [update("Nato officially confirms presense of troops near the border", a)]
    let capture = [update("Nato officially confirms presence of troops near the border", a)]
    XCTAssertNotEqual(stored[0].id, capture[0].id, "the typo changes the id, so only the fuzzy match can find it")
    let result = CaptureMerger().merge(stored: stored, capture: capture)
    XCTAssertEqual(result.new, [])
    XCTAssertEqual(result.changed, [0])
    XCTAssertEqual(result.entries.count, 1)
  }

  func testAddedParagraphIsChanged() {
    let stored = [update("Alpha", a), update("Bravo", b)]
    let capture = [update("Alpha", a + ["A new paragraph with more detail from the scene this afternoon."]), update("Bravo", b)]
    let result = CaptureMerger().merge(stored: stored, capture: capture)
    XCTAssertEqual(result.changed, [0])
    XCTAssertEqual(result.new, [])
  }

  func testRetitledUpdateWithTheSameOpeningIsChanged() {
    let stored = [update("Bridges closed", b)]
    let capture = [update("Two bridges closed as buses are diverted", b)]
    let result = CaptureMerger().merge(stored: stored, capture: capture)
    XCTAssertEqual(result.changed, [0])
    XCTAssertEqual(result.new, [])
  }

  func testSimilarLookingPostsStayDistinct() {
    // Two picture posts with no text and titles that share their first words are two posts.
    let stored = [update("In pictures: drone strike hits the capital")]
    let capture = [update("In pictures: drone strike hits apartment building in the east")]
    let result = CaptureMerger().merge(stored: stored, capture: capture)
    XCTAssertEqual(result.new, [0])
    XCTAssertEqual(result.entries.count, 2)
  }

  func testUnchangedCaptureReportsNothing() {
    let stored = [update(nil, a), update("Bravo", b)]
    let result = CaptureMerger().merge(stored: stored, capture: stored)
    XCTAssertEqual(result.new, [])
    XCTAssertEqual(result.changed, [])
    XCTAssertEqual(result.entries.map(\.stored), [0, 1])
  }

  func testPrintedTimeIsNotAChange() {
    var later = update("Alpha", a)
    later.time = "3 hours ago"
    let result = CaptureMerger().merge(stored: [update("Alpha", a)], capture: [later])
    XCTAssertEqual(result.changed, [])
  }

  func testEditedHeadlineIsTheSameStory() {
    let merger = CaptureMerger()
    XCTAssertTrue(merger.isSameHeadline(
      "Floods live: Szentendre evacuated as river nears record", "Floods live: Szentendre evacuated as river hits record"))
    XCTAssertFalse(merger.isSameHeadline("Floods live: Szentendre evacuated", "Election night: results as they come in"))
  }
}
