import DatelineApp
import DatelineCore
import DatelineFetch
import DatelineStore
import Foundation

/// The reader's stories served from the library: the list from one query, each story when it is opened, and
/// what the reader has seen and where it stopped written back.
public struct LibraryStorySource: StorySource {
  public let library: Library
  /// Fetches stories that came from the web again (`R`, the refresh timer); nil when nothing may be fetched.
  public let importer: PageImporter?
  /// How long the refresh timer leaves a failing page alone.
  public let backoff: FailureBackoff

  /// Fetches the subscribed feeds (`r`); nil when nothing may be fetched.
  public let feeds: FeedRefresher?

  public init(
    library: Library, importer: PageImporter? = nil, feeds: FeedRefresher? = nil, backoff: FailureBackoff = .standard
  ) {
    self.library = library
    self.importer = importer
    self.feeds = feeds
    self.backoff = backoff
  }

  /// The story list, most recently captured first; with subscriptions, grouped by feed (feeds of one folder
  /// together, in the order subscribed) and the stories that came from no feed last, as "Other stories".
  /// Within a feed, the items of one refresh keep the feed's order (newest first in most feeds), later
  /// refreshes above earlier ones.
  public func entries() throws(LibraryError) -> [StoryEntry] {
    try entries(try library.stories())
  }

  /// The story list (as `entries()`) of `summaries`, the library's stories as `Library.stories()` gave them.
  public func entries(_ summaries: [StorySummary]) throws(LibraryError) -> [StoryEntry] {
    let stories = summaries.map(StoryEntry.init)
    let feedOf = try library.feedOfStories()
    guard !feedOf.isEmpty else { return stories }
    let subscriptions = try library.subscriptions()
    // Folders in the order their first feed was subscribed, feeds in subscription order within them.
    var folderRank: [[String]: Int] = [:]
    for feed in subscriptions where folderRank[feed.folder] == nil { folderRank[feed.folder] = folderRank.count }
    var feedRank: [String: Int] = [:]
    var label: [String: String] = [:]
    let ordered = subscriptions.enumerated().sorted {
      (folderRank[$0.element.folder] ?? 0, $0.offset) < (folderRank[$1.element.folder] ?? 0, $1.offset)
    }
    for (rank, (_, feed)) in ordered.enumerated() {
      feedRank[feed.url] = rank
      label[feed.url] = (feed.folder + [feed.title ?? feed.url]).joined(separator: " › ")
    }
    // Stories of a feed no longer followed keep a group of their own, after the followed ones.
    // A feed's items are imported in the feed's order, so within one refresh the lower row id comes first.
    var grouped: [(rank: Int, captured: Double, position: Int64, entry: StoryEntry)] = []
    for (position, story) in stories.enumerated() {
      var entry = story
      if let url = feedOf[story.handle] {
        entry.group = label[url] ?? url
        let captured = -summaries[position].lastCaptureAt.timeIntervalSince1970
        grouped.append((feedRank[url] ?? subscriptions.count, captured, story.handle, entry))
      } else {
        entry.group = "Other stories"
        grouped.append((Int.max, 0, Int64(position), entry))
      }
    }
    grouped.sort {
      ($0.rank, $0.entry.group ?? "", $0.captured, $0.position) < ($1.rank, $1.entry.group ?? "", $1.captured, $1.position)
    }
    return grouped.map(\.entry)
  }

  /// Fetches every subscribed feed (see `FeedRefresher`), waiting for it on this thread.
  public func refreshFeeds(progress: @escaping @Sendable (Int, Int) -> Void) -> FeedsRefreshSummary {
    guard let feeds else { return FeedsRefreshSummary(feeds: 0, newStories: 0, failures: ["Fetching is off in this reader"]) }
    let box = OutcomeBox()
    let done = DispatchSemaphore(value: 0)
    Task {
      box.set(await feeds.refresh(progress: progress))
      done.signal()
    }
    done.wait()
    let outcomes = box.get()
    var newStories = 0
    var read = 0
    var failures: [String] = []
    for outcome in outcomes {
      switch outcome.result {
      case .read(_, let new, _):
        newStories += new
        read += 1
      case .failed(let message): failures.append(TextSanitizer.clean(message[...]))
      case .unchanged, .postponed: break
      }
    }
    return FeedsRefreshSummary(feeds: outcomes.count, newStories: newStories, failures: failures, read: read)
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
    // A story holding its feed's teaser asks for its linked page when opened, if this reader may fetch.
    let linked = importer == nil ? nil : try library.linkedPage(story: entry.handle)
    return LoadedStory(
      story: story, entities: try library.storyEntities(story: entry.handle), marks: marks,
      updateHandles: stored.map(\.id), position: position, linkedPage: linked?.readAt == nil ? linked?.url : nil)
  }

