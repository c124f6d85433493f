import XCTest

@testable import DatelineCore

/// OPML export: what `OPMLReader` reads back is the same list, folders and all.
final class OPMLWriterTests: XCTestCase {
  func testRoundTrip() throws {
    let outlines = [
      Outline(url: "http://gazette.example/rss", title: "Harbour \"Gazette\" & <Co>", htmlURL: "http://gazette.example/", folder: ["News"]),
      Outline(url: "http://tides.example/rss?a=1&b=2", title: "Tides", folder: ["News", "Weather"]),
      Outline(url: "http://loose.example/feed.json", title: nil),
      Outline(url: "http://more.example/atom", title: "More news", folder: ["News"]),
      Outline(url: "http://sport.example/rss", title: "Ümlaut sport", folder: ["Sport"]),
    ]
    let text = OPMLWriter.document(title: "dateline subscriptions", outlines: outlines)
    let list = try FeedFixture.outlines(text)
    XCTAssertEqual(list.title, "dateline subscriptions")
    XCTAssertEqual(list.errors, [])
    let expected = outlines.map { outline -> Outline in
      var copy = outline
      if copy.title == nil { copy.title = copy.url }  // exported with its URL as the text OPML requires
      return copy
    }
    // Grouped by folder on export: News (gazette, Weather/tides, more), loose, Sport.
    XCTAssertEqual(list.outlines, [expected[0], expected[1], expected[3], expected[2], expected[4]])
  }

  func testEscapesAndDropsWhatXMLCannotHold() {
    XCTAssertEqual(OPMLWriter.escaped("a&b<c>\"d\"\u{01}e\nf"), "a&amp;b&lt;c&gt;&quot;d&quot;e&#10;f")
  }
}
