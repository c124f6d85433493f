import Foundation
import XCTest

@testable import DatelineCore

/// `SplitStoryAnalysis` gives what the one-pass analysis gives, for the first updates and for the whole story,
/// however the threads happen to share the parts.
final class SplitStoryAnalysisTests: XCTestCase {
  /// The built-in sample, the seeds when `../shared` is beside the package, and a story with no update.
  func stories() -> [Story] {
    var stories = [TextCaptureReader().readSample()]
    let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../../shared/seeds").standardizedFileURL
    let names = (try? FileManager.default.contentsOfDirectory(atPath: shared.path)) ?? []
    for name in names.sorted() where name.hasSuffix(".txt") {
      if let story = try? TextCaptureReader().read(path: shared.appendingPathComponent(name).path) {
        stories.append(story)
      }
    }
    var bare = stories[0]
    bare.updates = []
    stories.append(bare)
    return stories
  }

  func testPreparedPartsJoinedGiveTheOnePassAnalysis() throws {
    let analyzer = StoryEntityAnalyzer()
    guard analyzer.hasModel else { throw XCTSkip("no entity model in this build") }
    for story in stories() {
      let texts = story.textParts.map(\.text)
      // Prepared in reverse order: the order threads finish parts in does not matter.
      var prepared: [EntityRecognizer.PreparedText?] = Array(repeating: nil, count: texts.count)
      for index in texts.indices.reversed() { prepared[index] = analyzer.prepare(texts[index], part: index) }
      XCTAssertEqual(
        analyzer.analyze(story, prepared: prepared.compactMap { $0 }), analyzer.analyze(story), story.source)
    }
  }

  func testFirstUpdatesAndWholeStoryWithWorkersRunning() throws {
    let analyzer = StoryEntityAnalyzer()
    guard analyzer.hasModel else { throw XCTSkip("no entity model in this build") }
    for story in stories() {
      let whole = analyzer.analyze(story)
      let counts = Set([0, 1, 2, 5, story.updates.count / 2, story.updates.count]).filter { $0 <= story.updates.count }
      for count in counts.sorted() {
        var first = story
        first.updates = Array(story.updates.prefix(count))
        let expected = analyzer.analyze(first)
        for round in 0..<3 {
          let split = SplitStoryAnalysis(story: story, analyzer: analyzer)
          let workers = DispatchGroup()
          // Round 0: no worker (the caller prepares everything); then one or two workers beside the caller.
          for _ in 0..<round {
            DispatchQueue.global().async(group: workers) { split.work() }
          }
          XCTAssertEqual(split.entities(ofFirstUpdates: count), expected, "\(story.source), \(count) updates")
          XCTAssertEqual(split.wholeEntities(), whole, "\(story.source), whole")
          XCTAssertEqual(workers.wait(timeout: .now() + 60), .success)
        }
      }
    }
  }
}
