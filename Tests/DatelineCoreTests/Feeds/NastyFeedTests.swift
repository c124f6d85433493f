import Foundation
import XCTest

@testable import DatelineCore

/// More of the shapes real feeds come in, each written for this project.
final class NastyFeedTests: XCTestCase {
  func testNetscapeRSS091DoctypeWithHTMLEntities() throws {
    let feed = try FeedFixture.feed(
      """
      <?xml version="1.0" encoding="ISO-8859-1"?>
      <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
      <rss version="0.91"><channel><title>Caf&eacute; News</title><link>http://cafe.example/</link>
      <description>Cr&egrave;me &amp; more</description><language>fr</language>
      <item><title>Men&uacute; du jour</title><link>http://cafe.example/menu</link><description>Soupe &agrave; l&rsquo;oignon</description></item>
      </channel></rss>
      """)
    XCTAssertEqual(feed.format, .rss)
    XCTAssertEqual(feed.title, "Café News")
    XCTAssertEqual(feed.subtitle, "Crème & more")
    XCTAssertEqual(feed.items.first?.title, "Menú du jour")
    XCTAssertEqual(feed.items.first?.summary, "Soupe à l’oignon")
  }

  func testAnEmptyChannelIsAFeedWithNoItems() throws {
    let feed = try FeedFixture.feed("<rss version=\"2.0\"><channel/></rss>")
    XCTAssertEqual(feed.format, .rss)
    XCTAssertNil(feed.title)
    XCTAssertEqual(feed.items, [])
    XCTAssertEqual(feed.errors, [])
  }

  func testAtomSourceDoesNotLeakIntoTheEntry() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.atom(
        """
        <entry><id>e1</id><title>Entry title</title>
          <source><id>s</id><title>Source feed title</title><link href="http://source.example/"/><author><name>Source author</name></author></source>
        </entry>
        """))
    XCTAssertEqual(feed.items.first?.title, "Entry title")
    XCTAssertNil(feed.items.first?.link)
    XCTAssertNil(feed.items.first?.author)
  }

  func testEnclosuresWithoutURLAreSkippedAndBadLengthsAreNull() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        """
        <item><enclosure type="audio/mpeg" length="10"/><enclosure url="http://x.example/a.mp3" length="-5"/>
        <enclosure url="http://x.example/b.mp3" length=" 77 " type="audio/mpeg"/></item>
        """))
    XCTAssertEqual(
      feed.items.first?.enclosures,
      [FeedEnclosure(url: "http://x.example/a.mp3"), FeedEnclosure(url: "http://x.example/b.mp3", type: "audio/mpeg", length: 77)])
  }

  func testNULBytesAndTruncatedUTF8() throws {
    var bytes = Array("<rss><channel><title>Nul".utf8) + [0x00] + Array("here é".utf8)
    bytes += Array("</title><item><title>cut ".utf8) + [0xE2, 0x80]
    let feed = try FeedFixture.feed(bytes: bytes)
    XCTAssertEqual(feed.title, "Nulhere é")
    XCTAssertEqual(feed.items.count, 1)
    XCTAssertFalse(feed.errors.isEmpty)
  }

  func testJSONThatIsNotAnObjectOrIsDeeplyNested() throws {
    XCTAssertEqual(try FeedFixture.feed("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [[[[1]]]]}").errors, ["items[0] is not an object"])
    let deep = "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": " + String(repeating: "[", count: 100_000)
      + String(repeating: "]", count: 100_000) + "}"
    let feed = try FeedFixture.feed(deep)  // refused by the JSON parser or read as nothing: never a crash
    XCTAssertEqual(feed.items, [])
    XCTAssertFalse(feed.errors.isEmpty)
  }

  func testEveryStringIsFreeOfControlCharacters() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        "<item><title>A&#x1B;[2Jb</title><link>http://x.example/\u{1B}]0;t\u{07}</link><guid>g&#x202E;1</guid><category>c&#x85;d</category></item>"))
    let json = FeedJSON(source: "s", document: .feed(feed)).encoded()
    XCTAssertFalse(json.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E || $0.value == 0x85 }, json)
  }

  func testADoctypeWithALongInternalSubsetIsStillAFeed() throws {
    let entities = (0..<300).map { "<!ENTITY e\($0) \"value > \($0)\">" }.joined()
    let rss = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\(entities)]>\n<rss version=\"2.0\"><channel><title>&e7;</title></channel></rss>"
    XCTAssertEqual(InputFormatSniffer.format(bytes: Array(rss.utf8), contentType: nil), .feed(.rss))
    XCTAssertEqual(try FeedFixture.feed(rss).title, "value > 7")
    let short = "<!DOCTYPE x [<!ENTITY a \"b>c\">]><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>"
    XCTAssertEqual(InputFormatSniffer.format(bytes: Array(short.utf8), contentType: nil), .feed(.atom))
  }
}
