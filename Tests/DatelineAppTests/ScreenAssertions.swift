import XCTest

@testable import DatelineApp

/// Renders `state` and compares the screen, row by row, with `expected` (trailing spaces ignored).
func assertScreen(_ state: AppState, equals expected: String, file: StaticString = #filePath, line: UInt = #line) {
  let grid = ScreenView.render(state)
  XCTAssertEqual(grid.width, state.screen.width, file: file, line: line)
  XCTAssertEqual(grid.height, state.screen.height, file: file, line: line)
  let actual = grid.description
  if actual != expected {
    XCTFail("screen differs:\n--- actual\n\(actual)\n--- expected\n\(expected)", file: file, line: line)
  }
}

/// The columns of row `y` whose text starts `text`, found by display column.
func column(of text: String, inRow y: Int, of grid: Grid) -> Int? {
  let row = (0..<grid.width).map { grid[$0, y] }
  for start in 0..<row.count {
    var joined = ""
    var x = start
    while x < row.count, joined.count < text.count {
      joined += row[x].text
      x += 1
    }
    if joined == text { return start }
  }
  return nil
}
