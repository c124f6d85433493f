import DatelineCore
import Foundation

/// Feed parsing throughput (MB/s and items/s) on the fixtures of `FeedBenchFixtures`, written to a folder that
/// `scripts/feedparser-bench` reads too, so the two figures are on the same files.
func runFeedBenchmark(directory: URL, itemsPerFeed: Int = 2_000, runs: Int = 5) {
  let paths: [URL]
  do {
    paths = try FeedBenchFixtures.write(to: directory, itemsPerFeed: itemsPerFeed)
  } catch {
    print("feeds: cannot write fixtures to \(directory.path): \(error)")
    return
  }
  print("feeds: fixtures in \(directory.path) (compare: scripts/feedparser-bench \(directory.path))")
  var totalBytes = 0
  var totalItems = 0
  var totalSeconds = 0.0
  var totalCPU = 0.0
  // The XML files alone: the ones feedparser reads too (it reads no JSON Feed).
  var xmlBytes = 0
  var xmlCPU = 0.0
  var xmlSeconds = 0.0
  for path in paths {
    guard let data = try? Data(contentsOf: path) else { continue }
    let bytes = Array(data)
    var seconds: [Double] = []
    var cpuSeconds: [Double] = []
    var items = 0
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      let cpuStart = ProcessMemory.cpuSeconds()
      let result = FeedReading.read(bytes, baseURL: "https://bench.example/feed")
      seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      cpuSeconds.append(ProcessMemory.cpuSeconds() - cpuStart)
      if case .success(.feed(let feed)) = result { items = feed.items.count }
    }
    let median = seconds.sorted()[seconds.count / 2]
    let cpu = cpuSeconds.sorted()[cpuSeconds.count / 2]
    let mb = Double(bytes.count) / 1e6
    print("feeds: \(path.lastPathComponent): \(String(format: "%.2f", mb)) MB, \(items) items, median \(String(format: "%.4f", median)) s = "
      + "\(String(format: "%.1f", mb / median)) MB/s, \(String(format: "%.0f", Double(items) / median)) items/s; CPU "
      + "\(String(format: "%.4f", cpu)) s = \(String(format: "%.1f", mb / cpu)) MB/s")
    totalBytes += bytes.count
    totalItems += items
    totalSeconds += median
    totalCPU += cpu
    if path.pathExtension != "json" {
      xmlBytes += bytes.count
      xmlCPU += cpu
      xmlSeconds += median
    }
  }
  print("feeds: XML fixtures (as scripts/feedparser-bench reads): \(String(format: "%.2f", Double(xmlBytes) / 1e6)) MB, "
    + "\(String(format: "%.1f", Double(xmlBytes) / 1e6 / xmlSeconds)) MB/s wall, \(String(format: "%.1f", Double(xmlBytes) / 1e6 / xmlCPU)) MB/s CPU")
  let mb = Double(totalBytes) / 1e6
  print("feeds: all fixtures: \(String(format: "%.2f", mb)) MB, \(totalItems) items in \(String(format: "%.3f", totalSeconds)) s = "
    + "\(String(format: "%.1f", mb / totalSeconds)) MB/s, \(String(format: "%.0f", Double(totalItems) / totalSeconds)) items/s; "
    + "CPU \(String(format: "%.3f", totalCPU)) s = \(String(format: "%.1f", mb / totalCPU)) MB/s, "
    + "\(String(format: "%.0f", Double(totalItems) / totalCPU)) items/s (wall time counts waiting for a core on a busy machine)")
}
