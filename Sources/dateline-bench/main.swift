import Foundation

// Release-built benchmarks that print figures: `swift run -c release dateline-bench [reading|...]`.
let which = Set(CommandLine.arguments.dropFirst())
func wants(_ name: String) -> Bool { which.isEmpty || which.contains(name) }

if wants("reading") { runReadingBenchmark(megabytes: 50, runs: 7) }
if wants("entities") { runEntityBenchmark() }
if wants("reader") { runReaderBenchmark() }
if wants("library") { runLibraryBenchmark() }
if wants("feeds") {
  runFeedBenchmark(directory: FileManager.default.temporaryDirectory.appendingPathComponent("dateline-feed-bench"))
}
