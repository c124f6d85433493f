import DatelineCore

/// Something that happened, for the reducer: a command, a key (for text input and the keymap), a resize, or the
/// result of an effect.
public enum Event: Sendable, Hashable {
  case command(Command)
  case key(Key)
  case resize(width: Int, height: Int)
  /// A story asked for by `Effect.loadStory` is in memory.
  case storyLoaded(index: Int, LoadedStory)
  case storyFailed(index: Int, message: String)
  /// Every story (by list index) that mentions an entity, asked for by `Effect.lookUpEntity`.
  case entityReach(EntityID, [EntityReach])
  /// The story list read again, asked for by `Effect.reloadList`.
  case listReloaded([StoryEntry])
  /// A message for the status line (an effect that failed).
  case notice(String)
  /// The answer to `Effect.refreshStory`, for the story with this handle (it comes back later, from another
  /// thread, so it names the story by handle: the list may have been reloaded meanwhile).
  case storyRefreshed(handle: Int64, RefreshOutcome)
  /// The refresh timer (`--refresh SECONDS`) went off.
  case refreshDue
  /// `done` of `total` feeds refreshed so far (`Effect.refreshFeeds` under way).
  case feedsProgress(done: Int, total: Int)
  /// The answer to `Effect.refreshFeeds`.
  case feedsRefreshed(FeedsRefreshSummary)
  /// The answer to `Effect.readLinkedPage`, for the story with this handle (from another thread, later).
  case linkedPageRead(handle: Int64, RefreshOutcome)
  /// The whole story's entities, for the story with this handle shown so far with those of its first screen
  /// (`EntityCoverage.firstUpdates`); found in the background after the first frame.
  case entitiesFound(handle: Int64, StoryEntities)
}

/// Work the reducer asks the run loop to do; the reducer itself never touches the terminal or the library.
public enum Effect: Sendable, Hashable {
  /// Leave the reader.
  case quit
  /// Repaint the whole screen (Ctrl-L), not only what changed.
  case redraw
  /// Load story `index` of the list (answered by `Event.storyLoaded` or `.storyFailed`).
  case loadStory(Int)
  /// Find every story that mentions an entity (answered by `Event.entityReach`).
  case lookUpEntity(EntityID)
  /// Persist that these updates (indices in story `story`) have been on screen.
  case markSeen(story: Int, updates: [Int])
  /// Read the story list again (answered by `Event.listReloaded`).
  case reloadList
  /// Persist where the reader is in story `story`.
  case saveReadingPosition(story: Int, ReadingSpot)
  /// Fetch story `index` again from its URL and merge it, in the background (answered by
  /// `Event.storyRefreshed`); `byHand` when the user asked (`R`), not the timer.
  case refreshStory(Int, byHand: Bool)
  /// Fetch every subscribed feed in the background (answered by `Event.feedsProgress` as it goes, then
  /// `Event.feedsRefreshed`).
  case refreshFeeds
  /// Read the page that story `index` links to into it, in place of its feed's teaser, in the background
  /// (answered by `Event.linkedPageRead`).
  case readLinkedPage(Int)
}
