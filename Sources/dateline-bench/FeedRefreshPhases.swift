import DatelineCore
import DatelineFetch
import DatelineSession
import DatelineStore
import Foundation

/// Where a refresh's time goes: the same feeds taken through each step of `FeedRefresher` on its own, one step
/// after the other (HTTP for all feeds, 16 at once; then, on one core, parsing, making stories, finding entities;
/// then the library writes, one transaction per feed), each printed as milliseconds per item.
func printRefreshPhases(urls: [String], jobs: Int, policy: FetchPolicy, analyzer: StoryEntityAnalyzer, library: Library) {
  let fetcher = PageFetcher(policy: policy)
  let limiter = FetchLimiter(limit: jobs)
  var start = DispatchTime.now().uptimeNanoseconds
  let bodies: [(String, [UInt8], String?)] = runToCompletion {
    await withTaskGroup(of: (String, [UInt8], String?)?.self) { group in
      for url in urls {
        group.addTask {
          await limiter.run {
            guard case .success(.page(let page)) = await fetcher.fetch(url, validators: nil) else { return nil }
            return (url, page.bytes, page.contentType)
          }
        }
      }
      var result: [(String, [UInt8], String?)] = []
      for await body in group { if let body { result.append(body) } }
      return result
    }
  }
  let http = seconds(since: start)
  var cpu = ProcessMemory.cpuSeconds()
  var feeds: [(String, Feed)] = []
  for (url, bytes, contentType) in bodies {
    if case .success(.feed(let feed)) = FeedReading.read(bytes, contentType: contentType, baseURL: url) { feeds.append((url, feed)) }
  }
  let parse = ProcessMemory.cpuSeconds() - cpu
  cpu = ProcessMemory.cpuSeconds()
  var stories: [(String, [(FeedItem, Story, [UInt8])])] = []
  for (url, feed) in feeds {
    stories.append((url, feed.items.map { ($0, FeedStory.story(of: $0, feedURL: url), FeedStory.identity(of: $0)) }))
  }
  let story = ProcessMemory.cpuSeconds() - cpu
  cpu = ProcessMemory.cpuSeconds()
  var imports: [(String, [Library.FeedItemImport])] = []
  for (url, items) in stories {
    imports.append(
      (url, items.map { Library.FeedItemImport(itemID: $0.0.id, story: $0.1, bytes: $0.2, entities: analyzer.analyze($0.1)) }))
  }
  let entities = ProcessMemory.cpuSeconds() - cpu
  start = DispatchTime.now().uptimeNanoseconds
  cpu = ProcessMemory.cpuSeconds()
  for (url, items) in imports {
    _ = try? library.importFeedItems(feed: url, items: items, analyze: { analyzer.analyze($0) })
  }
  let write = seconds(since: start)
  let writeCPU = ProcessMemory.cpuSeconds() - cpu
  let items = Double(max(1, imports.reduce(0) { $0 + $1.1.count }))
  func ms(_ value: Double) -> String { String(format: "%.3f", value * 1000 / items) }
  print("feeds: refresh phases, ms per item (\(Int(items)) items): HTTP \(ms(http)) (wall, \(jobs) at once); "
    + "parse \(ms(parse)), story \(ms(story)), entities \(ms(entities)) (CPU, one core); "
    + "library writes \(ms(write)) wall, \(ms(writeCPU)) CPU (one transaction per feed)")
}

private func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
