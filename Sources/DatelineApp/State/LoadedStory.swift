import DatelineCore

/// A story in memory: its text, entities and mentions, which updates are marked new or changed, and where the
/// reader left it last time.
public struct LoadedStory: Sendable, Hashable {
  public var story: Story
  public var entities: StoryEntities
  /// Marks by update index (page order).
  public var marks: [Int: UpdateMark]
  /// The source's id for each update, by index (the library's row ids; empty for stories read from files).
  public var updateHandles: [Int64]
  /// Where the reader was when it last left the story, if anywhere.
  public var position: ReadingSpot?
  /// The page the story links to when the story holds only its feed's teaser: it is read into the story when
  /// the story is opened (`Effect.readLinkedPage`). Nil when the story holds its text.
  public var linkedPage: String?
  /// How much of the story `entities` were found in (the first screen's updates only, until the rest is done).
  public var entityCoverage: EntityCoverage

  public init(
    story: Story, entities: StoryEntities = StoryEntities(), marks: [Int: UpdateMark] = [:],
    updateHandles: [Int64] = [], position: ReadingSpot? = nil, linkedPage: String? = nil,
    entityCoverage: EntityCoverage = .whole
  ) {
    self.linkedPage = linkedPage
    self.story = story
    self.entities = entities
    self.entityCoverage = entityCoverage
    self.marks = marks
    self.updateHandles = updateHandles
    self.position = position
  }
}

/// A reading position: the update at the top of the pane (nil above the first, at the headline) and how many
/// lines into it the pane is scrolled.
public struct ReadingSpot: Sendable, Hashable {
  public var update: Int?
  public var line: Int

  public init(update: Int?, line: Int) {
    self.update = update
    self.line = max(0, line)
  }
}

/// How often one story of the list mentions an entity.
public struct EntityReach: Sendable, Hashable {
  /// The story's index in the list.
  public var story: Int
  public var mentions: Int

  public init(story: Int, mentions: Int) {
    self.story = story
    self.mentions = mentions
  }
}