  /// Reads the story's linked page into it in place of the feed's teaser (`LinkedPageImporter`); the story as it
  /// now is, or one line saying why not. A page another reader has read meanwhile is not fetched again.
  public func readLinkedPage(_ entry: StoryEntry) -> RefreshOutcome {
    guard let importer else { return .failed("Fetching is off in this reader") }
    switch LinkedPageImporter(importer).importPage(story: entry.handle, firstTime: true) {
    case .failure(let error):
      return .failed(TextSanitizer.clean(error.description[...]))
    case .success(.imported(let report)):
      return loaded(entry, new: report.new.count, changed: report.changed.count)
    case .success(.readElsewhere), .success(.unchanged):
      return loaded(entry, new: 0, changed: 0)
    }
  }

  private func loaded(_ entry: StoryEntry, new: Int, changed: Int) -> RefreshOutcome {
    do {
      return .updated(try loadStory(entry), new: new, changed: changed)
    } catch {
      return .failed("Cannot load the story: \(error)")
    }
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

  /// Fetches the story's page again and merges it; the story as it now is, or one line saying why not. The
  /// timer leaves a page that keeps failing alone for a while (`FailureBackoff`); `R` always fetches.
  public func refresh(_ entry: StoryEntry, byHand: Bool) -> RefreshOutcome {
    guard let url = entry.url else { return .failed("This story did not come from the web") }
    guard let importer else { return .failed("Fetching is off in this reader") }
    if !byHand, let state = try? library.fetchState(url: url),
      let next = backoff.nextAttempt(failures: state.failures, lastFailure: state.lastFailureAt), Date() < next
    {
      let last = TextSanitizer.clean((state.lastError ?? "failed")[...])
      let failures = state.failures == 1 ? "1 failure" : "\(state.failures) failures in a row"
      let wait = Int(next.timeIntervalSinceNow.rounded(.up))
      return .failed("\(last) (\(failures): next automatic try in \(wait) s; R tries now)")
    }
    // A feed story reads its linked page (its first read, or merged again like any web page's capture).
    if (try? library.linkedPage(story: entry.handle)) != nil {
      switch LinkedPageImporter(importer).importPage(story: entry.handle, firstTime: false) {
      case .failure(let error): return .failed(TextSanitizer.clean(error.description[...]))
      case .success(.unchanged), .success(.readElsewhere): return .unchanged
      case .success(.imported(let report)): return loaded(entry, new: report.new.count, changed: report.changed.count)
      }
    }
    switch importer.importPage(url) {
    case .failure(let error):
      // Parts of the message come from the server (a Content-Type, a TLS library's words): cleaned like page text.
      return .failed(TextSanitizer.clean(error.description[...]))
    case .success(.unchanged):
      return .unchanged
    case .success(.imported(let report)):
      if report.alreadyImported || (report.new.isEmpty && report.changed.isEmpty) { return .unchanged }
      do {
        return .updated(try loadStory(entry), new: report.new.count, changed: report.changed.count)
      } catch {
        return .failed("Cannot load the story: \(error)")
      }
    }
  }
}

extension StoryEntry {
  /// The list row of a library story.
  public init(_ summary: StorySummary) {
    let source = summary.source ?? ""
    let lower = source.prefix(8).lowercased()
    self.init(
      handle: summary.id, headline: summary.headline, updateCount: summary.updateCount, markedCount: summary.markedCount,
      url: lower.hasPrefix("http://") || lower.hasPrefix("https://") ? source : nil)
  }
}
