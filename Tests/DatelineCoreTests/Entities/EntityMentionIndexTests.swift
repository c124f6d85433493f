import XCTest
@testable import DatelineCore

final class EntityMentionIndexTests: XCTestCase {
  private func story(_ headline: String, _ paragraphs: [String]) -> Story {
    Story(
      source: "test", headline: headline,
      updates: [Update(title: nil, line: 2, paragraphs: paragraphs.enumerated().map { Paragraph(line: $0.offset + 2, text: $0.element) })])
  }

  func testMentionsInReadingOrderWithNextAndPreviousAcrossStories() throws {
    let analyzer = StoryEntityAnalyzer()
    let a = analyzer.analyze(story("Storms hit Lisbon", ["Rain fell in Lisbon again.", "Nothing else happened."]))
    let b = analyzer.analyze(story("Lisbon cleans up", ["Crews in Lisbon worked all night."]))
    let index = MentionIndex(stories: [a, b])
    let lisbon = try XCTUnwrap(index.entities.values.first { $0.name == "Lisbon" })
    let all = index.mentions(of: lisbon.id)
    XCTAssertEqual(all.count, 4, "\(a) \(b)")
    guard all.count == 4 else { return }
    XCTAssertEqual(all.map(\.story), [0, 0, 1, 1])
    XCTAssertEqual(all, all.sorted())
    XCTAssertEqual(index.next(of: lisbon.id, after: all[1]), all[2])
    XCTAssertEqual(index.previous(of: lisbon.id, before: all[2]), all[1])
    XCTAssertNil(index.next(of: lisbon.id, after: all[3]))
    XCTAssertNil(index.previous(of: lisbon.id, before: all[0]))
    XCTAssertEqual(index.mentionCount(of: lisbon.id, inStory: 1), 2)
    XCTAssertEqual(Array(index.mentions(of: lisbon.id, inStory: 0)), Array(all[0..<2]))
    XCTAssertEqual(Array(index.mentions(of: lisbon.id, inStory: 1)), Array(all[2..<4]))
    XCTAssertTrue(index.mentions(of: lisbon.id, inStory: 2).isEmpty)
    XCTAssertEqual(index.storyCounts(of: lisbon.id).map(\.story), [0, 1])
    XCTAssertEqual(index.storyCounts(of: lisbon.id).map(\.mentions), [2, 2])
  }

  func testStoryMentionsCoverEveryPartAndPointAtTheirText() {
    var s = story("Talks in Geneva", ["Envoys met in Geneva."])
    s.standfirst = "Delegates from Norway arrive"
    s.standfirstLine = 2
    s.updates[0].links = [LinkCard(line: 9, title: "What Oslo wants", summary: "A guide to Norway", summaryLine: 10)]
    let result = StoryEntityAnalyzer().analyze(s)
    for mention in result.mentions {
      let text = s.text(of: mention.part) ?? ""
      let scalars = Array(text.unicodeScalars)
      XCTAssertEqual(EntityRecognizer.string(scalars, mention.start..<(mention.start + mention.length)), mention.text)
    }
    let parts = Set(result.mentions.map(\.part))
    XCTAssertTrue(parts.contains(.headline))
    XCTAssertTrue(parts.contains(.standfirst))
    XCTAssertTrue(parts.contains(.linkTitle(update: 0, index: 0)))
    XCTAssertTrue(parts.contains(.linkSummary(update: 0, index: 0)))
  }
}
