import Foundation
import XCTest

@testable import DatelineCore

/// Broken, hostile and huge pages: each gives a story or one clear error, never a crash or a hang, and no
/// escape sequence or bidi control in any text.
final class HTMLBadInputTests: XCTestCase {
  private func assertClean(_ story: Story, file: StaticString = #filePath, line: UInt = #line) {
    for (_, text) in story.textParts {
      XCTAssertFalse(
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || TextSanitizer.isRemoved($0.value) },
        "control character in \(text.debugDescription)", file: file, line: line)
    }
  }

  func testUnclosedTagsStillGiveTheArticle() throws {
    let story = try HTMLFixtures.story("broken-unclosed.html")
    XCTAssertEqual(story.headline, "Bridge inspection finds cracks")
    XCTAssertEqual(story.updates.flatMap(\.paragraphs).count, 5)
    XCTAssertTrue(story.updates[0].paragraphs[0].text.hasPrefix("Inspectors found cracks"))
  }

  func testMisnestedTagsStillGiveEveryParagraph() throws {
    let story = try HTMLFixtures.story("broken-misnested.html")
    let text = HTMLFixtures.bodyText(story)
    XCTAssertTrue(text.contains("This paragraph has bold and italic text that closes in the wrong order"))
    XCTAssertTrue(text.contains("The last paragraph follows stray closing tags"))
  }

  func testTenThousandDeepNestingIsReadWithoutRecursion() throws {
    let deep = "<html><body><article><h1>Deep</h1>" + String(repeating: "<div>", count: 10_000)
      + "<p>The deep paragraph is long enough to be prose, with a comma, and a few more words.</p>"
      + String(repeating: "</div>", count: 10_000)
      + "<p>After the deep part, another paragraph long enough, with a comma, to be prose.</p></article></body></html>"
    let story = try HTMLFixtures.story(html: deep)
    XCTAssertEqual(story.updates.flatMap(\.paragraphs).map(\.text), [
      "The deep paragraph is long enough to be prose, with a comma, and a few more words.",
      "After the deep part, another paragraph long enough, with a comma, to be prose.",
    ])
  }

  func testAHundredMegabytePageIsRefusedAtOnce() {
    let paragraph = Array("<p>A paragraph of a page far larger than any article, repeated until it is huge.</p>\n".utf8)
    var bytes = Array("<html><body><article><h1>Huge</h1>\n".utf8)
    bytes.reserveCapacity(100 * 1024 * 1024 + paragraph.count)
    while bytes.count < 100 * 1024 * 1024 { bytes += paragraph }
    let started = Date()
    XCTAssertThrowsError(try StoryReader().read(InputDocument(bytes: bytes, source: "huge.html"))) { error in
      guard case .tooLarge(let source, _, let limit) = error as? CaptureReadError else { return XCTFail("\(error)") }
      XCTAssertEqual(source, "huge.html")
      XCTAssertEqual(limit, HTMLReader.largestPage)
    }
    XCTAssertLessThan(Date().timeIntervalSince(started), 5, "refused before parsing")
  }

  func testALargePageUnderTheLimitIsRead() throws {
    var html = "<html><body><article><h1>Long</h1>"
    for n in 0..<20_000 { html += "<p>Paragraph \(n) of a long page, with a comma, long enough to count as prose.</p>" }
    let story = try HTMLFixtures.story(html: html + "</article></body></html>")
    XCTAssertEqual(story.updates.flatMap(\.paragraphs).count, 20_000)
  }

  func testABinaryFileNamedHTMLIsRefused() throws {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-binary-\(UUID().uuidString).html")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    XCTAssertThrowsError(try StoryReader().read(path: url.path)) { error in
      XCTAssertEqual(error as? CaptureReadError, .binary(source: url.path))
    }
    // Declared HTML by a server, still binary.
    XCTAssertThrowsError(try HTMLReader().read(InputDocument(bytes: [0x3C, 0x68, 0x00] + bytes, source: "b", contentType: "text/html")))
  }

  func testAScriptOnlyPageSaysThereIsNoArticleText() {
    XCTAssertThrowsError(try HTMLFixtures.story("script-only.html")) { error in
      XCTAssertEqual((error as? CaptureReadError)?.description, "script-only.html: no article text found in the page")
    }
  }

  func testHostileEscapesAndBidiNeverSurvive() throws {
    let story = try HTMLFixtures.story("hostile.html")
    assertClean(story)
    XCTAssertEqual(story.headline, "Normal headline with escapes")
    XCTAssertTrue(story.updates[0].paragraphs[0].text.contains("a CSI red sequence"), "raw escape sequences removed whole")
  }

  func testEveryFixtureIsClean() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: HTMLFixtures.folder.path).filter { $0.hasSuffix(".html") }
    XCTAssertGreaterThanOrEqual(names.count, 14)
    for name in names where name != "script-only.html" {
      assertClean(try HTMLFixtures.story(name))
    }
  }

  func testEmptyAndWhitespacePages() {
    XCTAssertThrowsError(try HTMLReader().read(InputDocument(bytes: [], source: "e"))) { error in
      XCTAssertEqual(error as? CaptureReadError, .empty(source: "e"))
    }
    XCTAssertThrowsError(try HTMLFixtures.story(html: "<html>   </html>")) { error in
      XCTAssertEqual(error as? CaptureReadError, .noArticleText(source: "page.html"))
    }
  }

  /// A page declaring a legacy charset its bytes are not in: libxml2's converter stops at the first bad byte, so
  /// the page is read again as the bytes suggest rather than lost.
  func testAWrongLegacyCharsetDeclarationFallsBackToTheBytes() throws {
    let page: [UInt8] = Array("<html><head><meta charset=\"shift_jis\"></head><body><article><h1>Title</h1><p>".utf8)
      + [0x81, 0xFF, 0x1F] + Array(" bytes the declared charset rejects, then a long enough sentence, with a comma.</p></article></body></html>".utf8)
    let story = try StoryReader().read(InputDocument(bytes: page, source: "wrong.html"))
    XCTAssertTrue(story.updates.first?.paragraphs.first?.text.hasSuffix("then a long enough sentence, with a comma.") == true)
    assertClean(story)
  }
}
