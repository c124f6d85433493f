import DatelineCore

/// One story held in memory, served as a library would serve it (no marks, nothing saved): the reader's first
/// frame of `dateline FILE` comes from it while the temporary library is still being made.
public struct MemoryStorySource: StorySource {
  public let story: LoadedStory

  public init(story: Story, entities: StoryEntities) { self.story = LoadedStory(story: story, entities: entities) }

  /// The list entry of the story.
  public var entry: StoryEntry {
    StoryEntry(handle: 0, headline: story.story.headline, updateCount: story.story.updates.count)
  }

  public func entries() -> [StoryEntry] { [entry] }

  public func loadStory(_ entry: StoryEntry) -> LoadedStory { story }

  public func storiesMentioning(_ entity: EntityID) -> [(handle: Int64, mentions: Int)] {
    let count = story.entities.mentions.filter { $0.entity == entity }.count
    return count > 0 ? [(handle: Int64(0), mentions: count)] : []
  }

  public func markSeen(_ entry: StoryEntry, updates: [Int64]) {}

  public func saveReadingPosition(_ entry: StoryEntry, update: Int64?, line: Int) {}
}
