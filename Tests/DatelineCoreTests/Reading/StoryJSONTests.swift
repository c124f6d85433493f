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
    XCTAssertEqual(Set(object.keys), ["source", "headline", "standfirst", "updates", "removed"])
    let updates = try XCTUnwrap(object["updates"] as? [[String: Any]])
    XCTAssertEqual(updates.count, 2)
    XCTAssertTrue(updates[0]["title"] is NSNull, "the untitled lead has a null title")
    XCTAssertEqual(updates[0]["line"] as? Int, 3)
    XCTAssertEqual(Set(updates[0].keys), ["title", "line", "paragraphs", "links"])
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
      #"{"source": "s", "headline": "h", "standfirst": null, "updates": [{"title": "t", "line": 2, "paragraphs": [], "links": [{"line": 3, "title": "c", "summary": null}]}], "removed": []}"#)
  }

  func testControlCharactersAreEscaped() {
    XCTAssertEqual(JSONValue.string("a\u{1}b\u{2028}").serialized(), #""a\u0001b\u2028""#)
  }
}
