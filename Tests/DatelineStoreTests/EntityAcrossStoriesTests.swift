import DatelineCore
import XCTest

@testable import DatelineStore

/// A stand-in recogniser: finds "Antony Blinken" and "Blinken" in every part, so tests do not depend on the model.
enum BlinkenAnalysis {
  static let id = EntityID(type: .person, name: "Antony Blinken")

  @Sendable static func analyze(_ story: Story) -> StoryEntities {
    var mentions: [Mention] = []
    var forms = Set<String>()
    for (part, text) in story.textParts {
      for form in ["Antony Blinken", "Secretary Blinken", "Blinken"] {
        var searchStart = text.startIndex
        while let range = text.range(of: form, range: searchStart..<text.endIndex) {
          let covered = mentions.contains { $0.part == part && $0.start <= text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound) && text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound) < $0.start + $0.length }
          if !covered {
            let start = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)
            mentions.append(Mention(entity: id, part: part, start: start, length: form.unicodeScalars.count, text: form))
            forms.insert(form)
          }
          searchStart = range.upperBound
        }
      }
    }
    guard !mentions.isEmpty else { return StoryEntities() }
    let aliases = forms.subtracting(["Antony Blinken"]).sorted()
    return StoryEntities(entities: [Entity(name: "Antony Blinken", type: .person, aliases: aliases, id: id)], mentions: mentions)
  }
}

final class EntityAcrossStoriesTests: XCTestCase {
  func testOneEntityAcrossTwoStoriesHasOneRowUnionAliasesAndCountsPerStory() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let library = try Library(path: dir.appendingPathComponent("library.sqlite").path)
    let first = StoreFixtures.capture(
      headline: "Diplomacy live: Antony Blinken arrives in Seoul for talks with allies",
      updates: [("Talks begin", ["Blinken met the foreign minister on Tuesday morning.", "Antony Blinken then spoke to reporters."])])
    let second = StoreFixtures.capture(
      headline: "Election night: results from every district as counting goes on",
      updates: [("Reaction from abroad", ["Secretary Blinken congratulated the winner in a statement late on Tuesday."])])
    try StoreFixtures.importText(first, source: "one.txt", into: library, analyze: BlinkenAnalysis.analyze)
    try StoreFixtures.importText(second, source: "two.txt", into: library, analyze: BlinkenAnalysis.analyze)

    let rows = try library.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entities") }
    XCTAssertEqual(rows, 1)
    let entity = try XCTUnwrap(library.entity(BlinkenAnalysis.id))
    XCTAssertEqual(entity.name, "Antony Blinken")
    XCTAssertEqual(Set(entity.aliases), ["Blinken", "Secretary Blinken"])

    let stories = try library.storiesMentioning(BlinkenAnalysis.id)
    XCTAssertEqual(stories.count, 2)
    XCTAssertEqual(stories.map(\.mentions), [3, 1])
    let mentions = try library.mentions(of: BlinkenAnalysis.id)
    XCTAssertEqual(mentions.count, 4)
    XCTAssertEqual(Set(mentions.map(\.story)).count, 2)

    // Per story, in page-order parts the reader's MentionIndex takes.
    let firstID = try XCTUnwrap(stories.first?.story)
    let storyEntities = try library.storyEntities(story: firstID)
    XCTAssertEqual(storyEntities.mentions.map(\.part), [.headline, .paragraph(update: 0, index: 0), .paragraph(update: 0, index: 1)])
    let index = MentionIndex(stories: [storyEntities, try library.storyEntities(story: stories[1].story)])
    XCTAssertEqual(index.mentions(of: BlinkenAnalysis.id).count, 4)

    // Removing the second story takes its alias with it.
    try library.removeStory(id: stories[1].story)
    XCTAssertEqual(try library.entity(BlinkenAnalysis.id)?.aliases, ["Blinken"])
  }

  func testOnlyNewAndChangedUpdatesAreAnalysedAgain() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let library = try Library(path: dir.appendingPathComponent("library.sqlite").path)
    let headline = "Diplomacy live: talks in Seoul continue for a second day"
    let one = StoreFixtures.capture(headline: headline, updates: [("Talks begin", ["Blinken met the foreign minister."])])
    let two = StoreFixtures.capture(
      headline: headline,
      updates: [("Talks end", ["Antony Blinken flew home."]), ("Talks begin", ["Blinken met the foreign minister."])])
    try StoreFixtures.importText(one, source: "1.txt", into: library, analyze: BlinkenAnalysis.analyze)
    try StoreFixtures.importText(two, source: "2.txt", into: library, analyze: BlinkenAnalysis.analyze)
    let story = try XCTUnwrap(library.stories().first)
    let parts = try library.storyEntities(story: story.id).mentions.map(\.part)
    XCTAssertEqual(parts, [.paragraph(update: 0, index: 0), .paragraph(update: 1, index: 0)])
  }
}
