import XCTest

@testable import DatelineCore

/// RSS 1.0 and 0.90 (RDF), and JSON Feed 1.0 and 1.1.
final class RDFAndJSONFeedReaderTests: XCTestCase {
  func testRSS10() throws {
    let feed = try FeedFixture.feed(
      """
      <?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel rdf:about="http://tides.example/rss">
          <title>Tide Tables</title><link>http://tides.example/</link><description>High and low</description>
          <image rdf:resource="http://tides.example/logo.png"/>
          <items><rdf:Seq><rdf:li rdf:resource="http://tides.example/1"/></rdf:Seq></items>
        </channel>
        <image rdf:about="http://tides.example/logo.png"><title>logo</title><url>http://tides.example/logo.png</url><link>http://image.example/</link></image>
        <item rdf:about="http://tides.example/1">
          <title>Spring tide</title><link>http://tides.example/1</link>
          <description>Very &lt;em&gt;high&lt;/em&gt; water</description>
          <dc:date>2024-05-01T00:00:00Z</dc:date><dc:creator>Moon Watcher</dc:creator><dc:subject>tides</dc:subject>
          <content:encoded>&lt;p&gt;Full body&lt;/p&gt;</content:encoded>
        </item>
        <textinput rdf:about="http://tides.example/search"><title>s</title><name>q</name><link>http://search.example/</link></textinput>
      </rdf:RDF>
      """)
    XCTAssertEqual(feed.format, .rdf)
    XCTAssertEqual(feed.title, "Tide Tables")
    XCTAssertEqual(feed.link, "http://tides.example/")
    XCTAssertEqual(feed.subtitle, "High and low")
    XCTAssertEqual(feed.items.count, 1)
    let item = try XCTUnwrap(feed.items.first)
    XCTAssertEqual(item.id, "http://tides.example/1", "rdf:about is the id")
    XCTAssertEqual(item.summary, "Very high water")
    XCTAssertEqual(item.content, "Full body")
    XCTAssertNil(item.published)
    XCTAssertEqual(item.updated.map(FeedDate.rfc3339), "2024-05-01T00:00:00Z")
    XCTAssertEqual(item.author, "Moon Watcher")
    XCTAssertEqual(item.categories, ["tides"])
  }

  func testRSS090() throws {
    let feed = try FeedFixture.feed(
      """
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
      <channel><title>Ninety</title><link>http://ninety.example/</link><description>d</description></channel>
      <item><title>One</title><link>http://ninety.example/1</link></item>
      <item><title>Two</title><link>http://ninety.example/2</link></item>
      </rdf:RDF>
      """)
    XCTAssertEqual(feed.format, .rdf)
    XCTAssertEqual(feed.items.map(\.link), ["http://ninety.example/1", "http://ninety.example/2"])
  }

  func testJSONFeed11() throws {
    let feed = try FeedFixture.feed(
      """
      {"version": "https://jsonfeed.org/version/1.1", "title": "Pier Notes", "home_page_url": "https://pier.example/",
       "feed_url": "https://pier.example/feed.json", "description": "Planks & posts",
       "authors": [{"name": "Feed Author"}],
       "items": [
        {"id": "1", "url": "/notes/1", "title": "Plank  fixed", "content_html": "<p>A <i>new</i> plank</p><p>today</p>",
         "summary": "plank", "date_published": "2024-06-01T10:00:00-04:00", "date_modified": "2024-06-02T10:00:00Z",
         "authors": [{"url": "https://pier.example/nobody"}, {"name": "Pia Post"}], "tags": ["repairs", "repairs", "wood"],
         "attachments": [{"url": "https://pier.example/p.jpg", "mime_type": "image/jpeg", "size_in_bytes": 512}]},
        {"id": 42, "content_text": "Just  text\\nlines", "author": {"name": "Old Style"}}
       ]}
      """)
    XCTAssertEqual(feed.format, .jsonfeed)
    XCTAssertEqual(feed.title, "Pier Notes")
    XCTAssertEqual(feed.link, "https://pier.example/")
    XCTAssertEqual(feed.subtitle, "Planks & posts")
    XCTAssertEqual(feed.errors, [])
    let first = feed.items[0]
    XCTAssertEqual(first.id, "1")
    XCTAssertEqual(first.link, "https://pier.example/notes/1")
    XCTAssertEqual(first.title, "Plank fixed")
    XCTAssertEqual(first.content, "A new plank today")
    XCTAssertEqual(first.summary, "plank")
    XCTAssertEqual(first.published.map(FeedDate.rfc3339), "2024-06-01T14:00:00Z")
    XCTAssertEqual(first.updated.map(FeedDate.rfc3339), "2024-06-02T10:00:00Z")
    XCTAssertEqual(first.author, "Pia Post")
    XCTAssertEqual(first.categories, ["repairs", "wood"])
    XCTAssertEqual(first.enclosures, [FeedEnclosure(url: "https://pier.example/p.jpg", type: "image/jpeg", length: 512)])
    let second = feed.items[1]
    XCTAssertEqual(second.id, "42", "a numeric id is coerced to a string")
    XCTAssertEqual(second.content, "Just text lines")
    XCTAssertEqual(second.author, "Old Style", "JSON Feed 1.0's author")
  }

  func testJSONFeedWithWrongTypesIsReadAsFarAsItGoes() throws {
    let feed = try FeedFixture.feed(
      """
      {"version": "https://jsonfeed.org/version/1", "title": ["not", "a", "string"], "home_page_url": 7,
       "items": [{"id": "a", "title": 12, "url": false, "tags": "solo", "date_published": 2024,
                  "attachments": [{"mime_type": "x/y"}, {"url": "https://pier.example/f", "size_in_bytes": "big"}]},
                 "not an item", null, {"id": "b", "title": "fine"}]}
      """)
    XCTAssertNil(feed.title)
    XCTAssertNil(feed.link)
    XCTAssertEqual(feed.items.map(\.id), ["a", "b"])
    XCTAssertNil(feed.items[0].title)
    XCTAssertEqual(feed.items[0].enclosures, [FeedEnclosure(url: "https://pier.example/f", type: nil, length: nil)])
    XCTAssertEqual(feed.items[1].title, "fine")
    for expected in ["title is not a string", "items[0].title is not a string", "items[0].url is not a string",
      "items[0].tags is not an array", "items[1] is not an object", "items[0].attachments[0] has no url"]
    {
      XCTAssertTrue(feed.errors.contains { $0.hasSuffix(expected) }, "\(expected) in \(feed.errors)")
    }
  }

  func testJSONThatIsNoFeed() throws {
    let broken = try FeedFixture.feed("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [")
    XCTAssertEqual(broken.items, [])
    XCTAssertTrue(broken.errors.first?.hasPrefix("not valid JSON") ?? false, "\(broken.errors)")
    let items = try FeedFixture.feed("{\"items\": {}}")
    XCTAssertEqual(items.errors, ["no JSON Feed version", "items is not an array"])
  }
}
