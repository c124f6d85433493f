import DatelineCore
import Foundation

/// Throughput of `TextCaptureReader` on a synthetic capture of about `megabytes` MB built from the sample
/// story's lines, and the process's peak memory against the input size.
func runReadingBenchmark(megabytes: Int, runs: Int) {
  let baseline = ProcessMemory.peakResidentBytes()
  let input = SyntheticCapture.liveBlog(bytes: megabytes * 1_000_000)
  let reader = TextCaptureReader()
  var seconds: [Double] = []
  var cpuSeconds: [Double] = []
  var updates = 0
  var runPeaks: [Int] = []
  for _ in 0..<runs {
    let canMeasureRun = ProcessMemory.resetPeak()
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = ProcessMemory.cpuSeconds()
    let story = try? reader.read(bytes: input, source: "synthetic")
    seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    cpuSeconds.append(ProcessMemory.cpuSeconds() - cpuStart)
    updates = story?.updates.count ?? 0
    if canMeasureRun, let peak = ProcessMemory.peakSinceReset() { runPeaks.append(peak) }
  }
  let peak = ProcessMemory.peakResidentBytes()
  let median = seconds.sorted()[seconds.count / 2]
  let mb = Double(input.count) / 1e6
  print("reading: \(String(format: "%.1f", mb)) MB capture, \(updates) updates, \(runs) runs")
  print("reading: median \(String(format: "%.3f", median)) s = \(String(format: "%.0f", mb / median)) MB/s "
    + "(min \(String(format: "%.3f", seconds.min() ?? 0)) s, max \(String(format: "%.3f", seconds.max() ?? 0)) s)")
  let cpuMedian = cpuSeconds.sorted()[cpuSeconds.count / 2]
  print("reading: median CPU time \(String(format: "%.3f", cpuMedian)) s = \(String(format: "%.0f", mb / cpuMedian)) MB/s "
    + "(wall time counts waiting for a core on a busy machine; CPU time does not)")
  if !runPeaks.isEmpty {
    // Each read's own peak (the input is held throughout, so it counts): the process peak over all runs also
    // holds what the allocator kept from earlier runs.
    runPeaks.sort()
    let runMedian = runPeaks[runPeaks.count / 2]
    print("reading: peak RSS of one read (input included): median \(runMedian / 1_000_000) MB "
      + "(\(String(format: "%.2f", Double(runMedian) / Double(input.count)))x input), "
      + "max \(runPeaks[runPeaks.count - 1] / 1_000_000) MB (\(String(format: "%.2f", Double(runPeaks[runPeaks.count - 1]) / Double(input.count)))x)")
  }
  print("reading: process peak RSS \(peak / 1_000_000) MB (\(String(format: "%.2f", Double(peak) / Double(input.count)))x input; "
    + "\(String(format: "%.2f", Double(peak - baseline) / Double(input.count)))x input above the \(baseline / 1_000_000) MB before the input was made)")
}

/// Synthetic captures built from the sample story.
enum SyntheticCapture {
  /// A live-blog capture of about `bytes` bytes: the sample's headline, standfirst and boilerplate around its
  /// body repeated, each copy's titles numbered so every update is distinct.
  static func liveBlog(bytes: Int) -> [UInt8] {
    let sample = BundledResource.text("sample-story.txt") ?? ""
    let lines = sample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let head = lines.prefix(6).joined(separator: "\n") + "\n"
    let body = Array(lines.dropFirst(6).dropLast(3))
    let tail = lines.suffix(3).joined(separator: "\n") + "\n"
    var out: [UInt8] = []
    out.reserveCapacity(bytes + 10_000)
    out += Array(head.utf8)
    var copy = 0
    while out.count < bytes {
      copy += 1
      for line in body {
        let shape = line.count < 90 && !line.hasSuffix(".") && !line.hasSuffix(":") ? "\(line) (\(copy))" : line
        out += Array(shape.utf8)
        out.append(0x0A)
      }
    }
    out += Array(tail.utf8)
    return out
  }
}
