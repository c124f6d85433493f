import Foundation
import XCTest

@testable import DatelineCore

/// Encodings from the BOM, the HTTP charset and the XML declaration; Windows-1252 bytes in a UTF-8 feed;
/// entities no DTD declares.
final class FeedEncodingTests: XCTestCase {
  private func rssBytes(declaration: String?, title: [UInt8]) -> [UInt8] {
    var bytes = Array((declaration.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>\n" } ?? "").utf8)
    bytes += Array("<rss version=\"2.0\"><channel><title>".utf8) + title + Array("</title></channel></rss>".utf8)
    return bytes
  }

  func testDeclaredLatin1() throws {
    let feed = try FeedFixture.feed(bytes: rssBytes(declaration: "ISO-8859-1", title: [0x43, 0x61, 0x66, 0xE9]))
    XCTAssertEqual(feed.title, "Café")
    XCTAssertEqual(feed.errors, [])
  }

  func testDeclaredEncodingThroughIconv() throws {
    // "Мир" in KOI8-R
    let feed = try FeedFixture.feed(bytes: rssBytes(declaration: "KOI8-R", title: [0xED, 0xC9, 0xD2]))
    XCTAssertEqual(feed.title, "Мир")
  }

  func testHTTPCharsetOverridesTheDeclaration() throws {
    let bytes = rssBytes(declaration: "UTF-8", title: [0x4E, 0x61, 0xEF, 0x76, 0x65])  // "Naïve" in Latin-1
    let feed = try FeedFixture.feed(bytes: bytes, contentType: "application/rss+xml; charset=\"iso-8859-1\"")
    XCTAssertEqual(feed.title, "Naïve")
    XCTAssertEqual(feed.errors, [])
  }

  func testBOMOverridesEverything() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><title>Ünïcode ✓</title></channel></rss>".utf16 {
      bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    let feed = try FeedFixture.feed(bytes: bytes, contentType: "text/xml; charset=us-ascii")
    XCTAssertEqual(feed.title, "Ünïcode ✓")
    let utf8BOM = try FeedFixture.feed(bytes: [0xEF, 0xBB, 0xBF] + rssBytes(declaration: "windows-1252", title: Array("Zoë".utf8)))
    XCTAssertEqual(utf8BOM.title, "Zoë")
  }

  func testUTF16BigEndianWithoutBOM() throws {
    var bytes: [UInt8] = []
    for unit in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Ω</title></feed>".utf16 {
      bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    XCTAssertEqual(try FeedFixture.feed(bytes: bytes).title, "Ω")
  }

  func testWindows1252BytesInAUTF8Feed() throws {
    // "It’s “café” – é" written by an editor in Windows-1252, in a feed that says UTF-8, beside real UTF-8.
    let title: [UInt8] = [0x49, 0x74, 0x92, 0x73, 0x20, 0x93, 0x63, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x96, 0x20, 0xC3, 0xA9]
    let feed = try FeedFixture.feed(bytes: rssBytes(declaration: "utf-8", title: title))
    XCTAssertEqual(feed.title, "It’s “café” – é")
    XCTAssertEqual(feed.errors.count, 1)
  }

  func testUnknownEncodingIsReadAsUTF8WithAnError() throws {
    let feed = try FeedFixture.feed(bytes: rssBytes(declaration: "x-no-such-charset", title: Array("plain".utf8)))
    XCTAssertEqual(feed.title, "plain")
    XCTAssertEqual(feed.errors, ["unknown encoding 'x-no-such-charset': read as UTF-8"])
  }

  func testUndeclaredHTMLEntitiesAreDecoded() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        "<item><title>M&uuml;nchen &ndash; caf&eacute; &copy; &hellip;</title><description>&nbsp;x &amp; &#233; &#x263A; &#150;</description></item>"))
    XCTAssertEqual(feed.items.first?.title, "München – café © …")
    XCTAssertEqual(feed.items.first?.summary, "\u{A0}x & é ☺ –", "a numeric reference to 150 means Windows-1252's en dash")
    XCTAssertEqual(feed.errors.count, 1)
    XCTAssertTrue(feed.errors[0].contains("&uuml;"), feed.errors[0])
  }

  func testDeclaredInternalEntitiesAreExpanded() throws {
    let feed = try FeedFixture.feed(
      """
      <?xml version="1.0"?>
      <!DOCTYPE rss [<!ENTITY port "Port &amp; Harbour"> <!ENTITY nested "The &port; Authority">]>
      <rss version="2.0"><channel><title>&nested;</title></channel></rss>
      """)
    XCTAssertEqual(feed.title, "The Port & Harbour Authority")
    XCTAssertEqual(feed.errors, [])
  }

  func testUnknownEntitiesAndBareAmpersandsStayAsText() throws {
    let feed = try FeedFixture.feed(FeedFixture.rss("<item><title>Fish & chips &notanentity; Q&A</title></item>"))
    XCTAssertEqual(feed.items.first?.title, "Fish & chips &notanentity; Q&A")
    XCTAssertEqual(feed.errors.count, 2, "\(feed.errors)")
  }

  func testCDATAIsLeftAlone() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss("<item><title><![CDATA[Rock & Roll &uuml;]]></title><description><![CDATA[<b>&amp;</b> fine]]></description></item>"))
    XCTAssertEqual(feed.items.first?.title, "Rock & Roll ü", "CDATA text that looks like HTML is read as HTML")
    XCTAssertEqual(feed.items.first?.summary, "& fine")
  }

  func testControlCharactersAndEscapesNeverPass() throws {
    let feed = try FeedFixture.feed(bytes: rssBytes(declaration: nil, title: Array("Bell\u{07} \u{1B}[31mred\u{1B}[0m &#x202E;x".utf8)))
    let title = try XCTUnwrap(feed.title)
    XCTAssertFalse(title.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E }, title)
    XCTAssertTrue(title.contains("red"))
  }
}
