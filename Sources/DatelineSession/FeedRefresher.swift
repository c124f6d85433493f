import DatelineCore
import DatelineFetch
import DatelineStore
import Foundation

/// Refreshes the library's feeds: all at once under a concurrency limit, each with a conditional request when
/// the library holds its items (an unchanged feed is one 304), feeds that keep failing left alone for a while
/// (`FailureBackoff`, unless forced), and each item imported as a story (`FeedStory`). A feed that fails is
/// one outcome among the others; it stops nothing.
public struct FeedRefresher: Sendable {
  public let library: Library
  public let fetcher: PageFetcher
  public let analyze: Library.EntityAnalysis?
  public let concurrency: Int
  public let backoff: FailureBackoff

  public init(
    library: Library, fetcher: PageFetcher, analyze: Library.EntityAnalysis?, concurrency: Int = 8,
    backoff: FailureBackoff = .standard
  ) {
    self.library = library
    self.fetcher = fetcher
    self.analyze = analyze
    self.concurrency = max(1, concurrency)
    self.backoff = backoff
  }

  /// What refreshing one feed did.
  public enum Result: Sendable, Hashable {
    /// Read: how many items it has, and how many of them made a new story.
    case read(items: Int, newStories: Int, problems: [String])
    /// The server said nothing changed (304).
    case unchanged
    /// Left alone: it failed recently, and may be tried again then.
    case postponed(until: Date)
    /// One line saying why.
    case failed(String)
  }

  public struct Outcome: Sendable, Hashable {
    public var url: String
    public var result: Result
  }

  /// Refreshes `feeds` (all subscriptions when nil); `progress` is told each time one is done (done, total).
  public func refresh(
    _ feeds: [Subscription]? = nil, force: Bool = false, now: Date = Date(),
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async -> [Outcome] {
    let list: [Subscription]
    if let feeds {
      list = feeds
    } else {
      do {
        list = try library.subscriptions()
      } catch {
        return [Outcome(url: library.location.path, result: .failed(error.description))]
      }
    }
    let limiter = FetchLimiter(limit: concurrency)
    return await withTaskGroup(of: (Int, Outcome).self) { group in
      for (index, feed) in list.enumerated() {
        group.addTask {
          let outcome = await limiter.run { await self.refreshOne(feed.url, force: force, now: now) }
          return (index, outcome)
        }
      }
      var outcomes = [Outcome?](repeating: nil, count: list.count)
      var done = 0
      for await (index, outcome) in group {
        outcomes[index] = outcome
        done += 1
        progress?(done, list.count)
      }
      return outcomes.compactMap { $0 }
    }
  }

  /// Refreshes one feed (a URL, or a feed file's path).
  public func refreshOne(_ url: String, force: Bool = false, now: Date = Date()) async -> Outcome {
    let state = try? library.fetchState(url: url)
    if !force, let state, !backoff.mayTry(failures: state.failures, lastFailure: state.lastFailureAt, now: now),
      let next = backoff.nextAttempt(failures: state.failures, lastFailure: state.lastFailureAt)
    {
      return Outcome(url: url, result: .postponed(until: next))
    }
    let bytes: [UInt8]
    let contentType: String?
    let base: String
    var validators = Validators()
    var finalURL: String?
    if PageFetcher.isURL(url) {
      var send: Validators?
      if let state, (try? library.hasFeedItems(feed: url)) == true {
        let known = Validators(etag: state.etag, lastModified: state.lastModified)
        send = known.isEmpty ? nil : known
      }
      switch await fetcher.fetch(url, validators: send) {
      case .failure(let error):
        return failed(url, error.description, now)
      case .success(.notModified(let final)):
        try? library.recordFetch(
          url: url, finalURL: final.absoluteString, etag: nil, lastModified: nil, keepValidators: true, at: now)
        return Outcome(url: url, result: .unchanged)
      case .success(.page(let page)):
        bytes = page.bytes
        contentType = page.contentType
        base = page.finalURL.absoluteString
        validators = page.validators
        finalURL = base
      }
    } else {
      guard let data = FileManager.default.contents(atPath: url) else {
        return failed(url, "\(url): cannot read the file", now)
      }
      bytes = Array(data)
      contentType = nil
      base = URL(fileURLWithPath: url).absoluteString
    }
    let feed: Feed
    switch FeedReading.read(bytes, contentType: contentType, baseURL: base) {
    case .failure(let error):
      return failed(url, "\(url): \(error.message)", now)
    case .success(.outlines):
      return failed(url, "\(url): an OPML subscription list, not a feed", now)
    case .success(.feed(let read)):
      feed = read
    }
    if feed.items.isEmpty, let first = feed.errors.first {
      return failed(url, "\(url): \(first)", now)
    }
    // The recogniser runs here, on this task, for items the library has not seen (one read says which); the
    // items, the feed's title and the fetch are then one transaction, waited for without holding a thread.
    let stories = FeedStory.stories(of: feed.items, feedURL: url)
    let identities = feed.items.map(FeedStory.identity)
    let seen = (try? library.importedItems(identities)) ?? []
    var imports: [Library.FeedItemImport] = []
    imports.reserveCapacity(feed.items.count)
    // Stories whose linked page was read in place of the feed's teaser are left alone (the teaser would come
    // back beside the article); the page itself is fetched again with `R`.
    let pagesRead = (try? library.readLinkedPages(feed: url)) ?? []
    var teasers: [Int: String] = [:]
    for (index, item) in feed.items.enumerated() {
      if let link = item.link, pagesRead.contains(link) { continue }
      if let link = item.link, PageFetcher.isURL(link), !FeedContentRule.standard.hasFullText(item) {
        teasers[imports.count] = link
      }
      let story = stories[index]
      imports.append(
        Library.FeedItemImport(
          itemID: item.id, story: story, bytes: identities[index], entities: seen.contains(index) ? nil : analyze?(story)))
    }
    let newStories: Int
    do {
      let fetch = (finalURL: finalURL, etag: validators.etag, lastModified: validators.lastModified)
      let reports = try await library.importFeedRead(
        feed: url, items: imports, read: Library.FeedRead(title: feed.title, htmlURL: feed.link, fetch: fetch), at: now,
        analyze: analyze)
      newStories = reports.filter(\.newStory).count
      // A teaser's story wants its linked page, read when the story is first opened.
      try library.noteLinkedPages(
        teasers.sorted { $0.key < $1.key }.compactMap { $0.key < reports.count ? (reports[$0.key].storyKey, $0.value) : nil })
    } catch {
      return failed(url, "\(url): \(error.description)", now)
    }
    return Outcome(url: url, result: .read(items: feed.items.count, newStories: newStories, problems: feed.errors))
  }

  private func failed(_ url: String, _ message: String, _ now: Date) -> Outcome {
    _ = try? library.recordFetchFailure(url: url, message: message, at: now)
    return Outcome(url: url, result: .failed(message))
  }
}
