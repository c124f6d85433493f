import DatelineFetch
import DatelineStore
import Foundation

/// Reads the pending linked pages of the library's teaser stories ahead of time (`dateline refresh --pages`),
/// at most `concurrency` at once, so that a reader offline later has the articles. Each page goes in as when the
/// reader opens its story (`LinkedPageImporter`); a page that failed `giveUpAfter` times is left for the reader
/// to try when the story is opened (a page gone for good is not fetched on every refresh).
public struct LinkedPagePrefetcher: Sendable {
  public let importer: LinkedPageImporter
  public let concurrency: Int
  public let giveUpAfter: Int

  public init(importer: LinkedPageImporter, concurrency: Int = 8, giveUpAfter: Int = 3) {
    self.importer = importer
    self.concurrency = max(1, concurrency)
    self.giveUpAfter = giveUpAfter
  }

  /// What reading one page did.
  public struct Outcome: Sendable, Hashable {
    public var url: String
    /// nil when the page was read into its story; otherwise one line saying why not.
    public var error: String?
  }

  /// Reads every pending page (oldest story first); the outcomes in that order.
  public func readPending() async -> [Outcome] {
    let pending: [Library.LinkedPage]
    do {
      pending = try importer.library.pendingLinkedPages().filter { $0.failures < giveUpAfter }
    } catch {
      return [Outcome(url: importer.library.location.path, error: error.description)]
    }
    let limiter = FetchLimiter(limit: concurrency)
    let importer = importer
    return await withTaskGroup(of: (Int, Outcome).self) { group in
      for (index, page) in pending.enumerated() {
        group.addTask {
          let result = await limiter.run { await importer.fetchAndImport(story: page.story, firstTime: true) }
          switch result {
          case .success: return (index, Outcome(url: page.url, error: nil))
          case .failure(let error): return (index, Outcome(url: page.url, error: error.description))
          }
        }
      }
      var outcomes = [Outcome?](repeating: nil, count: pending.count)
      for await (index, outcome) in group { outcomes[index] = outcome }
      return outcomes.compactMap { $0 }
    }
  }
}
