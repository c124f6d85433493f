import DatelineCore
import Foundation

/// One story held in memory, served as a library would serve it (no marks, nothing saved): the reader's first
/// frame of `dateline FILE` comes from it while the temporary library is still being made.
public struct MemoryStorySource: StorySource {
  public let story: LoadedStory

  /// The story with `entities` found in as much of it as `coverage` says (the rest comes as
  /// `Event.entitiesFound` for `handle`).
  public init(story: Story, entities: StoryEntities, coverage: EntityCoverage = .whole) {
    self.story = LoadedStory(story: story, entities: entities, entityCoverage: coverage)
  }

  /// The story's handle in the list.
  public static let handle: Int64 = 0

  /// The list entry of the story.
  public var entry: StoryEntry {
    StoryEntry(handle: Self.handle, headline: story.story.headline, updateCount: story.story.updates.count)
  }

  public func entries() -> [StoryEntry] { [entry] }

  public func loadStory(_ entry: StoryEntry) -> LoadedStory { story }

  public func storiesMentioning(_ entity: EntityID) -> [(handle: Int64, mentions: Int)] {
    let count = story.entities.mentions.filter { $0.entity == entity }.count
    return count > 0 ? [(handle: Self.handle, mentions: count)] : []
  }

  public func markSeen(_ entry: StoryEntry, updates: [Int64]) {}

  public func saveReadingPosition(_ entry: StoryEntry, update: Int64?, line: Int) {}
}

extension MemoryStorySource {
  /// Starts finding the whole of `story`'s entities in one pass on `background` (so they are exactly what
  /// `analyze(story)` gives): its event, `Event.entitiesFound`, completes the first screen. Started before the
  /// terminal is opened, it runs on another core while curses starts and the first frame is made.
  public static func startAnalysis(
    of story: Story, analyze: @escaping @Sendable (Story) -> StoryEntities, on background: BackgroundEvents
  ) {
    background.start { .entitiesFound(handle: handle, analyze(story)) }
  }

  /// `story` as a first frame shows it, its whole analysis started on `background` (`startAnalysis`): with the
  /// entities of the updates that can be on a `size` screen (`FirstScreen`), the rest to come as the analysis'
  /// event. When the screen can show every update, the whole analysis is waited for and used at once.
  public static func firstScreen(
    of story: Story, size: (width: Int, height: Int), analyze: @escaping @Sendable (Story) -> StoryEntities,
    background: BackgroundEvents
  ) -> MemoryStorySource {
    let count = FirstScreen.updateCount(of: story, width: size.width, height: size.height)
    guard count < story.updates.count else {
      background.waitUntilDone()
      var whole: StoryEntities?
      for case .entitiesFound(handle, let entities) in background.drain() { whole = entities }
      return MemoryStorySource(story: story, entities: whole ?? analyze(story))
    }
    var first = story
    first.updates = Array(story.updates.prefix(count))
    return MemoryStorySource(story: story, entities: analyze(first), coverage: .firstUpdates(count))
  }

  /// `startAnalysis` with the story's parts shared between threads (`SplitStoryAnalysis`), in story order: a
  /// worker on `background`, whose event is the whole story's entities, and the drawing thread, first for the
  /// first screen's parts (`firstScreen(of:size:split:background:)`), then while it waits for the worker after
  /// the first frame (the job's assist). Two threads, not three: on two cores a third only took time from the one
  /// that draws.
  public static func startAnalysis(_ split: SplitStoryAnalysis, on background: BackgroundEvents) {
    background.start(
      {
        split.work()
        return .entitiesFound(handle: handle, split.wholeEntities())
      }, assist: { split.work() })
  }

  /// `firstScreen(of:size:analyze:background:)` for an analysis started by `startAnalysis(_:on:)`: the first
  /// screen's entities come from the parts the workers prepared, and the calling thread prepares parts too
  /// rather than wait.
  public static func firstScreen(
    of story: Story, size: (width: Int, height: Int), split: SplitStoryAnalysis, background: BackgroundEvents
  ) -> MemoryStorySource {
    let count = FirstScreen.updateCount(of: story, width: size.width, height: size.height)
    guard count < story.updates.count else {
      background.waitUntilDone()  // helping the worker
      var whole: StoryEntities?
      for case .entitiesFound(handle, let entities) in background.drain() { whole = entities }
      return MemoryStorySource(story: story, entities: whole ?? split.wholeEntities())
    }
    return MemoryStorySource(
      story: story, entities: split.entities(ofFirstUpdates: count), coverage: .firstUpdates(count))
  }
}
