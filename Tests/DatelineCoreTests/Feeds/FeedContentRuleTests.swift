import XCTest

@testable import DatelineCore

/// When a feed item holds its article, and when only a teaser for its linked page (fixtures fictional).
final class FeedContentRuleTests: XCTestCase {
  let rule = FeedContentRule.standard

  /// `count` words of made-up text, in sentences of eight words.
  func words(_ count: Int, ending: String = ".") -> String {
    let vocabulary = ["harbour", "ferry", "council", "tide", "pier", "lantern", "crew", "morning", "gulls", "quay"]
    var out: [String] = []
    for n in 0..<count { out.append(vocabulary[n % vocabulary.count] + ((n + 1) % 8 == 0 ? "." : "")) }
    return out.joined(separator: " ") + ending
  }

  func item(summary: String? = nil, content: String? = nil) -> FeedItem {
    FeedItem(id: "1", title: "T", link: "http://gazette.example/a", summary: summary, content: content)
  }

  func testAFullContentElementIsTheArticle() {
    XCTAssertTrue(rule.hasFullText(item(summary: "A short summary.", content: words(300))))
    XCTAssertTrue(rule.hasFullText(item(content: words(60))))
  }

  func testNoTextAtAllWantsThePage() {
    XCTAssertFalse(rule.hasFullText(item()))
    XCTAssertFalse(rule.hasFullText(item(summary: "", content: "")))
  }

  func testASummaryAloneIsATeaserUnlessItIsLong() {
    XCTAssertFalse(rule.hasFullText(item(summary: words(40))))
    XCTAssertFalse(rule.hasFullText(item(summary: words(149))))
    // A description that runs to an article's length is the article.
    XCTAssertTrue(rule.hasFullText(item(summary: words(150))))
  }

  func testATwoSentenceTeaserInContentWantsThePage() {
    let teaser = "The harbour ferry returned to service this morning. Crews worked through the night on the pier."
    XCTAssertFalse(rule.hasFullText(item(summary: "Ferry back.", content: teaser)))
    XCTAssertFalse(rule.hasFullText(item(content: words(59))))
  }

  func testContentThatOnlyRepeatsTheSummaryCountsAsNoContent() {
    let summary = words(80)
    // 80 words would do as content, but it is the summary again (spacing and case aside): judged as a summary.
    XCTAssertFalse(rule.hasFullText(item(summary: summary, content: summary.uppercased().replacingOccurrences(of: " ", with: "  "))))
    XCTAssertTrue(rule.hasFullText(item(summary: words(200), content: words(200))))
  }

  func testTeaserEndingsWantThePageHoweverLong() {
    for ending in [" […]", " [...]", "…", "...", " Continue reading →", " Continue reading The Ferry Story »", " Read more", " (more…)",
      " Read the full story at the Gazette.", " Keep reading"]
    {
      XCTAssertFalse(rule.hasFullText(item(content: words(400, ending: ending))), ending)
    }
    XCTAssertTrue(rule.isTeaser("Lorem ipsum dolor. Continue reading \u{201C}The Pier\u{201D}"))
  }

  func testAWordPressFooterIsLookedPast() {
    let excerpt = words(55, ending: " […]") + " The post Ferry back appeared first on Harbour Gazette."
    XCTAssertFalse(rule.hasFullText(item(summary: excerpt)))
    let full = words(400) + " The post Ferry back appeared first on Harbour Gazette."
    XCTAssertTrue(rule.hasFullText(item(summary: "Short.", content: full)))
    XCTAssertEqual(FeedContentRule.withoutFooter("No footer here."), "No footer here.")
  }

  func testOrdinaryEndingsAreNotTeasers() {
    XCTAssertFalse(rule.isTeaser("The council said there would be more."))
    XCTAssertFalse(rule.isTeaser("She said: \u{201C}We will be back.\u{201D}"))
    XCTAssertFalse(rule.isTeaser(words(30)))
  }

  func testThresholdsAreData() {
    var lenient = rule
    lenient.minimumContentWords = 5
    lenient.teaserPhrases = []
    XCTAssertTrue(lenient.hasFullText(item(content: "One two three four five six.")))
    XCTAssertFalse(rule.hasFullText(item(content: "One two three four five six.")))
  }

  func testRealShapedFeedItemsFromTheReaders() throws {
    let feed = try FeedFixture.feed(
      FeedFixture.rss(
        """
        <item><title>Full</title><link>http://gazette.example/full</link><description>Short.</description>
        <content:encoded><![CDATA[<p>\(words(120))</p><p>\(words(40))</p>]]></content:encoded></item>
        <item><title>Teaser</title><link>http://gazette.example/teaser</link>
        <description><![CDATA[<p>\(words(50))</p><p><a href="http://gazette.example/teaser">Continue reading <span>Teaser</span> &rarr;</a></p>]]></description></item>
        """))
    XCTAssertTrue(rule.hasFullText(feed.items[0]))
    XCTAssertFalse(rule.hasFullText(feed.items[1]))
  }
}
