import XCTest

@testable import DatelineCore

final class InputFormatSnifferTests: XCTestCase {
  private func format(_ text: String, contentType: String? = nil) -> InputFormat {
    InputFormatSniffer.format(bytes: Array(text.utf8), contentType: contentType)
  }

  func testRecognisesHTMLByDoctypeOrFirstElement() {
    XCTAssertEqual(format("<!DOCTYPE html><html><body>x</body></html>"), .html)
    XCTAssertEqual(format("\n  <!-- saved page --><html lang=en>"), .html)
    XCTAssertEqual(format("<div><p>fragment</p></div>"), .html)
    XCTAssertEqual(format("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\"><html>"), .html)
  }

  func testRecognisesFeedsAndSubscriptionLists() {
    XCTAssertEqual(format("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>"), .feed(.rss))
    XCTAssertEqual(format("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>"), .feed(.rdf))
    XCTAssertEqual(format("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"), .feed(.atom))
    XCTAssertEqual(format("<?xml version=\"1.0\"?>\n<!-- list --><opml version=\"2.0\"></opml>"), .opml)
    XCTAssertEqual(format("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"x\", \"items\": []}"), .feed(.jsonFeed))
  }

  func testPlainTextIsACaptureWhateverItIsCalled() {
    XCTAssertEqual(format("Live: storm reaches the coast\nThe latest updates.\n"), .textCapture)
    XCTAssertEqual(format("<3 the new bridge\nmore text"), .textCapture)
    XCTAssertEqual(format("{\"title\": \"not a feed\"}"), .textCapture)
  }

  func testContentTypeDecidesOnlyWhenTheBytesDoNot() {
    XCTAssertEqual(format("plain words", contentType: "text/html; charset=utf-8"), .html)
    XCTAssertEqual(format("<rss version=\"2.0\"></rss>", contentType: "text/html"), .feed(.rss))
    XCTAssertEqual(format("plain words", contentType: "text/plain"), .textCapture)
  }

  func testUTF16PagesAreSeenThroughTheirByteOrderMark() {
    let page = "<!doctype html><html><body>x</body></html>"
    XCTAssertEqual(InputFormatSniffer.format(bytes: [0xFF, 0xFE] + page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, contentType: nil), .html)
    XCTAssertEqual(InputFormatSniffer.format(bytes: [0xEF, 0xBB, 0xBF] + Array(page.utf8), contentType: nil), .html)
  }

  func testStoryReaderRefusesFeedsWithOneClearLine() {
    let document = InputDocument(bytes: Array("<rss version=\"2.0\"><channel></channel></rss>".utf8), source: "news.xml")
    XCTAssertThrowsError(try StoryReader().read(document)) { error in
      XCTAssertEqual((error as? CaptureReadError)?.description, "news.xml: this is a feed (RSS feed), not a page: follow it with 'dateline subscribe news.xml', or see it with 'dateline parse'")
    }
  }
}
