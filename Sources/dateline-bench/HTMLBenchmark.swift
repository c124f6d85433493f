import DatelineCore
import Foundation

/// Reads every HTML page of a folder (the fixtures by default) as `dateline parse` does, again and again for
/// about `seconds`, and prints pages/s, MB/s and the peak memory one page takes. `scripts/bench-trafilatura`
/// runs trafilatura over the same pages for comparison.
func runHTMLBenchmark(folder: String?, seconds: Double = 5) {
  let directory = folder ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/html").path
  guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory).filter({ $0.hasSuffix(".html") }).sorted(),
    !names.isEmpty
  else {
    print("html: no .html pages in \(directory)")
    return
  }
  let pages = names.compactMap { name in
    FileManager.default.contents(atPath: directory + "/" + name).map { (name, Array($0)) }
  }
  let reader = StoryReader()
  let totalBytes = pages.reduce(0) { $0 + $1.1.count }
  print("html: \(pages.count) pages, \(totalBytes / 1024) KB, from \(directory)")

  // Peak memory of one page: the kernel's high-water mark, reset before each page.
  var peaks: [(String, Int)] = []
  var failures = 0
  for (name, bytes) in pages {
    let before = ProcessMemory.residentBytes()
    let canMeasure = ProcessMemory.resetPeak()
    let story = try? reader.read(InputDocument(bytes: bytes, source: name))
    if story == nil { failures += 1 }
    if canMeasure, let peak = ProcessMemory.peakSinceReset() { peaks.append((name, max(0, peak - before))) }
  }

  var passes = 0
  var checksum = 0
  let start = DispatchTime.now().uptimeNanoseconds
  var elapsed = 0.0
  while elapsed < seconds || passes < 3 {
    for (name, bytes) in pages {
      if let story = try? reader.read(InputDocument(bytes: bytes, source: name)) { checksum &+= story.updates.count }
    }
    passes += 1
    elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }
  let pagesPerSecond = Double(passes * pages.count) / elapsed
  let megabytesPerSecond = Double(passes * totalBytes) / elapsed / 1_000_000
  print(String(format: "html: %d passes in %.2f s: %.0f pages/s, %.1f MB/s (%d pages give no story, as expected of the broken ones)",
    passes, elapsed, pagesPerSecond, megabytesPerSecond, failures))
  if let worst = peaks.max(by: { $0.1 < $1.1 }) {
    let mean = peaks.reduce(0) { $0 + $1.1 } / max(1, peaks.count)
    print(String(format: "html: peak memory per page: mean %.2f MB, largest %.2f MB (%@)",
      Double(mean) / 1e6, Double(worst.1) / 1e6, worst.0))
  } else {
    print("html: peak memory per page: not measurable here (no /proc/self/clear_refs)")
  }
  if checksum == 0 { print("") }
}
