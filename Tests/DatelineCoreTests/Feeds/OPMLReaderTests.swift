import XCTest

@testable import DatelineCore

/// OPML subscription lists: outlines with feeds, folders from the outlines around them.
final class OPMLReaderTests: XCTestCase {
  func testOutlinesAndFolders() throws {
    let list = try FeedFixture.outlines(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <opml version="2.0">
        <head><title>Coastal reading</title></head>
        <body>
          <outline text="News">
            <outline text="Harbour Gazette" title="HG" type="rss" xmlUrl="http://gazette.example/rss" htmlUrl="http://gazette.example/"/>
            <outline text="Weather">
              <outline title="Tide Tables" type="rss" xmlUrl="http://tides.example/rss"/>
            </outline>
          </outline>
          <outline text="Loose &amp; unfiled" type="rss" xmlURL="http://loose.example/feed.json"/>
          <outline text="A plain link" type="link" url="http://link.example/"/>
          <outline text="Empty folder"/>
        </body>
      </opml>
      """)
    XCTAssertEqual(list.title, "Coastal reading")
    XCTAssertEqual(
      list.outlines,
      [
        Outline(url: "http://gazette.example/rss", title: "Harbour Gazette", htmlURL: "http://gazette.example/", folder: ["News"]),
        Outline(url: "http://tides.example/rss", title: "Tide Tables", folder: ["News", "Weather"]),
        Outline(url: "http://loose.example/feed.json", title: "Loose & unfiled"),
      ])
    XCTAssertEqual(list.errors, [])
  }

  func testOPML1AndRelativeURLs() throws {
    let list = try FeedFixture.outlines(
      "<opml version=\"1.0\"><body><outline text=\"x\" xmlurl=\"feeds/x.xml\"/></body></opml>", baseURL: "http://lists.example/my.opml")
    XCTAssertNil(list.title)
    XCTAssertEqual(list.outlines.map(\.url), ["http://lists.example/feeds/x.xml"])
  }

  func testBrokenOPMLIsReadAsFarAsItGoes() throws {
    let list = try FeedFixture.outlines("<opml><body><outline text=\"ok\" xmlUrl=\"http://ok.example/\"/><outline text=\"cut")
    XCTAssertEqual(list.outlines.map(\.url), ["http://ok.example/"])
    XCTAssertFalse(list.errors.isEmpty)
  }
}
