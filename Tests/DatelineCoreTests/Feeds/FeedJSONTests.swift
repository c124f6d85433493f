import XCTest

@testable import DatelineCore

/// The exact `parse --json` shape of feeds and OPML files.
final class FeedJSONTests: XCTestCase {
  func testFeedShape() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        "<item><title>One</title><link>http://gazette.example/1</link><guid>g1</guid><pubDate>Wed, 31 Dec 2003 10:14:55 GMT</pubDate><enclosure url=\"http://gazette.example/1.mp3\" length=\"oops\"/><category>c</category></item>"))
    XCTAssertEqual(
      FeedJSON(source: "feed.xml", document: .feed(feed)).encoded(),
      #"{"source": "feed.xml", "format": "rss", "title": "Harbour Gazette", "link": "http://gazette.example/", "subtitle": null, "items": [{"id": "g1", "title": "One", "link": "http://gazette.example/1", "published": "2003-12-31T10:14:55Z", "updated": null, "author": null, "summary": null, "content": null, "enclosures": [{"url": "http://gazette.example/1.mp3", "type": null, "length": null}], "categories": ["c"]}], "errors": []}"#
    )
  }

  func testOPMLShape() throws {
    let list = try FeedFixture.outlines(
      "<opml version=\"2.0\"><head><title>L</title></head><body><outline text=\"F\"><outline text=\"x\" xmlUrl=\"http://x.example/\" htmlUrl=\"http://x.example/h\"/></outline></body></opml>")
    XCTAssertEqual(
      FeedJSON(source: "l.opml", document: .outlines(list)).encoded(),
      #"{"source": "l.opml", "format": "opml", "title": "L", "outlines": [{"url": "http://x.example/", "title": "x", "html_url": "http://x.example/h", "folder": ["F"]}], "errors": []}"#
    )
  }

  func testFailureShape() {
    XCTAssertEqual(
      FeedJSON.failure(source: "bad", error: FeedReadError("empty file")).serialized(),
      #"{"source": "bad", "format": null, "title": null, "link": null, "subtitle": null, "items": [], "errors": ["empty file"]}"#)
  }
}
