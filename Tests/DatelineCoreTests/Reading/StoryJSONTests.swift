import Foundation
import XCTest

@testable import DatelineCore

final class StoryJSONTests: XCTestCase {
  func testShapeAndKeyOrder() throws {
    let story = try Fixtures.story(Fixtures.capture([
      "Lead \"paragraph\" with a backslash \\ here.", "A title", "Text.", "Read more:", "A card", "Its summary",
    ]), source: "dir/file.txt")
    let json = StoryJSON(story).encoded()
    XCTAssertFalse(json.contains("\n"), "one line for JSON Lines")
    XCTAssertTrue(json.hasPrefix(#"{"source": "dir/file.txt", "headline": "#))
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    XCTAssertEqual(Set(object.keys), ["source", "headline", "standfirst", "canonical_url", "updates", "removed"])
    let updates = try XCTUnwrap(object["updates"] as? [[String: Any]])
    XCTAssertEqual(updates.count, 2)
    XCTAssertTrue(updates[0]["title"] is NSNull, "the untitled lead has a null title")
    XCTAssertEqual(updates[0]["line"] as? Int, 3)
    XCTAssertEqual(Set(updates[0].keys), ["id", "title", "time", "time_text", "line", "paragraphs", "links"])
    XCTAssertTrue(updates[0]["id"] is NSNull && updates[0]["time"] is NSNull, "a capture has no page ids nor instants")
    let paragraph = try XCTUnwrap((updates[0]["paragraphs"] as? [[String: Any]])?.first)
    XCTAssertEqual(paragraph["text"] as? String, "Lead \"paragraph\" with a backslash \\ here.")
    XCTAssertEqual(Set(paragraph.keys), ["line", "text"])
    let link = try XCTUnwrap((updates[1]["links"] as? [[String: Any]])?.first)
    XCTAssertEqual(Set(link.keys), ["line", "title", "summary"])
    XCTAssertEqual(link["line"] as? Int, 7)
    let removed = try XCTUnwrap(object["removed"] as? [[String: Any]])
    XCTAssertEqual(removed.first?["line"] as? Int, 6)
    XCTAssertEqual(Set(removed.first?.keys.map { $0 } ?? []), ["line", "text"])
  }

  func testNullSummaryAndStandfirst() throws {
    let story = Story(source: "s", headline: "h", updates: [Update(title: "t", line: 2, links: [LinkCard(line: 3, title: "c")])])
    XCTAssertEqual(StoryJSON(story).encoded(),
      #"{"source": "s", "headline": "h", "standfirst": null, "canonical_url": null, "updates": [{"id": null, "title": "t", "time": null, "time_text": null, "line": 2, "paragraphs": [], "links": [{"line": 3, "title": "c", "summary": null}]}], "removed": []}"#)
  }

  func testCapturesFillTimeTextFromTheirTimeLines() throws {
    let story = try Fixtures.story(Fixtures.capture(["Lead paragraph of the blog here.", "14:05", "Ferries stop running", "All crossings are cancelled."]))
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(StoryJSON(story).encoded().utf8)) as? [String: Any])
    let updates = try XCTUnwrap(object["updates"] as? [[String: Any]])
    let titled = try XCTUnwrap(updates.first { $0["title"] as? String == "Ferries stop running" })
    XCTAssertEqual(titled["time_text"] as? String, "14:05")
    XCTAssertTrue(titled["time"] is NSNull, "a clock time alone names no instant")
  }

  func testWebPostsCarryTheirIdAndInstant() {
    var story = Story(source: "page.html", headline: "h", updates: [
      Update(title: "t", line: 9, time: "15:05 BST", pageID: "block-1", published: "2026-05-01T14:05:00Z"),
    ])
    story.setCanonicalURL("https://example.com/live")
    XCTAssertEqual(StoryJSON(story).encoded(),
      #"{"source": "page.html", "headline": "h", "standfirst": null, "canonical_url": "https://example.com/live", "updates": [{"id": "block-1", "title": "t", "time": "2026-05-01T14:05:00Z", "time_text": "15:05 BST", "line": 9, "paragraphs": [], "links": []}], "removed": []}"#)
  }

  func testControlCharactersAreEscaped() {
    XCTAssertEqual(JSONValue.string("a\u{1}b\u{2028}").serialized(), #""a\u0001b\u2028""#)
  }
}
