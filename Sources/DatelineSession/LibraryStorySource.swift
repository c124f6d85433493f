import DatelineApp
import DatelineCore
import DatelineStore

/// The reader's stories served from the library: the list from one query, each story when it is opened, and
/// what the reader has seen and where it stopped written back.
public struct LibraryStorySource: StorySource {
  public let library: Library

  public init(library: Library) { self.library = library }

  /// The story list, most recently captured first.
  public func entries() throws(LibraryError) -> [StoryEntry] {
    try library.stories().map(StoryEntry.init)
  }

  /// The list index of the story read most recently, or 0.
  public func lastReadIndex(in entries: [StoryEntry]) -> Int {
    guard let last = try? library.lastReadStory() else { return 0 }
    return entries.firstIndex { $0.handle == last } ?? 0
  }

  public func loadStory(_ entry: StoryEntry) throws -> LoadedStory {
    guard let (story, stored) = try library.loadStoredStory(id: entry.handle) else {
      throw LibraryError.database(path: library.location.path, detail: "the story is no longer in the library")
    }
    var marks: [Int: UpdateMark] = [:]
    for update in stored { if let mark = update.mark { marks[update.index] = mark } }
    let position = try library.readingPosition(story: entry.handle).map { saved in
      ReadingSpot(update: saved.index, line: saved.index == nil ? 0 : saved.line)
    }
    return LoadedStory(
      story: story, entities: try library.storyEntities(story: entry.handle), marks: marks,
      updateHandles: stored.map(\.id), position: position)
  }

  public func storiesMentioning(_ entity: EntityID) throws -> [(handle: Int64, mentions: Int)] {
    try library.storiesMentioning(entity).map { ($0.story, $0.mentions) }
  }

  public func markSeen(_ entry: StoryEntry, updates: [Int64]) throws {
    try library.markRead(updates: updates)
  }

  public func saveReadingPosition(_ entry: StoryEntry, update: Int64?, line: Int) throws {
    try library.saveReadingPosition(story: entry.handle, update: update, line: line)
  }
}

extension StoryEntry {
  /// The list row of a library story.
  public init(_ summary: StorySummary) {
    self.init(
      handle: summary.id, headline: summary.headline, updateCount: summary.updateCount, markedCount: summary.markedCount)
  }
}
