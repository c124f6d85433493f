import ArgumentParser
import DatelineCore
import DatelineFetch
import DatelineSession
import DatelineStore
import Foundation
import Synchronization

/// `dateline refresh [--json] [--jobs N] [--force] [--library PATH]`: reads every feed followed, all at once
/// under a limit; each item a story. A feed that fails is one line on stderr; the exit is non-zero only when no
/// feed could be read.
struct RefreshCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refresh", abstract: "Read every feed followed into the library, one story per item.")

  @Flag(
    help: """
      Print JSON: {"feeds": [{"url", "status": "read"|"unchanged"|"postponed"|"failed", "items", "new", "error"}]}.
      """)
  var json = false
  @Option(help: "At most this many feeds fetched at once (default 8).") var jobs = 8
  @Flag(help: "Try feeds that failed recently too (otherwise left alone for a while after each failure).") var force = false
  @Flag(
    help: """
      Also read the linked page of every item whose feed gives only a teaser (otherwise read when the story is       first opened), --jobs at a time; with --json, adds "pages": [{"url", "status": "read"|"failed", "error"}].
      """)
  var pages = false
  @OptionGroup var library: LibraryOption
  @OptionGroup var fetch: FetchOptions

  func validate() throws {
    if !(1...64).contains(jobs) { throw ValidationError("--jobs takes 1 to 64") }
  }

  func run() throws {
    let store = try library.open()
    let analyzer = StoryEntityAnalyzer()
    let refresher = FeedRefresher(
      library: store, fetcher: fetch.fetcher(), analyze: { analyzer.analyze($0) }, concurrency: jobs)
    let outcomes = Self.wait { await refresher.refresh(force: force) }
    var readAny = false
    for outcome in outcomes {
      switch outcome.result {
      case .read(let items, let new, _):
        readAny = true
        if !json { print(TextSanitizer.clean(Substring("\(outcome.url): \(items) items, \(new) new"))) }
      case .unchanged:
        readAny = true
        if !json { print(TextSanitizer.clean(Substring("\(outcome.url): not modified"))) }
      case .postponed(let until):
        let line = "\(outcome.url): failed recently, next try after \(FeedDate.rfc3339(until)) (--force to try now)"
        CaptureLoader.warn(line)
      case .failed(let message):
        CaptureLoader.warn(message)
      }
    }
    var pageOutcomes: [LinkedPagePrefetcher.Outcome] = []
    if pages {
      let reader = CaptureLoader.reader()
      let prefetcher = LinkedPagePrefetcher(
        importer: LinkedPageImporter(
          library: store, fetcher: fetch.fetcher(),
          read: { page, source in try InputLoader.read(page, source: source, with: reader) }, analyze: { analyzer.analyze($0) }),
        concurrency: jobs)
      pageOutcomes = Self.wait { await prefetcher.readPending() }
      for outcome in pageOutcomes {
        if let error = outcome.error {
          CaptureLoader.warn(error)
        } else if !json {
          print(TextSanitizer.clean(Substring("\(outcome.url): page read")))
        }
      }
    }
    if json {
      var fields: [(String, JSONValue)] = [("feeds", .array(outcomes.map(Self.json)))]
      if pages {
        fields.append(
          (
            "pages",
            .array(
              pageOutcomes.map { outcome in
                .object([
                  ("url", .string(outcome.url)), ("status", .string(outcome.error == nil ? "read" : "failed")),
                  ("error", .string(outcome.error)),
                ])
              })
          ))
      }
      print(JSONValue.object(fields).serialized())
    }
    if !outcomes.isEmpty && !readAny { throw ExitCode.failure }
  }

  static func json(_ outcome: FeedRefresher.Outcome) -> JSONValue {
    var status = "read", items = 0, new = 0
    var error: String?
    switch outcome.result {
    case .read(let count, let added, _): (items, new) = (count, added)
    case .unchanged: status = "unchanged"
    case .postponed: status = "postponed"
    case .failed(let message): (status, error) = ("failed", message)
    }
    return .object([
      ("url", .string(outcome.url)), ("status", .string(status)), ("items", .int(items)), ("new", .int(new)),
      ("error", .string(error)),
    ])
  }

  /// Runs async work to completion from synchronous command code.
  static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let done = DispatchSemaphore(value: 0)
    let box = Mutex<T?>(nil)
    Task.detached {
      let value = await work()
      box.withLock { $0 = value }
      done.signal()
    }
    done.wait()
    guard let value = box.withLock({ $0 }) else { preconditionFailure("the refresh task ended without a result") }
    return value
  }
}
