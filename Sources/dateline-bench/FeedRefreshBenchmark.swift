import DatelineCore
import DatelineFetch
import DatelineSession
import DatelineStore
import FlyingFox
import Foundation
import LoopbackServer

/// A refresh of `feeds` subscriptions served from a loopback server (127.0.0.1, a child process started and
/// stopped here, see `FeedBenchServer`):
/// every feed fetched under the concurrency limit, each of its items imported as a story with its entities,
/// then a second refresh where every feed answers 304; `runs` times, each into a new library, medians printed.
/// newsboat (when installed) reloads the same feeds from the same server in the same run, as many times, with as
/// many threads, for the figure the issue compares with. Prints the times and the memory before and after.
func runFeedRefreshBenchmark(feeds: Int = 500, itemsPerFeed: Int = 10, jobs: Int = 16, runs: Int = 3) {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-refresh-bench-\(getpid())")
  defer { try? FileManager.default.removeItem(at: directory) }
  do {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    guard let server = FeedBenchServer.Child(itemsPerFeed: itemsPerFeed) else {
      print("feeds: refresh benchmark: the loopback server process did not start")
      return
    }
    defer { server.stop() }
    let urls = (0..<feeds).map { "\(server.base)/feed/\($0)" }
    let analyzer = StoryEntityAnalyzer()
    // Every feed comes from one host here (many do in real use): as many connections to it as feeds at once,
    // as newsboat's threads have.
    var policy = FetchPolicy.standard
    policy.maxConnectionsPerHost = jobs
    let before = ProcessMemory.residentBytes()
    var firsts: [Double] = [], seconds: [Double] = [], newsboatFirsts: [Double] = [], newsboatSeconds: [Double] = []
    var items = 0
    for run in 0..<runs {
      let library = try Library(path: directory.appendingPathComponent("library-\(run).sqlite").path)
      for url in urls { try library.subscribe(Outline(url: url, folder: ["Bench"])) }
      let refresher = FeedRefresher(
        library: library, fetcher: PageFetcher(policy: policy), analyze: { analyzer.analyze($0) }, concurrency: jobs)
      for round in ["first refresh", "second refresh (all 304)"] {
        let start = DispatchTime.now().uptimeNanoseconds
        let outcomes = runToCompletion { await refresher.refresh() }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var read = 0, unchanged = 0, failed = 0, count = 0
        for outcome in outcomes {
          switch outcome.result {
          case .read(let items, _, _):
            read += 1
            count += items
          case .unchanged: unchanged += 1
          case .postponed, .failed: failed += 1
          }
        }
        if round == "first refresh" {
          firsts.append(elapsed)
          items = count
        } else {
          seconds.append(elapsed)
        }
        let perItem = count > 0 ? "; \(String(format: "%.3f", elapsed * 1000 / Double(count))) ms per item" : ""
        print("feeds: run \(run + 1): \(round): \(feeds) loopback feeds, \(jobs) at once: \(String(format: "%.2f", elapsed)) s "
          + "(\(read) read with \(count) items, \(unchanged) not modified, \(failed) failed\(perItem)); "
          + "RSS \(ProcessMemory.residentBytes() / 1_000_000) MB; library \(((try? library.stories().count) ?? 0)) stories")
      }
      if let reload = NewsboatReload(urls: urls, threads: jobs, directory: directory.appendingPathComponent("newsboat-\(run)")) {
        if let first = reload.run(), let second = reload.run() {
          newsboatFirsts.append(first)
          newsboatSeconds.append(second)
          print("feeds: run \(run + 1): newsboat -x reload, \(jobs) threads: \(String(format: "%.2f", first)) s "
            + "(\(String(format: "%.3f", first * 1000 / Double(feeds * itemsPerFeed))) ms per item), again (all 304) "
            + "\(String(format: "%.2f", second)) s; its cache holds \(reload.cachedItems().map(String.init) ?? "?") items")
        }
      }
    }
    let phases = try Library(path: directory.appendingPathComponent("library-phases.sqlite").path)
    printRefreshPhases(urls: urls, jobs: jobs, policy: policy, analyzer: analyzer, library: phases)
    func median(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.sorted()[values.count / 2] }
    let ours = median(firsts) * 1000 / Double(max(1, items))
    print("feeds: refresh median of \(runs): \(String(format: "%.2f", median(firsts))) s = \(String(format: "%.3f", ours)) ms per item "
      + "(entities and SQLite included); all 304: \(String(format: "%.2f", median(seconds))) s")
    if !newsboatFirsts.isEmpty {
      let theirs = median(newsboatFirsts) * 1000 / Double(feeds * itemsPerFeed)
      print("feeds: newsboat median of \(newsboatFirsts.count): \(String(format: "%.2f", median(newsboatFirsts))) s = "
        + "\(String(format: "%.3f", theirs)) ms per item; all 304: \(String(format: "%.2f", median(newsboatSeconds))) s; "
        + "dateline per item / newsboat per item = \(String(format: "%.2f", ours / theirs))")
    } else {
      print("feeds: newsboat is not installed: no comparison (apt-get install newsboat)")
    }
    print("feeds: refresh memory: \(before / 1_000_000) MB before, \(ProcessMemory.residentBytes() / 1_000_000) MB after, "
      + "peak \(ProcessMemory.peakResidentBytes() / 1_000_000) MB")
  } catch {
    print("feeds: refresh benchmark failed: \(error)")
  }
}

/// A fictional feed named `name` with `items` items of a few paragraphs.
func benchFeed(_ name: String, items: Int) -> String {
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
