import XCTest

@testable import DatelineCore

/// The sanitiser's fast path: punctuation that shares a lead byte with removed characters stays on it, and
/// every removed character is still caught.
final class TextSanitizerFastPathTests: XCTestCase {
  func testPunctuationIsKeptAndControlsAreRemoved() {
    let kept = "Dash — quotes “x” ‘y’ … €5 ü\u{A0}ß ✓ 😀"
    XCTAssertFalse(TextSanitizer.mayNeedWork(kept[...].utf8))
    XCTAssertEqual(TextSanitizer.clean(kept[...]), kept)
    for removed in ["\u{202E}", "\u{202A}", "\u{2028}", "\u{2029}", "\u{2066}", "\u{2069}", "\u{FEFF}", "\u{85}", "\u{9B}", "\u{7F}", "\u{1B}", "\t"] {
      let line = "a" + removed + "b"
      XCTAssertTrue(TextSanitizer.mayNeedWork(line[...].utf8), removed.unicodeScalars.first!.escaped(asASCII: true))
      XCTAssertFalse(TextSanitizer.clean(line[...]).unicodeScalars.contains { $0 == removed.unicodeScalars.first! && $0 != "\t" })
    }
  }
}
