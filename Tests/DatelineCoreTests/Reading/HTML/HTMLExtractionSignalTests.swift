import Foundation
import XCTest

@testable import DatelineCore

/// The generic signals added for pages nobody tuned on: repeated text (pull quotes), bylines at the top of a
/// body, and other languages' boilerplate lines; and the development pages they were found on.
final class HTMLExtractionSignalTests: XCTestCase {
  static let devFolder = HTMLFixtures.folder.deletingLastPathComponent().appendingPathComponent("html-dev")

  /// The development pages (tuned on, so this is a regression test, not a score): each body is exactly the
  /// body annotated by hand beside it.
  func testDevelopmentPagesMatchTheirAnnotations() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.devFolder.path)
      .filter { $0.hasSuffix(".body.txt") }.map { String($0.dropLast(".body.txt".count)) }.sorted()
    XCTAssertGreaterThanOrEqual(names.count, 10)
    for name in names {
      let bytes = Array(try Data(contentsOf: Self.devFolder.appendingPathComponent("\(name).html")))
      let story = try StoryReader().read(InputDocument(bytes: bytes, source: name))
      let expected = try String(contentsOf: Self.devFolder.appendingPathComponent("\(name).body.txt"), encoding: .utf8)
      XCTAssertEqual(HTMLFixtures.bodyText(story), expected.trimmingCharacters(in: .newlines), name)
    }
  }

  static let prose = "The council met on Tuesday evening to discuss the plan, which had been delayed twice, and voted it through."

  func testASentenceSetApartAgainIsKeptOnce() throws {
    let page = """
      <html><body><article><h1>Headline</h1>
      <p>\(Self.prose)</p>
      <p>“The river has always been the reason this town exists,” she said. “We should stop building with our backs to it and start building facing it.”</p>
      <div class="quote-box"><p>“The river has always been the reason this town exists. We should stop building with our backs to it and start building facing it”</p></div>
      <p>\(Self.prose.replacingOccurrences(of: "Tuesday", with: "Friday"))</p>
      </article></body></html>
      """
    let text = HTMLFixtures.bodyText(try HTMLFixtures.story(html: page))
    XCTAssertEqual(text.components(separatedBy: "start building facing it").count, 2, text)
    XCTAssertTrue(text.contains("she said"), "the original, with its attribution, stays")
    XCTAssertTrue(text.contains("met on Friday"), "two alike paragraphs of one length are both kept")
    // A short phrase set apart is left alone: too short to tell from a common phrase.
    let short = page.replacingOccurrences(
      of: "“The river has always been the reason this town exists. We should stop building with our backs to it and start building facing it”",
      with: "The reason this town exists")
    XCTAssertTrue(HTMLFixtures.bodyText(try HTMLFixtures.story(html: short)).contains("The reason this town exists\n"))
  }

  func testABylineAboveTheBodyIsNotTextButASentenceOpeningWithByIs() throws {
    let page = """
      <html><body><div class="page"><h1>Headline</h1><div class="col">
      <p>Par Étienne Marival, le 25 novembre 2026 à 18h02</p>
      <p>\(Self.prose)</p>
      <p>By Tuesday evening, Councillor Reyes said, the plan had the votes it needed, and more.</p>
      <p>\(Self.prose)</p>
      </div></div></body></html>
      """
    let text = HTMLFixtures.bodyText(try HTMLFixtures.story(html: page))
    XCTAssertFalse(text.contains("Marival"), text)
    XCTAssertTrue(text.contains("By Tuesday evening"), text)
    let rules = HTMLRules.bundled
    XCTAssertTrue(rules.isByline("Von Jens Albrecht, 14.03.2026"))
    XCTAssertTrue(rules.isByline("Words by Orla Kemp"))
    XCTAssertFalse(rules.isByline("By then the money had run out."))
    XCTAssertFalse(rules.isByline("by the river"))
  }

  func testLeadInsAndAdLabelsInOtherLanguagesAreBoilerplate() throws {
    for line in ["Lesen Sie auch: Strompreis sinkt", "Más información: Becas", "Lire aussi : Le tram", "Anzeige", "Publicidad"] {
      let page = "<html><body><article><h1>H</h1><p>\(Self.prose)</p><p>\(line)</p><p>\(Self.prose)</p></article></body></html>"
      let story = try HTMLFixtures.story(html: page)
      XCTAssertFalse(HTMLFixtures.bodyText(story).contains(line), line)
      XCTAssertTrue(story.removed.contains { $0.text == line }, "listed as removed: \(line)")
    }
  }

  /// The direct Windows-1252 to UTF-8 conversion pages use gives exactly the text the capture decoder gives.
  func testWindows1252ConvertsAsTheCaptureDecoderDoes() {
    let bytes = (0...255).map(UInt8.init)
    let direct = bytes.withUnsafeBufferPointer(CaptureDecoder.windows1252UTF8)
    XCTAssertEqual(direct, Array(CaptureDecoder.decodeWindows1252(ArraySlice(bytes)).utf8))
  }
}
