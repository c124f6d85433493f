import Foundation
import XCTest

@testable import DatelineCore

final class HTMLArticleTests: XCTestCase {
  /// Each article fixture's body is exactly the body annotated by hand beside it: no navigation, share
  /// tools, sign-ups, ads, tags, "most read", related rails or comments; headline and standfirst apart.
  func testArticleBodiesMatchTheirAnnotations() throws {
    for name in ["guardian-article", "bbc-article", "independent-article", "newswire-article", "times-article", "scripted-article"] {
      let story = try HTMLFixtures.story("\(name).html")
      let expected = try String(contentsOf: HTMLFixtures.folder.appendingPathComponent("\(name).body.txt"), encoding: .utf8)
      XCTAssertEqual(HTMLFixtures.bodyText(story), expected.trimmingCharacters(in: .newlines), name)
    }
  }

  func testHeadlineStandfirstAndCanonicalURLComeFromTheMetadata() throws {
    let story = try HTMLFixtures.story("guardian-article.html")
    XCTAssertEqual(story.headline, "Town council votes to turn empty shops into homes")
    XCTAssertEqual(story.standfirst, "Plan for 140 flats above and behind high street units approved despite objections from traders")
    XCTAssertEqual(story.canonicalURL, "https://www.dailyledger.example/society/2026/feb/11/town-council-empty-shops-homes")
    XCTAssertEqual(story.id, StoryID(url: "https://www.dailyledger.example/society/2026/feb/11/town-council-empty-shops-homes"))
    XCTAssertEqual(story.updates.map(\.title), [nil, "Traders object"], "sub-headings title the updates")
    XCTAssertTrue(story.updates.allSatisfy { $0.pageID == nil && $0.published == nil }, "an article's sections are not posts")
  }

  func testHeadlineFallsBackToTheFirstHeadingThenTheTitle() throws {
    let page = "<html><head><title>Only a title | Site</title></head><body><h1>The heading</h1><p>Body text that is long enough to count as a paragraph of the article, with a comma.</p></body></html>"
    XCTAssertEqual(try HTMLFixtures.story(html: page).headline, "The heading")
    let untitled = "<html><head><title>Only a title</title></head><body><p>Body text that is long enough to count as a paragraph, with a comma.</p></body></html>"
    XCTAssertEqual(try HTMLFixtures.story(html: untitled).headline, "Only a title")
  }

  func testLegacyCharsetFromTheMetaDeclaration() throws {
    let story = try HTMLFixtures.story("ticker-de.html")
    XCTAssertEqual(story.headline, "Hochwasser an der Elbe: Pegel in Dresden steigt weiter")
    XCTAssertTrue(HTMLFixtures.bodyText(story).contains("Straßenbahnlinien"), "ISO-8859-1 decoded")
  }

  func testCharsetFromTheHTTPHeaderWinsOverTheMetaAndTheBOMOverBoth() throws {
    let body = "<html><head><meta charset=\"utf-8\"><title>x</title></head><body><h1>Caf\u{E9} reopens</h1><p>The caf\u{E9} on the corner reopened on Monday, its owner said, after a long closure.</p></body></html>"
    let latin1 = Array(body.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    let story = try StoryReader().read(InputDocument(bytes: latin1, source: "u", contentType: "text/html; charset=ISO-8859-1"))
    XCTAssertEqual(story.headline, "Café reopens")
    let utf16: [UInt8] = [0xFF, 0xFE] + body.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    XCTAssertEqual(try StoryReader().read(InputDocument(bytes: utf16, source: "u", contentType: "text/html; charset=iso-8859-1")).headline, "Café reopens")
    // No declaration at all: the bytes decide (valid UTF-8 is UTF-8).
    let undeclared = body.replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
    XCTAssertEqual(try HTMLFixtures.story(html: undeclared).headline, "Café reopens")
  }

  func testBodyDrawnByScriptsFallsBackToJSONLD() throws {
    let story = try HTMLFixtures.story("scripted-article.html")
    XCTAssertEqual(story.updates.first?.paragraphs.count, 4)
  }

  func testBoilerplateLinesInsideTheBodyAreRemovedAndListed() throws {
    let page = """
      <html><body><article><h1>Headline here</h1>
      <p>The first paragraph of the story is long enough to be prose, with commas, and more words.</p>
      <p>Subscribe now</p>
      <p>The second paragraph of the story is also long enough to be prose, with commas, and more.</p>
      </article></body></html>
      """
    let story = try HTMLFixtures.story(html: page)
    XCTAssertFalse(HTMLFixtures.bodyText(story).contains("Subscribe now"))
    XCTAssertEqual(story.removed.map(\.text), ["Subscribe now"])
  }
}
