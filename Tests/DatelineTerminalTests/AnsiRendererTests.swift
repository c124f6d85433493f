import Foundation
import DatelineApp
import XCTest

@testable import DatelineTerminal

/// The bytes the renderer writes, checked without a terminal.
final class AnsiRendererTests: XCTestCase {
  let color = TerminalTraits(usesColor: true, repertoire: .unicode)

  func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  /// SGR sequences in `bytes`.
  func sgrs(_ bytes: [UInt8]) -> [String] {
    let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*m")
    let string = text(bytes)
    return pattern.matches(in: string, range: NSRange(string.startIndex..., in: string)).map {
      String(string[Range($0.range, in: string)!])
    }
  }

  func testOneSGRSequencePerStyleRun() {
    var grid = Grid(width: 40, height: 3)
    var x = grid.put("Talks with ", x: 0, y: 0)
    x = grid.put("Antony Blinken", x: x, y: 0, style: Style(.person))
    x = grid.put(" in ", x: x, y: 0)
    x = grid.put("Kyiv", x: x, y: 0, style: Style(.place, [.reverse, .bold]))
    grid.put(" today", x: x, y: 0)
    var renderer = AnsiRenderer(traits: color)
    let bytes = renderer.frame(grid, full: true)
    // Into cyan, back to normal, into bold reverse green, back to normal.
    XCTAssertEqual(sgrs(bytes), ["\u{1B}[36m", "\u{1B}[m", "\u{1B}[1;7;32m", "\u{1B}[m"], text(bytes).debugDescription)
    XCTAssertTrue(text(bytes).contains("Antony Blinken"))
    XCTAssertEqual(renderer.frame(grid, full: false), [], "nothing changed, nothing sent")
  }

  func testWithoutColourRolesBecomeAttributesAndTheCurrentMentionStaysReversed() {
    var grid = Grid(width: 20, height: 1)
    grid.put("Blinken", x: 0, y: 0, style: Style(.person))
    grid.put("Kyiv", x: 10, y: 0, style: Style(.place, [.reverse, .bold]))
    var renderer = AnsiRenderer(traits: TerminalTraits(usesColor: false, hasDim: false, repertoire: .unicode))
    let codes = sgrs(renderer.frame(grid, full: true))
    XCTAssertEqual(codes.first, "\u{1B}[1m", "a person is bold")
    XCTAssertTrue(codes.contains { $0.contains("7") && $0.contains("4") }, "the current place: reverse and underlined: \(codes)")
    XCTAssertFalse(codes.contains { $0.contains("3") && !$0.contains(";") && $0 != "\u{1B}[m" }, "no colours: \(codes)")
  }

  /// The update pane's rows moved up one: the terminal scrolls them, and only the new row is sent.
  func testAScrolledAreaIsMovedByTheTerminal() {
    let lines = (1...30).map { "line number \($0) of the story" }
    func frame(from first: Int) -> Grid {
      var grid = Grid(width: 40, height: 12)
      grid.put(" Updates", x: 0, y: 0, style: Style(.selection, [.reverse]))
      for row in 0..<10 { grid.put(lines[first + row], x: 1, y: row + 1) }
      grid.put(" status", x: 0, y: 11, style: Style(.status, [.reverse]))
      grid.scrollAreas = [Rect(x: 0, y: 1, width: 40, height: 10)]
      return grid
    }
    var renderer = AnsiRenderer(traits: color)
    _ = renderer.frame(frame(from: 0), full: true)
    let down = text(renderer.frame(frame(from: 1), full: false))
    XCTAssertEqual(down, "\u{1B}[2;11r\u{1B}[11H\r\n line number 11 of the story", down.debugDescription)
    let again = text(renderer.frame(frame(from: 2), full: false))
    XCTAssertEqual(again, "\r\n line number 12 of the story", "the region stays set: a line feed is enough")
    let up = text(renderer.frame(frame(from: 1), full: false))
    XCTAssertTrue(up.hasPrefix("\u{1B}[2H\r\u{1B}M"), up.debugDescription)
    XCTAssertTrue(up.contains("line number 2 of"))
    XCTAssertFalse(up.contains("line number 3 of"))
    XCTAssertEqual(text(renderer.leave()), "\u{1B}[r", "the whole screen scrolls again when the reader leaves")
  }

