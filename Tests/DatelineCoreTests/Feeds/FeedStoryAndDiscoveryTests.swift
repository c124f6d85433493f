import XCTest

@testable import DatelineCore

/// Feed items as library stories, and the feeds a web page names.
final class FeedStoryAndDiscoveryTests: XCTestCase {
  func testAnItemWithContentIsAStoryOfItsParagraphs() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        """
        <item><title>Ferry back</title><link>http://gazette.example/ferry</link><description>Short.</description>
        <content:encoded><![CDATA[<p>One.</p><p>Two &amp; three.</p>]]></content:encoded>
        <pubDate>Tue, 02 Jan 2024 08:30:00 GMT</pubDate></item>
        <item><title>No content</title><description>Plain
        summary</description></item>
        """))
    let story = FeedStory.story(of: feed.items[0], feedURL: "http://gazette.example/rss")
    XCTAssertEqual(story.headline, "Ferry back")
    XCTAssertEqual(story.standfirst, "Short.")
    XCTAssertEqual(story.source, "http://gazette.example/ferry")
    XCTAssertEqual(story.updates.count, 1)
    XCTAssertEqual(story.updates[0].paragraphs.map(\.text), ["One.", "Two & three."])
    XCTAssertEqual(story.updates[0].published, "2024-01-02T08:30:00Z")
    let plain = FeedStory.story(of: feed.items[1], feedURL: "http://gazette.example/rss")
    XCTAssertNil(plain.standfirst)
    XCTAssertEqual(plain.updates.first?.paragraphs.map(\.text), ["Plain summary"])
    XCTAssertTrue(plain.source.hasPrefix("http://gazette.example/rss#"), plain.source)
    XCTAssertEqual(FeedStory.identity(of: feed.items[0]), FeedStory.identity(of: feed.items[0]))
    XCTAssertNotEqual(FeedStory.identity(of: feed.items[0]), FeedStory.identity(of: feed.items[1]))
  }

  func testDiscoveryFindsAlternateFeedLinks() {
    let page = """
      <!doctype html><html><head><title>Gazette</title>
      <link rel="stylesheet" href="/s.css">
      <link rel="alternate" type="application/rss+xml" title="All news" href="/rss.xml">
      <link rel="alternate" type="application/atom+xml" href="https://gazette.example/atom">
      <link rel="alternate" hreflang="de" href="/de/">
      <link rel="alternate" type="application/rss+xml" href="/rss.xml">
      </head><body><a rel="alternate" type="application/rss+xml" href="/not-in-head.xml">x</a></body></html>
      """
    let found = FeedDiscovery.feeds(inPage: Array(page.utf8), url: "https://gazette.example/news/")
    XCTAssertEqual(found.map(\.url), ["https://gazette.example/rss.xml", "https://gazette.example/atom"])
    XCTAssertEqual(found.first?.title, "All news")
  }
}
