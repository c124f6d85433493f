import DatelineCore
import DatelineFetch
import DatelineSession
import DatelineStore
import FlyingFox
import Foundation
import LoopbackServer

/// A refresh of `feeds` subscriptions served from a loopback server (127.0.0.1, started and stopped here):
/// every feed fetched under the concurrency limit, each of its items imported as a story with its entities,
/// then a second refresh where every feed answers 304. Prints the times and the memory before and after.
func runFeedRefreshBenchmark(feeds: Int = 500, itemsPerFeed: Int = 10, jobs: Int = 16) {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-refresh-bench-\(getpid())")
  defer { try? FileManager.default.removeItem(at: directory) }
  do {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let server = try LoopbackServer.startNow([
      (
        "GET /feed/*",
        { request in
          let name = request.path.split(separator: "/").last.map(String.init) ?? "0"
          if request.headers[HTTPHeader("If-None-Match")] == "\"\(name)\"" {
            return HTTPResponse(statusCode: HTTPStatusCode(304, phrase: "Not Modified"))
          }
          return HTTPResponse(
            statusCode: .ok,
            headers: [HTTPHeader("Content-Type"): "application/rss+xml", HTTPHeader("ETag"): "\"\(name)\""],
            body: Data(benchFeed(name, items: itemsPerFeed).utf8))
        }
      )
    ])
    defer { server.stopNow() }
    let library = try Library(path: directory.appendingPathComponent("library.sqlite").path)
    for index in 0..<feeds { try library.subscribe(Outline(url: "\(server.base)/feed/\(index)", folder: ["Bench"])) }
    let analyzer = StoryEntityAnalyzer()
    let refresher = FeedRefresher(
      library: library, fetcher: PageFetcher(), analyze: { analyzer.analyze($0) }, concurrency: jobs)
    let before = ProcessMemory.residentBytes()
    for round in ["first refresh", "second refresh (all 304)"] {
      let start = DispatchTime.now().uptimeNanoseconds
      let outcomes = waitFor { await refresher.refresh() }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      var read = 0, unchanged = 0, failed = 0, items = 0
      for outcome in outcomes {
        switch outcome.result {
        case .read(let count, _, _):
          read += 1
          items += count
        case .unchanged: unchanged += 1
        case .postponed, .failed: failed += 1
        }
      }
      let perItem = items > 0 ? "; \(String(format: "%.2f", seconds * 1000 / Double(items))) ms per item" : ""
      print("feeds: \(round): \(feeds) loopback feeds, \(jobs) at once: \(String(format: "%.2f", seconds)) s "
        + "(\(read) read with \(items) items, \(unchanged) not modified, \(failed) failed\(perItem)); "
        + "RSS \(ProcessMemory.residentBytes() / 1_000_000) MB")
    }
    print("feeds: refresh memory: \(before / 1_000_000) MB before, \(ProcessMemory.residentBytes() / 1_000_000) MB after, "
      + "peak \(ProcessMemory.peakResidentBytes() / 1_000_000) MB; library \(((try? library.stories().count) ?? 0)) stories")
  } catch {
    print("feeds: refresh benchmark failed: \(error)")
  }
}

/// A fictional feed named `name` with `items` items of a few paragraphs.
private func benchFeed(_ name: String, items: Int) -> String {
  var text = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bench feed \(name)</title><link>http://bench.example/\(name)/</link>"
  for index in 0..<items {
    text += "<item><title>Council meets on harbour plans, part \(index) of feed \(name)</title>"
    text += "<link>http://bench.example/\(name)/\(index)</link><guid>bench-\(name)-\(index)</guid>"
    text += "<pubDate>Tue, 02 Jan 2024 08:\(10 + index % 50):00 GMT</pubDate>"
    text += "<description>&lt;p&gt;Mayor Anna Berg of Portmere told the council in Westhaven that the ferry company "
    text += "would keep the winter timetable.&lt;/p&gt;&lt;p&gt;The Harbour Trust said repairs start in March.&lt;/p&gt;</description></item>"
  }
  return text + "</channel></rss>"
}

/// Runs async work to completion from the benchmark's synchronous code.
private func waitFor<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
  let done = DispatchSemaphore(value: 0)
  let box = ResultBox<T>()
  Task.detached {
    box.set(await work())
    done.signal()
  }
  done.wait()
  return box.take()
}

/// Hands a value from a task to the waiting thread (set once, read once after the semaphore).
private final class ResultBox<T: Sendable>: @unchecked Sendable {
  private var value: T?
  private let lock = NSLock()
  func set(_ newValue: T) { lock.withLock { value = newValue } }
  func take() -> T {
    lock.withLock {
      guard let value else { preconditionFailure("read before the task finished") }
      return value
    }
  }
}
