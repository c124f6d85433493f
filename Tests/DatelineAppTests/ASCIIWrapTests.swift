import XCTest

@testable import DatelineApp

/// `TextWrapper.wrapPrintableASCII`, the byte path for plain ASCII text, breaks exactly as the glyph path does.
final class ASCIIWrapTests: XCTestCase {
  func glyphPath(_ text: String, _ width: Int) -> [WrappedLine] {
    TextWrapper.wrap(glyphs: GlyphScanner.glyphs(of: text), width: width)
  }

  func testChosenTextsBreakAsTheGlyphPathDoes() {
    let texts = [
      "", " ", "   ", "a", "word", "two words", "  leading spaces", "trailing spaces   ", "a  b   c    d",
      "supercalifragilisticexpialidocious is long", "x" + String(repeating: " ", count: 40) + "y",
      "The Danube rose another 40 centimetres overnight in Szentendre, where the mayor ordered an evacuation.",
      String(repeating: "ab ", count: 50), String(repeating: "abcdefghij", count: 12),
    ]
    for text in texts {
      for width in 1...42 {
        XCTAssertEqual(TextWrapper.wrapPrintableASCII(text, width: width), glyphPath(text, width), "\(text) at \(width)")
      }
    }
  }

  func testGeneratedTextsBreakAsTheGlyphPathDoes() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("aaaaabcdeeefgh  ,.'-!?XYZ0 ".utf8)
    for _ in 0..<3_000 {
      let length = Int.random(in: 0...160, using: &generator)
      let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0x61 }
      let text = String(decoding: bytes, as: UTF8.self)
      let width = Int.random(in: 1...50, using: &generator)
      XCTAssertEqual(TextWrapper.wrapPrintableASCII(text, width: width), glyphPath(text, width), "\(text) at \(width)")
    }
  }

  func testAnythingElseTakesTheGlyphPath() {
    for text in ["tab\there", "café", "line\nbreak", "esc\u{1B}[31m", "del\u{7F}", "nbsp\u{00A0}x"] {
      XCTAssertNil(TextWrapper.wrapPrintableASCII(text, width: 10), text)
      XCTAssertEqual(TextWrapper.wrap(text, width: 10), glyphPath(text, 10), text)
    }
  }
}
