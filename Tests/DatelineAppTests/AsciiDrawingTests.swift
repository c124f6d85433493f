import DatelineCore
import XCTest

@testable import DatelineApp

/// Drawing for a terminal whose locale is not UTF-8 (`LANG=C`, common over SSH): ASCII forms, lines left to the
/// backend's line-drawing set, and `?` only where nothing readable exists.
final class AsciiDrawingTests: XCTestCase {
  func testTypographicPunctuationHasASCIIForms() {
    let cases: [(String, String)] = [
      ("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""), ("\u{2013}", "-"),
      ("\u{2014}", "--"), ("\u{2026}", "..."), ("\u{00B7}", "."), ("\u{2022}", "*"), ("\u{2192}", "->"),
      ("\u{00A0}", " "), ("\u{25B8}", ">"), ("\u{25CF}", "*"), ("\u{00A3}", "GBP"), ("\u{20AC}", "EUR"),
    ]
    for (unicode, ascii) in cases {
      XCTAssertEqual(AsciiTransliteration.ascii(unicode, width: 1), ascii, unicode.debugDescription)
    }
  }

  func testLettersLoseTheirAccentsOnly() {
    let cases: [(String, String)] = [
      ("é", "e"), ("É", "E"), ("ł", "l"), ("Ł", "L"), ("ü", "u"), ("ñ", "n"), ("ç", "c"), ("ø", "o"), ("ß", "ss"),
      ("æ", "ae"), ("Œ", "OE"), ("ș", "s"), ("ț", "t"), ("e\u{0301}", "e"), ("ǅ", "Dz"), ("ﬁ", "fi"),
    ]
    for (unicode, ascii) in cases {
      XCTAssertEqual(AsciiTransliteration.ascii(unicode, width: 1), ascii, unicode)
    }
  }

  func testQuestionMarksOnlyWhereNothingIsReadable() {
    XCTAssertEqual(AsciiTransliteration.ascii("Ж", width: 1), "?")
    XCTAssertEqual(AsciiTransliteration.ascii("東", width: 2), "??", "one ? a column, so the layout holds")
    XCTAssertEqual(AsciiTransliteration.ascii("😀", width: 2), "??")
    XCTAssertEqual(AsciiTransliteration.ascii("abc", width: 3), "abc")
  }

  func testShapingKeepsTheSourceSpanAndMeasuresTheNewText() {
    let glyphs = GlyphScanner.glyphs(of: "a\u{2026}b", repertoire: .ascii)
    XCTAssertEqual(glyphs.map(\.text), ["a", "...", "b"])
    XCTAssertEqual(glyphs.map(\.width), [1, 3, 1])
    XCTAssertEqual(glyphs.map(\.scalarStart), [0, 1, 2], "mentions and search still point into the source")
    XCTAssertEqual(GlyphScanner.glyphs(of: "a\u{2026}b").map(\.width), [1, 1, 1])
    let nbsp = GlyphScanner.glyphs(of: "1\u{00A0}000", repertoire: .ascii)
    XCTAssertFalse(nbsp[1].isSpace, "a no-break space still does not break a line")
    XCTAssertEqual(GlyphRepertoire.ascii.shape(Glyph(text: "─", width: 1)).text, "─", "lines are the backend's")
  }

  func testWrappingCountsTheTransliteratedWidth() {
    // 18 columns: "…" is three in ASCII, so the line breaks earlier than in Unicode.
    let text = "abc \u{201C}quoted\u{201D}\u{2026} end"
    let unicode = TextWrapper.wrap(text, width: 18)
    let ascii = TextWrapper.wrap(text, width: 18, repertoire: .ascii)
    XCTAssertEqual(unicode.count, 1)
    XCTAssertEqual(ascii.count, 2)
    for line in ascii {
      let glyphs = TextWrapper.glyphs(of: text, line: line, repertoire: .ascii)
      XCTAssertLessThanOrEqual(glyphs.reduce(0) { $0 + Int($1.width) }, 18)
    }
  }

  func testGridWritesTransliterationsOneCellACharacter() {
    var grid = Grid(width: 12, height: 1)
    grid.repertoire = .ascii
    let end = grid.put("a\u{2014}b\u{2026}", x: 0, y: 0)
    XCTAssertEqual(end, 7)
    XCTAssertEqual(grid.row(0), "a--b...     ")
    XCTAssertTrue(grid.cells.allSatisfy { $0.width == 1 && $0.text.utf8.count == 1 })
    var narrow = Grid(width: 8, height: 1)
    narrow.repertoire = .ascii
    narrow.putTruncated("Kyiv\u{2019}s long title", x: 0, y: 0, limit: 8)
    XCTAssertEqual(narrow.row(0), "Kyiv'...", "the ellipsis is ASCII and its three columns are kept for it")
  }

  func testWholeScreenIsASCIIExceptLines() {
    var state = Fixtures.state()
    state.use(.ascii)
    let grid = ScreenView.render(state)
    for cell in grid.cells where !cell.isContinuation {
      let scalars = cell.text.unicodeScalars
      let ok = scalars.allSatisfy { $0.value < 0x80 }
        || (scalars.count == 1 && LineDrawing.acsCode(for: scalars.first!.value) != nil)
      XCTAssertTrue(ok, "not ASCII and not a line: \(cell.text.debugDescription)")
    }
    XCTAssertTrue(grid.row(1).hasPrefix("> Blinken meets..."), grid.row(1))
    XCTAssertTrue(grid.description.contains("Story 1/2 . update 1/3"), grid.description)
  }

  func testMarksAndCardsInASCII() {
    var state = apply(Fixtures.state(width: 120, height: 40), .zoom)
    state.use(.ascii)
    let text = ScreenView.render(state).description
    XCTAssertTrue(text.contains("┌─ Related ───"), text)
    XCTAssertFalse(text.contains("…"), text)
  }

  func testLineCharactersUseTheLineDrawingSet() {
    XCTAssertEqual(LineDrawing.acsCode(for: 0x2500), UInt8(ascii: "q"))
    XCTAssertEqual(LineDrawing.acsCode(for: 0x2502), UInt8(ascii: "x"))
    XCTAssertEqual(LineDrawing.acsCode(for: 0x250C), UInt8(ascii: "l"))
    XCTAssertEqual(LineDrawing.acsCode(for: 0x2510), UInt8(ascii: "k"))
    XCTAssertEqual(LineDrawing.acsCode(for: 0x2514), UInt8(ascii: "m"))
    XCTAssertEqual(LineDrawing.acsCode(for: 0x2518), UInt8(ascii: "j"))
    XCTAssertEqual(LineDrawing.acsCode(for: 0x256D), UInt8(ascii: "l"), "rounded corners look like light ones")
    XCTAssertEqual(LineDrawing.acsCode(for: 0x2550), UInt8(ascii: "q"))
    XCTAssertNil(LineDrawing.acsCode(for: 0x41))
  }

  func testInUTF8OnlyRunsOfLinesUseTheLineDrawingSet() {
    var grid = Grid(width: 10, height: 1)
    grid.put("│ a ┌──┐ │", x: 0, y: 0)
    let row = { (x: Int) in grid[x, 0] }
    // A lone │ is three bytes in UTF-8 and seven through the line-drawing set (switching in and out).
    XCTAssertNil(LineDrawing.acsCode(at: 0, of: row, width: 10, repertoire: .unicode))
    XCTAssertNil(LineDrawing.acsCode(at: 9, of: row, width: 10, repertoire: .unicode))
    XCTAssertEqual(LineDrawing.acsCode(at: 4, of: row, width: 10, repertoire: .unicode), UInt8(ascii: "l"))
    XCTAssertEqual(LineDrawing.acsCode(at: 5, of: row, width: 10, repertoire: .unicode), UInt8(ascii: "q"))
    XCTAssertEqual(LineDrawing.acsCode(at: 7, of: row, width: 10, repertoire: .unicode), UInt8(ascii: "k"))
    XCTAssertEqual(LineDrawing.acsCode(at: 0, of: row, width: 10, repertoire: .ascii), UInt8(ascii: "x"))
    XCTAssertNil(LineDrawing.acsCode(at: 2, of: row, width: 10, repertoire: .ascii))
  }
}
