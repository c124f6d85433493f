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

/// Captures of several megabytes are split into lines on two threads; the lines must be exactly those of one
/// pass, numbers included, whatever line ends and blank lines lie around the cut.
final class ParallelSplitTests: XCTestCase {
  func testTwoThreadsGiveTheLinesOfOnePass() throws {
    var generator = SystemRandomNumberGenerator()
    let ends = ["\n", "\n", "\r\n", "\n\n", "\r\n\r\n", "\n\n\n", "\r"]
    for _ in 0..<3 {
      var text = ""
      var lineNumber = 0
      while text.utf8.count < InputLine.parallelThreshold + 200_000 {
        lineNumber += 1
        text += "Line \(lineNumber) with “quotes” and café " + String(repeating: "x", count: Int.random(in: 0...120, using: &generator))
        text += ends.randomElement(using: &generator) ?? "\n"
      }
      let bytes = Array(text.utf8)
      let parallel = try XCTUnwrap(InputLine.split(validUTF8: bytes[...]))
      let oneThread = InputLine.split(text)
      XCTAssertEqual(parallel.count, oneThread.count)
      XCTAssertEqual(parallel.map(\.number), oneThread.map(\.number))
      XCTAssertEqual(parallel.map(\.text), oneThread.map(\.text))
      XCTAssertEqual(parallel.last?.number, parallel.count)
    }
  }

  /// The cut falls on the second of two line ends, so the line just before it is empty: it must still count.
  func testAnEmptyLineAtTheCutIsKept() throws {
    var before = ""
    var number = 0
    while before.utf8.count < InputLine.parallelThreshold / 2 + 1_000 {
      number += 1
      before += "Paragraph \(number) of the story.\n"
    }
    before += "Last line before the gap"
    // After the gap, exactly as many (ASCII) bytes as before it: the middle byte is then the blank line's end.
    var after = ""
    while after.utf8.count < before.utf8.count { after += "More text after the gap.\n" }
    after = String(after.prefix(before.utf8.count))
    for blank in ["\n\n", "\r\r", "\r\n\r\n"] {
      let text = before + blank + after
      let parallel = try XCTUnwrap(InputLine.split(validUTF8: Array(text.utf8)[...]))
      let oneThread = InputLine.split(text)
      XCTAssertEqual(parallel.count, oneThread.count, blank.debugDescription)
      XCTAssertEqual(parallel.map(\.number), oneThread.map(\.number), blank.debugDescription)
      XCTAssertEqual(parallel.map(\.text), oneThread.map(\.text), blank.debugDescription)
    }
  }
}
