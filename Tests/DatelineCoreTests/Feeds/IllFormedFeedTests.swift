import Foundation
import XCTest

@testable import DatelineCore

/// Ill-formed, hostile and huge inputs: read as far as they go with the problem under `errors`, or one clear
/// error; never a crash, a hang, or a file read.
final class IllFormedFeedTests: XCTestCase {
  func testUnclosedTagsAreReadAsFarAsTheyGo() throws {
    let feed = try FeedFixture.feed(
      """
      <rss version="2.0"><channel><title>Broken</title>
      <item><title>First</title><link>http://broken.example/1</link></item>
      <item><title>Second<link>http://broken.example/2</link></item>
      """)
    XCTAssertEqual(feed.title, "Broken")
    XCTAssertGreaterThanOrEqual(feed.items.count, 1)
    XCTAssertEqual(feed.items.first?.title, "First")
    XCTAssertFalse(feed.errors.isEmpty)
  }

  func testMismatchedTagsAndStrayLessThan() throws {
    let feed = try FeedFixture.feed(
      "<rss><channel><title>1 < 2</title><item><title>a</b></title><description>x</description></item></channel></rss>")
    XCTAssertEqual(feed.title, "1 < 2")
    XCTAssertEqual(feed.items.count, 1)
    XCTAssertEqual(feed.items.first?.title, "a")
    XCTAssertFalse(feed.errors.isEmpty)
  }

  func testGarbageAfterTheRoot() throws {
    let feed = try FeedFixture.feed("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed> trailing <junk>")
    XCTAssertEqual(feed.title, "t")
    XCTAssertFalse(feed.errors.isEmpty)
  }

  func testBillionLaughsIsBounded() throws {
    var doctype = "<!DOCTYPE rss [<!ENTITY lol \"lol\">"
    var previous = "lol"
    for level in 1...9 {
      let name = "lol\(level)"
      doctype += "<!ENTITY \(name) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
      previous = name
    }
    doctype += "]>"
    let xml = "<?xml version=\"1.0\"?>\(doctype)<rss version=\"2.0\"><channel><title>&\(previous);</title><item><title>&\(previous);</title></item></channel></rss>"
    let started = Date()
    let result = FeedReading.read(Array(xml.utf8))
    XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    if case .success(.feed(let feed)) = result {
      XCTAssertLessThanOrEqual((feed.title ?? "").utf8.count + (feed.items.first?.title ?? "").utf8.count, 1 << 23)
      XCTAssertFalse(feed.errors.isEmpty, "the expansion is named as a problem")
    }
  }

  func testQuadraticBlowupIsBounded() throws {
    let big = String(repeating: "x", count: 100_000)
    let references = String(repeating: "&big;", count: 20_000)
    let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(big)\">]><rss><channel><title>\(references)</title></channel></rss>"
    let started = Date()
    let result = FeedReading.read(Array(xml.utf8))
    XCTAssertLessThan(Date().timeIntervalSince(started), 20)
    if case .success(.feed(let feed)) = result {
      XCTAssertLessThanOrEqual((feed.title ?? "").utf8.count, 1 << 23)
    }
  }

  func testExternalEntitiesAreNeverLoaded() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-xxe-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let secret = directory.appendingPathComponent("secret.txt")
    try "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
    let dtd = directory.appendingPathComponent("evil.dtd")
    try "<!ENTITY leak \"TOP-SECRET-CONTENT\">".write(to: dtd, atomically: true, encoding: .utf8)
    let documents = [
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"\(secret.absoluteString)\">]><rss><channel><title>&xxe;</title><item><description>&xxe;</description></item></channel></rss>",
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"\(secret.path)\">]><rss><channel><title>a&xxe;b</title></channel></rss>",
      "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"\(dtd.absoluteString)\"><rss><channel><title>&leak;</title></channel></rss>",
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY % ext SYSTEM \"\(dtd.absoluteString)\"> %ext;]><rss><channel><title>&leak;</title></channel></rss>",
      "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/never\">]><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&xxe;</title></feed>",
    ]
    for xml in documents {
      let result = FeedReading.read(Array(xml.utf8))
      guard case .success(.feed(let feed)) = result else { continue }
      XCTAssertFalse(FeedJSON(source: "x", document: .feed(feed)).encoded().contains("TOP-SECRET"), xml)
    }
  }

  func testNonXMLBytesAndEmptyInputGiveOneClearError() {
    func failure(_ bytes: [UInt8]) -> String? {
      if case .failure(let error) = FeedReading.read(bytes) { return error.message }
      return nil
    }
    XCTAssertEqual(failure([]), "empty file")
    XCTAssertEqual(failure(Array("  \n\t ".utf8)), "nothing but whitespace")
    XCTAssertEqual(failure([0x00, 0x01, 0xFF, 0xFE, 0x80, 0x13, 0x37]), "not a feed: neither XML nor JSON")
    XCTAssertEqual(failure(Array("just some words".utf8)), "not a feed: neither XML nor JSON")
    XCTAssertEqual(failure(Array("<html><body>page</body></html>".utf8)), "not a feed: the document's root element is <html>")
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<50 {
      let bytes = (0..<Int.random(in: 1...400, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
      _ = FeedReading.read(bytes)  // any answer but a crash
    }
  }

  func testAFeedOf100000Items() throws {
    var xml = "<rss version=\"2.0\"><channel><title>Many</title>"
    xml.reserveCapacity(9_000_000)
    for index in 0..<100_000 {
      xml += "<item><title>Item \(index)</title><link>http://many.example/\(index)</link><guid>g\(index)</guid></item>"
    }
    xml += "</channel></rss>"
    let feed = try FeedFixture.feed(xml)
    XCTAssertEqual(feed.items.count, 100_000)
    XCTAssertEqual(feed.items.last?.title, "Item 99999")
    XCTAssertEqual(feed.errors, [])
  }
}