  func testANarrowAreaScrollsWithLeftAndRightMarginsOnlyWhereTheTerminalHasThem() {
    func frame(from first: Int) -> Grid {
      var grid = Grid(width: 60, height: 12)
      for row in 0..<11 { grid.put("stories \(row)", x: 0, y: row) }
      let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo"]
      for row in 0..<10 {
        let n = first + row
        grid.put("text line \(n) \(words[n % 11]) \(words[(n * 7) % 11])", x: 16, y: row + 1)
      }
      grid.scrollAreas = [Rect(x: 15, y: 1, width: 30, height: 10)]
      return grid
    }
    var plain = AnsiRenderer(traits: color)
    _ = plain.frame(frame(from: 0), full: true)
    let redrawn = text(plain.frame(frame(from: 1), full: false))
    XCTAssertFalse(redrawn.contains("?69h"))
    var margins = TerminalTraits(usesColor: true, repertoire: .unicode)
    margins.hasLeftRightMargins = true
    var xterm = AnsiRenderer(traits: margins)
    _ = xterm.frame(frame(from: 0), full: true)
    let scrolled = text(xterm.frame(frame(from: 1), full: false))
    XCTAssertTrue(scrolled.hasPrefix("\u{1B}[?69h\u{1B}[2;11r\u{1B}[16;45s\u{1B}[S\u{1B}[?69l\u{1B}[r"), scrolled.debugDescription)
    XCTAssertTrue(scrolled.contains("text line 10 "))
    XCTAssertFalse(scrolled.contains("text line 5 "))
    XCTAssertLessThan(scrolled.utf8.count, redrawn.utf8.count / 3)
  }

  func testLinesInTheLineDrawingSetAndRepeated() {
    var grid = Grid(width: 20, height: 2)
    grid.put("┌" + String(repeating: "─", count: 10) + "┐", x: 0, y: 0)
    grid.put("│ x │", x: 0, y: 1)
    var traits = color
    traits.hasRepeat = true
    var renderer = AnsiRenderer(traits: traits)
    let bytes = text(renderer.frame(grid, full: true))
    XCTAssertTrue(bytes.contains("\u{1B}(0lq\u{1B}[9bk"), bytes.debugDescription)
    XCTAssertTrue(bytes.contains("│ x │"), "a lone line is cheaper in UTF-8: \(bytes.debugDescription)")
    var ascii = TerminalTraits(usesColor: false, enterLines: nil, exitLines: nil, repertoire: .ascii)
    ascii.lineCharacters = [:]
    var plain = AnsiRenderer(traits: ascii)
    let fallback = text(plain.frame(grid, full: true))
    XCTAssertTrue(fallback.contains("+----------+"), fallback.debugDescription)
    XCTAssertTrue(fallback.contains("| x |"), fallback.debugDescription)
    XCTAssertTrue(fallback.utf8.allSatisfy { $0 < 0x80 })
  }

  func testTheMarginsAnswerIsReadBackFromTheKeys() {
    func answer(_ text: String) -> TerminalAnswer {
      var bytes = Array(text.utf8)[...]
      return TerminalAnswer.read { bytes.popFirst() }
    }
    XCTAssertEqual(answer("[?69;2$y"), .marginsMode(known: true))
    XCTAssertEqual(answer("[?69;1$y"), .marginsMode(known: true))
    XCTAssertEqual(answer("[?69;0$y"), .marginsMode(known: false))
    XCTAssertEqual(answer("j"), .other(Array("j".utf8)), "Escape then j: both handed back")
    XCTAssertEqual(answer(""), .other([]), "a lone Escape")
  }
}
