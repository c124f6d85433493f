import XCTest

@testable import DatelineCore

/// Atom 1.0 (RFC 4287) and Atom 0.3.
final class AtomReaderTests: XCTestCase {
  func testFeedAndEntryFields() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.atom(
        """
        <entry>
          <id>tag:lighthouse.example,2024:1</id>
          <title>Lamp replaced</title>
          <link rel="alternate" type="text/html" href="http://lighthouse.example/lamp"/>
          <link rel="enclosure" type="image/jpeg" length="9000" href="http://lighthouse.example/lamp.jpg"/>
          <published>2024-04-01T06:00:00+02:00</published>
          <updated>2024-04-02T06:00:00Z</updated>
          <author><name>Keeper Quill</name><email>quill@lighthouse.example</email></author>
          <author><name>Second Keeper</name></author>
          <summary>New lamp.</summary>
          <content type="html">&lt;p&gt;The old lamp&lt;/p&gt;&lt;p&gt;was replaced.&lt;/p&gt;</content>
          <category term="maintenance" label="Maintenance"/>
        </entry>
        """,
        head: """
          <title>Lighthouse Log</title><subtitle>Notes from the rock</subtitle>
          <link rel="self" href="http://lighthouse.example/atom.xml"/>
          <link rel="alternate" href="http://lighthouse.example/"/>
          """))
    XCTAssertEqual(feed.format, .atom)
    XCTAssertEqual(feed.title, "Lighthouse Log")
    XCTAssertEqual(feed.subtitle, "Notes from the rock")
    XCTAssertEqual(feed.link, "http://lighthouse.example/")
    XCTAssertEqual(feed.errors, [])
    let entry = try XCTUnwrap(feed.items.first)
    XCTAssertEqual(entry.id, "tag:lighthouse.example,2024:1")
    XCTAssertEqual(entry.link, "http://lighthouse.example/lamp")
    XCTAssertEqual(entry.published.map(FeedDate.rfc3339), "2024-04-01T04:00:00Z")
    XCTAssertEqual(entry.updated.map(FeedDate.rfc3339), "2024-04-02T06:00:00Z")
    XCTAssertEqual(entry.author, "Keeper Quill", "the first author")
    XCTAssertEqual(entry.summary, "New lamp.")
    XCTAssertEqual(entry.content, "The old lamp was replaced.")
    XCTAssertEqual(entry.categories, ["maintenance"])
    XCTAssertEqual(entry.enclosures, [FeedEnclosure(url: "http://lighthouse.example/lamp.jpg", type: "image/jpeg", length: 9000)])
  }

  func testTextConstructsFollowTheirDeclaredType() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.atom(
        """
        <entry><title type="text">Use &lt;blink&gt; sparingly</title></entry>
        <entry><title>A &amp; B &lt;i&gt;plain&lt;/i&gt;</title></entry>
        <entry><title type="html">A &amp;amp; B &lt;i&gt;rich&lt;/i&gt;</title></entry>
        <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <b>inline</b> title</div></title></entry>
        <entry><title type="text/html">Old &lt;b&gt;style&lt;/b&gt;</title></entry>
        """))
    XCTAssertEqual(
      feed.items.map(\.title),
      ["Use <blink> sparingly", "A & B <i>plain</i>", "A & B rich", "An inline title", "Old style"])
  }

  func testEmailStandsInForAMissingName() throws {
    let feed = try FeedFixture.feed(FeedFixture.atom("<entry><author><email>nameless@lighthouse.example</email></author></entry>"))
    XCTAssertEqual(feed.items.first?.author, "nameless@lighthouse.example")
  }

  func testAlternateLinkIsPreferredOverOthers() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.atom(
        """
        <entry><link rel="replies" href="http://x.example/replies"/><link rel="alternate" type="application/pdf" href="http://x.example/a.pdf"/><link href="http://x.example/page"/></entry>
        <entry><link rel="related" href="http://x.example/related"/></entry>
        """))
    XCTAssertEqual(feed.items.map(\.link), ["http://x.example/page", nil])
  }

  func testXMLBaseOnFeedEntryAndLink() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.atom(
        """
        <entry xml:base="entries/"><link href="one"/></entry>
        <entry><link xml:base="http://other.example/x/" href="two"/></entry>
        <entry><link href="/root"/></entry>
        """,
        head: "<title>t</title><link href=\"index.html\"/>", base: "http://lighthouse.example/log/"))
    XCTAssertEqual(feed.link, "http://lighthouse.example/log/index.html")
    XCTAssertEqual(
      feed.items.map(\.link),
      ["http://lighthouse.example/log/entries/one", "http://other.example/x/two", "http://lighthouse.example/root"])
  }

  func testRelativeXMLBaseResolvesAgainstTheFeedURL() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.atom("<entry><link href=\"p/1\"/></entry>", base: "/log/"), baseURL: "http://lighthouse.example/feeds/atom")
    XCTAssertEqual(feed.items.first?.link, "http://lighthouse.example/log/p/1")
  }

  func testAtom03() throws {
    let feed = try FeedFixture.feed(
      """
      <?xml version="1.0"?>
      <feed version="0.3" xmlns="http://purl.org/atom/ns#">
        <title mode="escaped" type="text/html">Old &lt;b&gt;Log&lt;/b&gt;</title>
        <tagline>Before RFC 4287</tagline>
        <link rel="alternate" type="text/html" href="http://old.example/"/>
        <entry>
          <id>urn:old:1</id>
          <title>First</title>
          <link rel="alternate" type="text/html" href="http://old.example/1"/>
          <issued>2004-05-06T07:08:09Z</issued>
          <modified>2004-05-07T07:08:09Z</modified>
          <author><name>Olden</name></author>
          <content type="text/html" mode="base64">PHA+RW5jb2RlZCA8Yj5ib2R5PC9iPjwvcD4=</content>
          <summary type="text/plain">Plain &lt;summary&gt;</summary>
        </entry>
      </feed>
      """)
    XCTAssertEqual(feed.format, .atom)
    XCTAssertEqual(feed.title, "Old Log")
    XCTAssertEqual(feed.subtitle, "Before RFC 4287")
    XCTAssertEqual(feed.link, "http://old.example/")
    let entry = try XCTUnwrap(feed.items.first)
    XCTAssertEqual(entry.published.map(FeedDate.rfc3339), "2004-05-06T07:08:09Z")
    XCTAssertEqual(entry.updated.map(FeedDate.rfc3339), "2004-05-07T07:08:09Z")
    XCTAssertEqual(entry.content, "Encoded body", "mode=base64 is decoded")
    XCTAssertEqual(entry.summary, "Plain <summary>")
  }

  func testOutOfLineContentHasNoText() throws {
    let feed = try FeedFixture.feed(FeedFixture.atom("<entry><content src=\"http://x.example/c\" type=\"text/html\"/></entry>"))
    XCTAssertNil(feed.items.first?.content)
  }

  func testAtomWithoutNamespaceIsStillAtom() throws {
    let feed = try FeedFixture.feed("<feed><title>bare</title><entry><id>1</id><title>e</title></entry></feed>")
    XCTAssertEqual(feed.format, .atom)
    XCTAssertEqual(feed.items.map(\.title), ["e"])
  }
}
