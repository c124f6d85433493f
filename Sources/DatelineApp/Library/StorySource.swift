import DatelineCore

/// Where the reader's stories come from when they are not all in memory (the library): the effects of the
/// reducer are carried out against it by `EffectRunner`. Errors are shown to the user by their description.
public protocol StorySource: Sendable {
  /// The story list as it is now (stories imported since the reader started included).
  func entries() throws -> [StoryEntry]
  /// The whole story of list entry `entry`, with its entities, marks and last reading position.
  func loadStory(_ entry: StoryEntry) throws -> LoadedStory
  /// Every story that mentions `entity`, by handle, with its number of mentions.
  func storiesMentioning(_ entity: EntityID) throws -> [(handle: Int64, mentions: Int)]
  /// Records that the updates with these handles have been on screen (their new/changed marks are cleared).
  func markSeen(_ entry: StoryEntry, updates: [Int64]) throws
  /// Records where the reader is in a story: the update at the top (nil at the headline) and the line in it.
  func saveReadingPosition(_ entry: StoryEntry, update: Int64?, line: Int) throws
  /// Fetches the story of `entry` again from its URL, merges it, and gives it back as it now is (called off the
  /// main thread; must not block for longer than the fetch's own timeout). A refresh not asked for `byHand`
  /// (the timer) may be held back while the source keeps failing.
  func refresh(_ entry: StoryEntry, byHand: Bool) -> RefreshOutcome
  /// Fetches every subscribed feed (new items become stories), telling `progress` (done, total) as each feed is
  /// done; called off the main thread.
  func refreshFeeds(progress: @escaping @Sendable (Int, Int) -> Void) -> FeedsRefreshSummary
  /// Reads the page that the story of `entry` links to into it, in place of its feed's teaser, and gives the
  /// story back as it now is (called off the main thread; bounded by the fetch's own timeout). Nothing is
  /// fetched when the library already holds the page.
  func readLinkedPage(_ entry: StoryEntry) -> RefreshOutcome
}

extension StorySource {
  /// Sources that cannot fetch anything say so.
  public func refresh(_ entry: StoryEntry, byHand: Bool) -> RefreshOutcome {
    .failed("This story cannot be fetched again")
  }

  /// Sources that cannot fetch anything have no linked pages to read.
  public func readLinkedPage(_ entry: StoryEntry) -> RefreshOutcome {
    .failed("This story has no linked page to read")
  }

  /// Sources without subscriptions have no feeds to fetch.
  public func refreshFeeds(progress: @escaping @Sendable (Int, Int) -> Void) -> FeedsRefreshSummary {
    FeedsRefreshSummary(feeds: 0, newStories: 0, failures: [])
  }
}
