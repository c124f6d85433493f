import DatelineApp
import DatelineCore
import DatelineSession
import DatelineStore
import Foundation

/// Prints the library's figures: importing 1,000 captures of a synthetic 100-update live blog (updates added,
/// edited and retitled between captures) with resident memory at 100, 500 and 1,000 captures; then opening a
/// library of 100,000 updates to its first screenful (the story list and the first story's first 40 updates).
func runLibraryBenchmark(captures: Int = 1000, stories: Int = 1000, updatesPerStory: Int = 100) {
  guard let sample = BundledResource.text("sample-story.txt") else {
    print("library: the sample story is missing from the binary")
    return
  }
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("dateline-bench-\(ProcessInfo.processInfo.processIdentifier)")
  try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  do {
    try benchImports(sample: sample, captures: captures, path: directory.appendingPathComponent("import.sqlite").path)
    try benchOpen(
      sample: sample, stories: stories, updatesPerStory: updatesPerStory,
      path: directory.appendingPathComponent("open.sqlite").path)
  } catch {
    print("library: \(error)")
  }
}

private func benchImports(sample: String, captures: Int, path: String) throws {
  let library = try Library(path: path)
  let blog = SyntheticLiveBlog(sample: sample, window: 100)
  let reader = TextCaptureReader()
  let analyzer = StoryEntityAnalyzer()
  var importSeconds = 0.0
  var readSeconds = 0.0
  var newCount = 0
  var changedCount = 0
  var rss: [(Int, Double)] = []
  for n in 0..<captures {
    let bytes = Array(blog.capture(n).utf8)
    let readStart = DispatchTime.now().uptimeNanoseconds
    let story = try reader.read(bytes: bytes, source: "synthetic-live-blog.txt")
    let importStart = DispatchTime.now().uptimeNanoseconds
    let report = try library.importCapture(story, bytes: bytes) { analyzer.analyze($0) }
    let end = DispatchTime.now().uptimeNanoseconds
    readSeconds += Double(importStart - readStart) / 1e9
    importSeconds += Double(end - importStart) / 1e9
    newCount += report.new.count
    changedCount += report.changed.count
    if [100, 500, 1000].contains(n + 1) { rss.append((n + 1, Double(ProcessMemory.residentBytes()) / 1_048_576)) }
  }
  let summary = try library.stories()
  print(
    String(
      format: "library: %d captures imported in %.2f s (read %.2f s + merge/store %.2f s); %d stories, %d updates, %d new, %d changed",
      captures, readSeconds + importSeconds, readSeconds, importSeconds, summary.count,
      summary.first?.updateCount ?? 0, newCount, changedCount))
  print("library: resident memory " + rss.map { String(format: "%.1f MB at %d", $0.1, $0.0) }.joined(separator: ", "))
}

private func benchOpen(sample: String, stories: Int, updatesPerStory: Int, path: String) throws {
  let blog = SyntheticLiveBlog(sample: sample, window: updatesPerStory)
  let template = try TextCaptureReader().read(bytes: Array(blog.capture(0).utf8), source: "template")
  let buildStart = DispatchTime.now().uptimeNanoseconds
  do {
    let library = try Library(path: path)
    for s in 0..<stories {
      var story = template
      story.headline = blog.renamed(seed: s).headline
      story.id = StoryID(headline: story.headline)
      story.source = "story-\(s).txt"
      _ = try library.importCapture(story, bytes: Array("\(s)".utf8) + Array(story.headline.utf8))
    }
  }
  let buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e9
  var times: [Double] = []
  var total = 0
  var shown = 0
  for _ in 0..<5 {
    let start = DispatchTime.now().uptimeNanoseconds
    let library = try Library(path: path)
    let list = try library.stories()
    let first = try list.first.map { try library.updates(story: $0.id, range: 0..<40) } ?? []
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    total = list.reduce(0) { $0 + $1.updateCount }
    shown = first.count
  }
  times.sort()
  print(
    String(
      format: "library: built %d stories / %d updates in %.1f s; open to first screen (list + %d updates): median %.1f ms (min %.1f, max %.1f)",
      stories, total, buildSeconds, shown, times[times.count / 2], times[0], times[times.count - 1]))

  // What `dateline` does on start: open the library, list the stories, load the one to show, draw 120x40.
  var frames: [Double] = []
  var loadedStories = 0
  for _ in 0..<5 {
    let start = DispatchTime.now().uptimeNanoseconds
    let source = LibraryStorySource(library: try Library(path: path))
    let entries = try source.entries()
    var state = AppState(entries: entries, keymap: Keymap(), width: 120, height: 40, opening: source.lastReadIndex(in: entries))
    _ = EffectRunner.apply(.resize(width: 120, height: 40), to: &state, runner: EffectRunner(source: source))
    let grid = ScreenView.render(state)
    frames.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    loadedStories = state.loaded.count
    if grid.width != 120 { print("library: the frame has the wrong size") }
  }
  frames.sort()
  print(
    String(
      format: "library: reader start to first 120x40 frame (%d stories listed, %d loaded): median %.1f ms (min %.1f, max %.1f)",
      stories, loadedStories, frames[frames.count / 2], frames[0], frames[frames.count - 1]))
}
