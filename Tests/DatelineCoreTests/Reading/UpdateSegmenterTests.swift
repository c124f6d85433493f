import XCTest

@testable import DatelineCore

/// Segmentation rules on captures we wrote ourselves, one signal at a time.
final class UpdateSegmenterTests: XCTestCase {
  private func titles(_ story: Story) -> [String?] { story.updates.map(\.title) }

  func testUntitledLeadThenTitledUpdates() throws {
    let story = try Fixtures.story(Fixtures.capture([
      "The harbour authority closed the port at dawn, officials said.",
      "Ferries to the islands were cancelled.",
      "Storm reaches the northern coast",
      "Winds of 120km/h were recorded at the lighthouse on Tuesday.",
    ]))
    XCTAssertEqual(story.standfirst, "A standfirst that sums it up")
    XCTAssertEqual(titles(story), [nil, "Storm reaches the northern coast"])
    XCTAssertEqual(story.updates[0].line, 3, "the lead starts at its first paragraph")
    XCTAssertEqual(story.updates[0].paragraphs.count, 2)
  }

  func testQuestionTitleOpensAnUpdate() throws {
    let story = try Fixtures.story(Fixtures.capture([
      "Opening paragraph of the lead.",
      "What happens to the evacuated families now?",
      "They will stay in school gyms until the water falls, the council said.",
    ]))
    XCTAssertEqual(titles(story), [nil, "What happens to the evacuated families now?"])
  }

  func testQuotationContinuedOverParagraphsStaysText() throws {
    let story = try Fixtures.story(Fixtures.capture([
      "Mayor warns of a long night",
      "The mayor said: “We have done what we can with the sandbags we had.",
      "“The rest depends on the weather in the mountains and on the dykes holding up",
      "“We will know more by morning.”",
    ]))
    XCTAssertEqual(story.updates.count, 1)
    XCTAssertEqual(story.updates[0].paragraphs.count, 3)
  }

  func testTitleThatStartsWithAQuotation() throws {
    let story = try Fixtures.story(Fixtures.capture([
      "Lead paragraph.",
      "‘We were not warned’ residents tell inquiry into the flood",
      "Residents told the inquiry they had received no warning.",
    ]))
    XCTAssertEqual(story.updates.count, 2)
    XCTAssertEqual(story.updates[1].paragraphs.count, 1)
  }

  func testCardAfterALeadIn() throws {
    let story = try Fixtures.story(Fixtures.capture([
      "Talks resume in the capital",
      "Negotiators met again on Friday, the ministry said.",
      "Read more:",
      "Why the talks collapsed last spring",
      "Both sides blamed the other for the breakdown",
      "Next post opens here",
      "It has a paragraph of its own.",
    ]))
    XCTAssertEqual(titles(story), ["Talks resume in the capital", "Next post opens here"])
    XCTAssertEqual(story.updates[0].links, [LinkCard(line: 6, title: "Why the talks collapsed last spring",
      summary: "Both sides blamed the other for the breakdown", summaryLine: 7)])
    XCTAssertEqual(story.removed.map(\.text), ["Read more:"])
  }

  func testBylineLeadInIsTextAndTheCardFollowsIt() throws {
    let story = try Fixtures.story(Fixtures.capture([
      "Farmers count the cost",
      "Thousands of hectares of wheat are under water.",
      "Sam Doe reports:",
      "How the flood wiped out a season of harvests",
      "Farmers along the river say insurance will not cover the losses",
      "In pictures: The flooded fields from above",
    ]))
    XCTAssertEqual(story.updates.count, 2)
    XCTAssertEqual(story.updates[0].paragraphs.map(\.text).last, "Sam Doe reports:")
    XCTAssertEqual(story.updates[0].links.first?.summaryLine, 7)
    XCTAssertEqual(story.updates[1].kind, .pictures)
    XCTAssertEqual(story.updates[1].paragraphs, [])
  }

  func testRepeatedOrShortenedTitleIsACard() throws {
    let story = try Fixtures.story(Fixtures.capture([
      "Rail line reopens after three days of repairs to the embankment",
      "Trains ran again on Monday morning, the operator said.",
      "Rail line reopens after three days of repairs",
      "Next post opens here",
      "With its own paragraph.",
    ]))
    XCTAssertEqual(story.updates.count, 2)
    XCTAssertEqual(story.updates[0].links.map(\.title), ["Rail line reopens after three days of repairs"])
    XCTAssertNil(story.updates[0].links[0].summary, "a title-like line after a bare link is the next title")
  }

  func testRepeatedTitleTakesALongSummary() throws {
    let long = "The operator said on Monday that services on the coastal line would run to a reduced timetable "
      + "for the rest of the week while engineers finish work on the damaged embankment near the estuary"
    let story = try Fixtures.story(Fixtures.capture([
      "Rail line reopens", "Trains ran again on Monday.", "Rail line reopens", long,
    ]))
    XCTAssertEqual(story.updates.count, 1)
    XCTAssertEqual(story.updates[0].links.first?.summary, long)
  }

  func testTitleWithUnpunctuatedSummaryAndNoTextIsACard() throws {
    let story = try Fixtures.story(Fixtures.capture([
      "Bridge closed to lorries",
      "The bridge will stay closed to heavy traffic until inspectors report.",
      "Engineers find cracks in three more bridges",
      "Inspections ordered on every crossing built before 1970",
      "Watch: The moment the bridge was closed",
    ]))
    XCTAssertEqual(titles(story), ["Bridge closed to lorries", "Watch: The moment the bridge was closed"])
    XCTAssertEqual(story.updates[0].links.count, 1)
    XCTAssertEqual(story.updates[1].kind, .video)
  }

  func testTitleOnlyPostBeforeAnotherTitle() throws {
    let story = try Fixtures.story(Fixtures.capture([
      "Lead paragraph.",
      "Minister visits the flooded villages",
      "Council announces emergency fund",
      "The council will release two million euros, it said.",
    ]))
    XCTAssertEqual(titles(story), [nil, "Minister visits the flooded villages", "Council announces emergency fund"])
    XCTAssertEqual(story.updates[1].paragraphs, [])
  }

  func testTimeAboveATitleIsTheUpdateTime() throws {
    let story = try Fixtures.story(Fixtures.capture([
      "Lead paragraph.", "14:05 BST", "Polls close in the north", "Counting has begun in 40 districts.",
    ]))
    XCTAssertEqual(story.updates[1].time, "14:05 BST")
    XCTAssertEqual(story.updates[1].sourceLines, [4, 5, 6])
  }

  func testBlankLinesBetweenParagraphsAreIgnoredButNumbered() throws {
    let story = try Fixtures.story("Headline here\n\nStandfirst here\n\nFirst paragraph.\n\nTitle of a post\n\nIts text.\n")
    XCTAssertEqual(story.standfirstLine, 3)
    XCTAssertEqual(story.updates.map(\.line), [5, 7])
    XCTAssertEqual(story.updates[1].paragraphs.map(\.line), [9])
  }

  func testDuplicateTitlesGetDistinctIdentities() throws {
    let story = try Fixtures.story(Fixtures.capture([
      "Lead.", "Latest", "One thing happened.", "Latest", "Another thing happened.",
    ]))
    XCTAssertEqual(Set(story.updates.map(\.id)).count, story.updates.count)
  }
}
