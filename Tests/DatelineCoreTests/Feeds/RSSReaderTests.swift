import XCTest

@testable import DatelineCore

/// RSS 0.9x/2.0 read by the conventions feed readers rely on.
final class RSSReaderTests: XCTestCase {
  func testChannelAndItemFields() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        """
        <item>
          <title>Ferry timetable changes</title>
          <link>http://gazette.example/2024/ferry</link>
          <description>The morning ferry leaves later.</description>
          <content:encoded><![CDATA[<p>The <b>morning</b> ferry</p><p>leaves at nine.</p>]]></content:encoded>
          <pubDate>Tue, 02 Jan 2024 08:30:00 +0000</pubDate>
          <guid>http://gazette.example/?p=1</guid>
          <author>editor@gazette.example (Mara Quay)</author>
          <category>Transport</category>
          <category>Harbour</category>
          <enclosure url="http://gazette.example/a.mp3" type="audio/mpeg" length="2048"/>
        </item>
        """,
        channel: """
          <title>Harbour Gazette</title><link>http://gazette.example/</link>
          <description>Tides and ferries</description>
          """))
    XCTAssertEqual(feed.format, .rss)
    XCTAssertEqual(feed.title, "Harbour Gazette")
    XCTAssertEqual(feed.link, "http://gazette.example/")
    XCTAssertEqual(feed.subtitle, "Tides and ferries")
    XCTAssertEqual(feed.errors, [])
    let item = try XCTUnwrap(feed.items.first)
    XCTAssertEqual(item.id, "http://gazette.example/?p=1")
    XCTAssertEqual(item.title, "Ferry timetable changes")
    XCTAssertEqual(item.link, "http://gazette.example/2024/ferry")
    XCTAssertEqual(item.summary, "The morning ferry leaves later.")
    XCTAssertEqual(item.content, "The morning ferry leaves at nine.", "block tags separate words")
    XCTAssertEqual(item.published.map(FeedDate.rfc3339), "2024-01-02T08:30:00Z")
    XCTAssertNil(item.updated, "updated never falls back to published")
    XCTAssertEqual(item.author, "Mara Quay")
    XCTAssertEqual(item.categories, ["Transport", "Harbour"])
    XCTAssertEqual(item.enclosures, [FeedEnclosure(url: "http://gazette.example/a.mp3", type: "audio/mpeg", length: 2048)])
  }

  func testTextIsHTMLOnlyWhenItLooksLikeHTML() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        """
        <item><title>1 &lt; 2 and 3 &gt; 2</title><description>AT&amp;T buys a boat</description></item>
        <item><title>Tide &lt;b&gt;high&lt;/b&gt; today</title><description>Fish &amp;amp; chips</description></item>
        <item><title><![CDATA[Storm <i>warning</i> issued]]></title><description><![CDATA[Wind & rain]]></description></item>
        <item><title>Gulls&#160;return</title><description>&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</description></item>
        """))
    XCTAssertEqual(feed.items.map(\.title), ["1 < 2 and 3 > 2", "Tide high today", "Storm warning issued", "Gulls\u{A0}return"])
    XCTAssertEqual(feed.items.map(\.summary), ["AT&T buys a boat", "Fish & chips", "Wind & rain", "One Two"])
  }

  func testUnescapedMarkupInDescriptionIsReadAsHTML() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss("<item><title>T</title><description>Sea <b>level</b><br/>rises</description></item>"))
    XCTAssertEqual(feed.items.first?.summary, "Sea level rises")
  }

  func testXHTMLBodyIsContent() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        "<item><title>T</title><xhtml:body><xhtml:p>First</xhtml:p><xhtml:p>second</xhtml:p></xhtml:body></item>"))
    XCTAssertEqual(feed.items.first?.content, "First second")
  }

  func testPermalinkGuidStandsInForAMissingLink() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        """
        <item><title>a</title><guid>http://gazette.example/a</guid></item>
        <item><title>b</title><guid isPermaLink="false">http://gazette.example/b</guid></item>
        <item><title>c</title><guid isPermaLink="true">http://gazette.example/c</guid><link>http://gazette.example/real-c</link></item>
        """))
    XCTAssertEqual(feed.items.map(\.link), ["http://gazette.example/a", nil, "http://gazette.example/real-c"])
    XCTAssertEqual(feed.items.map(\.id), ["http://gazette.example/a", "http://gazette.example/b", "http://gazette.example/c"])
  }

  func testImageAndTextInputLinksDoNotLeak() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        """
        <item><title>only</title></item>
        """,
        channel: """
          <title>No link here</title>
          <image><url>http://img.example/logo.png</url><title>Logo</title><link>http://img.example/</link></image>
          <textInput><title>Search</title><name>q</name><link>http://search.example/</link></textInput>
          """))
    XCTAssertNil(feed.link)
    XCTAssertEqual(feed.title, "No link here")
    XCTAssertNil(feed.items.first?.link)
  }

  func testAtomAlternateLinkWhenThereIsNoLink() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        """
        <item><title>a</title><atom:link rel="self" href="http://gazette.example/self"/><atom:link href="http://gazette.example/alt"/></item>
        """,
        channel: "<title>x</title><atom:link rel=\"self\" href=\"http://gazette.example/feed.xml\"/>"))
    XCTAssertNil(feed.link, "a self link is not the feed's page")
    XCTAssertEqual(feed.items.first?.link, "http://gazette.example/alt")
  }

  func testAuthorForms() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        """
        <item><author>ann@gazette.example (Ann Shore)</author></item>
        <item><author>Ben Wharf (ben@gazette.example)</author></item>
        <item><author>cal@gazette.example</author></item>
        <item><dc:creator>Dee Dock</dc:creator><author>other@gazette.example</author></item>
        <item><itunes:author>Eve Estuary</itunes:author></item>
        <item><author>Fay Ferry &lt;fay@gazette.example&gt;</author></item>
        """))
    XCTAssertEqual(
      feed.items.map(\.author), ["Ann Shore", "Ben Wharf", "cal@gazette.example", "Dee Dock", "Eve Estuary", "Fay Ferry"])
  }

  func testCategoriesIncludingNestedITunesCategories() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        """
        <item><category domain="x">News</category><dc:subject>Weather</dc:subject>
        <itunes:category text="Science"><itunes:category text="Earth Sciences"/></itunes:category>
        <itunes:keywords>tides, moon</itunes:keywords><category>News</category></item>
        """))
    XCTAssertEqual(feed.items.first?.categories, ["News", "Weather", "Science", "Earth Sciences", "tides", "moon"])
  }

  func testDateElementsMapToPublishedAndUpdated() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        """
        <item><dc:date>2024-03-01T12:00:00+01:00</dc:date></item>
        <item><dcterms:issued>2024-03-02</dcterms:issued><dcterms:modified>2024-03-03T00:00:00Z</dcterms:modified></item>
        <item><pubDate>Sun, 99 Mar 2024 00:00:00 GMT</pubDate></item>
        """))
    XCTAssertEqual(feed.items.map { $0.published.map(FeedDate.rfc3339) }, [nil, "2024-03-02T00:00:00Z", nil])
    XCTAssertEqual(feed.items.map { $0.updated.map(FeedDate.rfc3339) }, ["2024-03-01T11:00:00Z", "2024-03-03T00:00:00Z", nil])
  }

  func testRelativeLinksResolveAgainstBaseURLAndXMLBase() throws {
    let xml = FeedFixture.rss(
      """
      <item><link>stories/1</link><enclosure url="../media/1.mp3"/></item>
      <item xml:base="http://mirror.example/deep/"><link>2</link></item>
      """,
      channel: "<title>t</title><link>/home</link>")
    let feed = try FeedFixture.feed(xml, baseURL: "http://gazette.example/feeds/main.xml")
    XCTAssertEqual(feed.link, "http://gazette.example/home")
    XCTAssertEqual(feed.items.map(\.link), ["http://gazette.example/feeds/stories/1", "http://mirror.example/deep/2"])
    XCTAssertEqual(feed.items.first?.enclosures.first?.url, "http://gazette.example/media/1.mp3")
  }

  func testWithoutABaseURLRelativeItemLinksResolveAgainstTheChannelLink() throws {
    let feed = try FeedFixture.feed(FeedFixture.rss("<item><link>/2024/a</link></item>"))
    XCTAssertEqual(feed.items.first?.link, "http://gazette.example/2024/a")
  }

  func testMissingGuidGivesAStableHash() throws {
    let xml = FeedFixture.rss("<item><title>Same</title><link>http://gazette.example/x</link></item><item><title>Other</title></item>")
    let first = try FeedFixture.feed(xml)
    let second = try FeedFixture.feed(xml)
    XCTAssertEqual(first.items.map(\.id), second.items.map(\.id))
    XCTAssertNotEqual(first.items[0].id, first.items[1].id)
    XCTAssertTrue(first.items[0].id.hasPrefix("dateline:"))
  }

  func testVersionsAndFormat() throws {
    for version in ["0.91", "0.92", "0.93", "0.94", "2.0", ""] {
      let attribute = version.isEmpty ? "" : " version=\"\(version)\""
      let feed = try FeedFixture.feed("<rss\(attribute)><channel><title>v</title><item><title>i</title></item></channel></rss>")
      XCTAssertEqual(feed.format, .rss, version)
      XCTAssertEqual(feed.items.count, 1, version)
    }
    let old = try FeedFixture.feed("<rss version=\"0.90\"><channel><title>v</title></channel><item><title>i</title></item></rss>")
    XCTAssertEqual(old.format, .rdf)
    XCTAssertEqual(old.items.map(\.title), ["i"])
  }

  func testItemsBesideTheChannelAreKeptInOrder() throws {
    let feed = try FeedFixture.feed(
      "<rss version=\"2.0\"><channel><title>c</title><item><title>1</title></item></channel><item><title>2</title></item></rss>")
    XCTAssertEqual(feed.items.map(\.title), ["1", "2"])
  }

  func testUndeclaredNamespacePrefixesStillCount() throws {
    let feed = try FeedFixture.feed(
      "<rss version=\"2.0\"><channel><title>c</title><item><dc:creator>Gil Gale</dc:creator><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded></item></channel></rss>")
    XCTAssertEqual(feed.items.first?.author, "Gil Gale")
    XCTAssertEqual(feed.items.first?.content, "Body")
    XCTAssertFalse(feed.errors.isEmpty, "the undeclared prefix is a problem worth naming")
  }

  func testContentStandsInForAMissingSummary() throws {
    let feed = try FeedFixture.feed(FeedFixture.rss("<item><content:encoded>&lt;p&gt;Only content&lt;/p&gt;</content:encoded></item>"))
    XCTAssertEqual(feed.items.first?.summary, "Only content")
    XCTAssertEqual(feed.items.first?.content, "Only content")
  }

  func testEntitiesHTMLDoesNotKnowMakeTextPlain() throws {
    let feed = try FeedFixture.feed(FeedFixture.rss("<item><title>Tom &amp;foo; Jerry &lt;/b&gt;</title></item>"))
    XCTAssertEqual(feed.items.first?.title, "Tom &foo; Jerry </b>")
  }

  func testADescriptionWithHTMLStartTagsIsHTML() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        """
        <item><title>a &lt;br&gt; b</title><description>a &lt;br&gt; b &lt;img src="x.png"&gt;</description></item>
        <item><title>t</title><description>if a &lt;b then c</description></item>
        """))
    XCTAssertEqual(feed.items[0].title, "a <br> b", "a title is HTML only with a closing tag or an entity")
    XCTAssertEqual(feed.items[0].summary, "a b")
    XCTAssertEqual(feed.items[1].summary, "if a <b then c")
  }
}
