import XCTest

@testable import DatelineCore

/// `LineShape` counts eight ASCII bytes at a time; these tests hold it to a plain reference on many lines.
final class LineShapeTests: XCTestCase {
  private func referenceWords(_ text: String) -> Int {
    text.split(separator: " ", omittingEmptySubsequences: true).count
  }

  func testWordsAndScalarsMatchAPlainCountOnRandomLines() {
    var generator = SystemRandomNumberGenerator()
    let pieces = ["a", "Word", " ", "  ", "\"", "“", "”", "é", "12", ",", ".", "’s", "日本", "x"]
    for _ in 0..<2_000 {
      let length = Int.random(in: 0...40, using: &generator)
      let text = (0..<length).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
      let shape = LineShape(text)
      XCTAssertEqual(shape.wordCount, referenceWords(text), "words of \(text.debugDescription)")
      XCTAssertEqual(shape.scalarCount, text.unicodeScalars.count, "scalars of \(text.debugDescription)")
      let opens = text.filter { $0 == "“" }.count, closes = text.filter { $0 == "”" }.count
      let straight = text.filter { $0 == "\"" }.count
      XCTAssertEqual(shape.leavesQuoteOpen, opens > closes || straight % 2 == 1, text.debugDescription)
    }
  }

  func testControlBytesAreFoundInsideLongRuns() {
    for position in 0..<24 {
      var bytes = Array("abcdefghijklmnopqrstuvwx".utf8)
      bytes[position] = 0x07
      let needsCleaning = bytes.withUnsafeBufferPointer { buffer -> Bool in
        var flag = false
        _ = LineShape(bytes: buffer, needsCleaning: &flag)
        return flag
      }
      XCTAssertTrue(needsCleaning, "control byte at \(position)")
    }
    let clean = Array("plain words, “quoted” and café".utf8).withUnsafeBufferPointer { buffer -> Bool in
      var flag = false
      _ = LineShape(bytes: buffer, needsCleaning: &flag)
      return flag
    }
    XCTAssertFalse(clean)
  }

  func testEndings() {
    XCTAssertTrue(LineShape("He said: “Go.”").endsWithPeriod)
    XCTAssertTrue(LineShape("Why now?").endsWithQuestionOrExclamation)
    XCTAssertTrue(LineShape("Jane Roe reports:").endsWithColon)
    XCTAssertTrue(LineShape("A title (updated)").isTitleLike)
    XCTAssertFalse(LineShape("lower-case start").isTitleLike)
    XCTAssertTrue(LineShape("“An open quote continues").leavesQuoteOpen)
    XCTAssertTrue(LineShape("3 hours ago").endsWithAgo)
  }
}
