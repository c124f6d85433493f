import Foundation

// Release-built benchmarks that print figures: `swift run -c release dateline-bench [reading|...]`.
let which = Set(CommandLine.arguments.dropFirst().filter { !$0.contains("/") })
func wants(_ name: String) -> Bool { which.isEmpty || which.contains(name) }

if wants("reading") { runReadingBenchmark(megabytes: 50, runs: 7) }
if wants("entities") { runEntityBenchmark() }
if wants("reader") { runReaderBenchmark() }
if wants("library") { runLibraryBenchmark() }
if wants("feeds") {
  runFeedBenchmark(directory: FileManager.default.temporaryDirectory.appendingPathComponent("dateline-feed-bench"))
  runFeedRefreshBenchmark()
}
// One half of `feeds` alone (for a profiler).
if which.contains("feeds-parse") {
  runFeedBenchmark(directory: FileManager.default.temporaryDirectory.appendingPathComponent("dateline-feed-bench"))
}
if which.contains("feeds-refresh") { runFeedRefreshBenchmark() }
// The refresh benchmark's server process (started by it).
if which.contains("feeds-serve") {
  FeedBenchServer.serve(itemsPerFeed: CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 10)
}
if wants("html") {
  // `dateline-bench html [FOLDER]`: a folder of pages instead of the fixtures.
  let folder = CommandLine.arguments.dropFirst().first { $0 != "html" && !$0.hasPrefix("-") && $0.contains("/") }
  runHTMLBenchmark(folder: folder)
}
if wants("fetch") { runFetchBenchmark() }
