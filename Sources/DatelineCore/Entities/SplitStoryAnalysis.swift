import Foundation

/// One story's entities found by several threads at once, so that the entities of its first updates are ready
/// early and the whole story soon after, with exactly what `StoryEntityAnalyzer.analyze` gives for each.
///
/// Why: `dateline FILE` draws its first frame with the entities of the updates that frame shows, and the whole
/// story's entities complete it. Analysing those first updates on their own and the whole story again did the
/// first updates' work twice, on the thread that draws. Here each text part is prepared once
/// (`StoryEntityAnalyzer.prepare`, the costly per-text work) by whichever thread claims it next, in story order
/// (the first screen's parts first, since the first frame waits for them), and a thread that waits for parts
/// prepares the next unclaimed ones itself rather than sleep. Only the story-wide steps are done twice (for the
/// first parts, and for all of them).
public final class SplitStoryAnalysis: @unchecked Sendable {
  // @unchecked: every mutable property below is read and written only while `condition` is locked.
  private let story: Story
  private let texts: [String]
  private let analyzer: StoryEntityAnalyzer
  private let condition = NSCondition()
  /// Each part once prepared (nil while not, and for every part when there is no model).
  private var prepared: [EntityRecognizer.PreparedText?]
  private var done: [Bool]
  /// The first part not yet prepared: every part before it is.
  private var firstMissing = 0
  /// Parts below `next` are claimed (prepared or being prepared).
  private var next = 0

  /// An analysis of `story`; nothing runs until `work()` or a wait.
  public init(story: Story, analyzer: StoryEntityAnalyzer) {
    self.story = story
    self.texts = story.textParts.map(\.text)
    self.analyzer = analyzer
    self.prepared = Array(repeating: nil, count: texts.count)
    self.done = Array(repeating: false, count: texts.count)
  }

  /// Prepares unclaimed parts until none is left.
  public func work() {
    while let index = claim(below: texts.count) {
      prepare(index)
    }
  }

  /// The entities of the story's headline, standfirst and first `count` updates (what `analyze` gives for the
  /// story cut after them), once their parts are prepared; the calling thread prepares parts meanwhile.
  public func entities(ofFirstUpdates count: Int) -> StoryEntities {
    var first = story
    first.updates = Array(story.updates.prefix(max(0, count)))
    let parts = first.textParts.count
    return analyzer.analyze(first, prepared: waitForParts(below: parts))
  }

  /// The entities of the whole story, once every part is prepared; the calling thread helps meanwhile.
  public func wholeEntities() -> StoryEntities {
    analyzer.analyze(story, prepared: waitForParts(below: texts.count))
  }

  /// Parts `0..<end`, prepared: by this thread while any is unclaimed, else by the threads that claimed them.
  private func waitForParts(below end: Int) -> [EntityRecognizer.PreparedText] {
    while let index = claim(below: end) {
      prepare(index)
    }
    condition.lock()
    defer { condition.unlock() }
    while firstMissing < end { condition.wait() }
    return prepared[0..<end].compactMap { $0 }
  }

  /// The next unclaimed part below `end`, claimed; nil when there is none.
  private func claim(below end: Int) -> Int? {
    condition.lock()
    defer { condition.unlock() }
    guard next < end else { return nil }
    next += 1
    return next - 1
  }

  private func prepare(_ index: Int) {
    let text = analyzer.prepare(texts[index], part: index)
    condition.lock()
    prepared[index] = text
    done[index] = true
    while firstMissing < done.count, done[firstMissing] { firstMissing += 1 }
    condition.broadcast()
    condition.unlock()
  }
}
