import DatelineCore
import XCTest

@testable import DatelineStore

final class UpdatePositionsTests: XCTestCase {
  private func entry(_ stored: Int?) -> CaptureMerger.Entry {
    CaptureMerger.Entry(stored: stored, incoming: stored == nil ? 0 : nil, changed: false)
  }

  func testStoredPositionsAreKeptAndNewOnesFitBetween() {
    let entries = [entry(nil), entry(0), entry(nil), entry(nil), entry(1), entry(nil)]
    let (positions, renumbered) = UpdatePositions.assign(entries, stored: [0, 1024])
    XCTAssertFalse(renumbered)
    XCTAssertEqual(positions[1], 0)
    XCTAssertEqual(positions[4], 1024)
    XCTAssertEqual(positions, positions.sorted())
    XCTAssertEqual(Set(positions).count, positions.count)
  }

  func testNoRoomRenumbersEverything() {
    let entries = [entry(0), entry(nil), entry(1)]
    let (positions, renumbered) = UpdatePositions.assign(entries, stored: [5, 6])
    XCTAssertTrue(renumbered)
    XCTAssertEqual(positions, [0, 1024, 2048])
  }

  func testManyImportsAtTheTopKeepOrder() {
    var stored: [Int] = []
    for _ in 0..<200 {
      let entries = [entry(nil)] + stored.indices.map { entry($0) }
      stored = UpdatePositions.assign(entries, stored: stored).positions
    }
    XCTAssertEqual(stored, stored.sorted())
    XCTAssertEqual(Set(stored).count, 200)
  }
}
