import DatelineCore
import Foundation

@testable import DatelineApp

/// Hand-built stories and entities for the reducer and screen tests.
enum Fixtures {
  static let blinken = Entity(name: "Antony Blinken", type: .person, aliases: ["Blinken"])
  static let zelensky = Entity(name: "Volodymyr Zelensky", type: .person, aliases: ["Zelensky"])
  static let kyiv = Entity(name: "Kyiv", type: .place)
  static let nato = Entity(name: "NATO", type: .organization)

  /// A live blog of three updates (newest first) with a link card.
  static let story = Story(
    source: "test", headline: "Blinken meets Zelensky in Kyiv",
    standfirst: "The US secretary of state is on his fourth visit.",
    updates: [
      Update(
        title: "Blinken arrives in Kyiv", line: 3,
        paragraphs: [
          Paragraph(line: 4, text: "Antony Blinken arrived in Kyiv on Tuesday for talks with Zelensky."),
          Paragraph(line: 5, text: "NATO allies are watching the visit closely."),
        ]),
      Update(
        title: "Zelensky addresses parliament", line: 6,
        paragraphs: [Paragraph(line: 7, text: "Zelensky said Kyiv needs more air defence before winter.")],
        links: [LinkCard(line: 8, title: "What we know about the aid", summary: "A guide to the package.")]),
      Update(
        title: "NATO ministers meet", line: 9,
        paragraphs: [Paragraph(line: 10, text: "Blinken will join NATO ministers in Brussels on Wednesday.")]),
    ])

  /// A second story that mentions Blinken once.
  static let secondStory = Story(
    source: "test2", headline: "Aid talks continue",
    updates: [Update(title: "Talks", line: 3, paragraphs: [Paragraph(line: 4, text: "Officials said Blinken was upbeat.")])])

  /// Mentions found by exact matching of the names (the recogniser's job, done by hand here).
  static func entities(for story: Story, _ list: [Entity]) -> StoryEntities {
    NameListEntities(entities: list).analyze(story)
  }

  static let storyEntities = entities(for: story, [blinken, zelensky, kyiv, nato])
  static let secondEntities = entities(for: secondStory, [blinken])

  static var keymap: Keymap { Keymap.defaults(from: BundledResource.text("keymap.conf") ?? "") }

  /// The state for the two stories on a screen of the given size.
  static func state(width: Int = 80, height: Int = 24) -> AppState {
    AppState(
      stories: [story, secondStory], entities: [storyEntities, secondEntities], keymap: keymap, width: width,
      height: height)
  }

  /// A story with no updates and no entities.
  static func emptyState(width: Int = 80, height: Int = 24) -> AppState {
    AppState(
      stories: [Story(source: "empty", headline: "Nothing yet")], entities: [], keymap: keymap, width: width,
      height: height)
  }
}

/// Runs commands in order from `state`.
func apply(_ state: AppState, _ commands: Command...) -> AppState {
  commands.reduce(state) { reduce($0, $1).0 }
}

/// Types keys in order (for the search prompt).
func type(_ state: AppState, _ keys: [Key]) -> AppState {
  keys.reduce(state) { Reducer.reduce($0, .key($1)).0 }
}

func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }
