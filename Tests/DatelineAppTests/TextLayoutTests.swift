import XCTest

@testable import DatelineApp

final class TextLayoutTests: XCTestCase {
  func testDisplayWidths() {
    XCTAssertEqual(DisplayWidth.of("abc"), 3)
    XCTAssertEqual(DisplayWidth.of("你好"), 4)
    XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)  // e + combining acute
    XCTAssertEqual(DisplayWidth.of("😀"), 2)
    XCTAssertEqual(DisplayWidth.of("❤\u{FE0F}"), 2)
    XCTAssertEqual(DisplayWidth.of("🇺🇦"), 2)
    XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2)  // zero-width space
    XCTAssertEqual(DisplayWidth.of("한국"), 4)
    XCTAssertEqual(DisplayWidth.of("ｶ"), 1)  // halfwidth katakana
  }

  func testControlCharactersAndEscapeSequencesAreStripped() {
    let text = "a\u{1B}[31mred\u{1B}[0m\u{07}b\u{1B}]0;title\u{07}c\u{9B}2Jd\u{202E}e\r\n"
    let drawn = GlyphScanner.glyphs(of: text).map(\.text).joined()
    XCTAssertEqual(drawn, "aredbcde ")
    // Offsets still point into the original text.
    let glyphs = GlyphScanner.glyphs(of: "\u{1B}[1mKyiv")
    XCTAssertEqual(glyphs.first?.scalarStart, 4)
  }

  func testWrapAtSpacesByDisplayWidth() {
    let text = "the quick brown fox jumps"
    let lines = TextWrapper.wrap(text, width: 10).map { slice(text, $0) }
    XCTAssertEqual(lines, ["the quick", "brown fox", "jumps"])
  }

  func testWideCharactersNeverStraddleTheEdge() {
    let text = "ab你好世界"
    let lines = TextWrapper.wrap(text, width: 5).map { slice(text, $0) }
    XCTAssertEqual(lines, ["ab你", "好世", "界"])
    for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 5) }
  }

  func testLongUnbreakableWordIsCut() {
    let word = String(repeating: "x", count: 5_000)
    let lines = TextWrapper.wrap(word, width: 38)
    XCTAssertEqual(lines.count, 132)
    XCTAssertEqual(lines.first.map { $0.scalarEnd - $0.scalarStart }, 38)
  }

  func testCombiningMarksStayWithTheirBase() {
    let text = "cafe\u{301} cafe\u{301} cafe\u{301}"
    let lines = TextWrapper.wrap(text, width: 5).map { slice(text, $0) }
    XCTAssertEqual(lines, ["cafe\u{301}", "cafe\u{301}", "cafe\u{301}"])
  }

  func testTabsExpandAndWrap() {
    let text = "a\tb\tc\td"
    let lines = TextWrapper.wrap(text, width: 9)
    let glyphs = GlyphScanner.glyphs(of: text)
    let placed = TextWrapper.place(glyphs, line: lines[0])
    XCTAssertEqual(placed.map(\.x), [0, 1, 4, 5, 8])
    XCTAssertEqual(lines.count, 2)
  }

  func testEmojiOnlyParagraphWraps() {
    let text = String(repeating: "😀", count: 30)
    let lines = TextWrapper.wrap(text, width: 9).map { slice(text, $0) }
    XCTAssertEqual(lines.first.map(DisplayWidth.of), 8)
    XCTAssertEqual(lines.count, 8)
  }

  func testEmptyTextIsOneEmptyLine() {
    XCTAssertEqual(TextWrapper.wrap("", width: 10).count, 1)
    XCTAssertEqual(TextWrapper.wrap("abc", width: 0).count, 3)
  }

  private func slice(_ text: String, _ line: WrappedLine) -> String {
    let scalars = Array(text.unicodeScalars)[line.scalarStart..<line.scalarEnd]
    return String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
  }
}

final class LineSliceTests: XCTestCase {
  /// Random text of wide, combining, emoji, tab and escape pieces: each wrapped line's glyphs scanned from its
  /// own bytes equal the whole text's glyphs in that line's range, at every width.
  func testALineScannedFromItsBytesMatchesTheWholeTextsGlyphs() {
    let pieces = ["a", "bc", " ", "  ", "\t", "\r\n", " \u{301}", "界", "e\u{301}", "👍🏽", "\u{1B}[1m", "Kyiv", "—", "\u{200B}", "x"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
        .joined()
      let whole = GlyphScanner.glyphs(of: text)
      for width in [1, 2, 3, 5, 8, 13] {
        let lines = TextWrapper.wrap(text, width: width)
        XCTAssertEqual(lines, TextWrapper.wrap(glyphs: whole, width: width))
        for line in lines {
          let own = TextWrapper.glyphs(of: text, line: line)
          let expected = whole.filter { $0.scalarStart >= line.scalarStart && $0.scalarStart < line.scalarEnd }
          XCTAssertEqual(own, expected, "\(text.debugDescription) at width \(width)")
          XCTAssertLessThanOrEqual(TextWrapper.place(own, line: line).last.map { $0.x + $0.width } ?? 0, max(width, 4))
        }
      }
    }
  }
}
