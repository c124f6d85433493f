import XCTest

@testable import DatelineApp

final class GridTests: XCTestCase {
  func testWideCharacterTakesTwoCellsAndPrintsOnce() {
    var grid = Grid(width: 6, height: 1)
    grid.put("a你b", x: 0, y: 0)
    XCTAssertEqual(grid.description, "a你b")
    XCTAssertEqual(grid[1, 0].width, 2)
    XCTAssertTrue(grid[2, 0].isContinuation)
  }

  func testWideCharacterThatDoesNotFitBecomesASpace() {
    var grid = Grid(width: 3, height: 1)
    grid.put("ab你", x: 0, y: 0)
    XCTAssertEqual(grid.row(0), "ab ")
  }

  func testOverwritingHalfAWideCharacterClearsTheOtherHalf() {
    var grid = Grid(width: 4, height: 1)
    grid.put("你好", x: 0, y: 0)
    grid.put("x", x: 1, y: 0)
    XCTAssertEqual(grid.row(0), " x好")
  }

  func testTruncationAddsEllipsis() {
    var grid = Grid(width: 10, height: 1)
    grid.putTruncated("Antony Blinken", x: 0, y: 0, limit: 8)
    XCTAssertEqual(grid.description, "Antony …")
  }

  func testDiffListsOnlyChangedCells() {
    var a = Grid(width: 5, height: 2)
    a.put("hello", x: 0, y: 0)
    var b = a
    b.put("J", x: 0, y: 1)
    XCTAssertEqual(b.diff(from: a).map { "\($0.x),\($0.y)" }, ["0,1"])
    XCTAssertEqual(b.diff(from: nil).count, 10)
    XCTAssertEqual(b.diff(from: Grid(width: 4, height: 2)).count, 10)
  }

  func testOutOfBoundsWritesAreIgnored() {
    var grid = Grid(width: 2, height: 1)
    grid.put("abc", x: -1, y: 0)
    grid.put("abc", x: 0, y: 5)
    grid.fill(x: -3, y: -3, width: 100, height: 100, with: Cell("z"))
    XCTAssertEqual(grid.description, "zz")
    XCTAssertEqual(Grid(width: -1, height: -1).cells.count, 0)
  }
}

final class GridEdgeTests: XCTestCase {
  func testFillOutsideTheGridDoesNothing() {
    var grid = Grid(width: 4, height: 2)
    grid.fill(x: 0, y: 30, width: 4, height: 2, with: Cell("z"))
    grid.fill(x: 9, y: 0, width: 4, height: 2, with: Cell("z"))
    grid.fill(x: 0, y: 0, width: -4, height: -2, with: Cell("z"))
    XCTAssertEqual(grid.description, "\n")
  }
}
