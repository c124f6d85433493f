import DatelineCore
import Foundation
import XCTest

@testable import DatelineApp

/// `dateline FILE` draws its first frame with the entities of the updates on that screen and takes in the whole
/// story's (`Event.entitiesFound`) after it: what the first screen covers, what the reader shows meanwhile, and
/// that the end state is the one-pass analysis's.
final class FirstScreenEntitiesTests: XCTestCase {
  static let stoltenberg = Entity(name: "Jens Stoltenberg", type: .person, aliases: ["Stoltenberg"])
  static let brussels = Entity(name: "Brussels", type: .place)
  static let names = NameListEntities(entities: [
    Fixtures.blinken, Fixtures.zelensky, Fixtures.kyiv, Fixtures.nato, stoltenberg, brussels,
  ])

  /// The fixture story, five more updates (Stoltenberg is named only in the last of them) and eight without names.
  static let longStory: Story = {
    var story = Fixtures.story
    let texts = [
      ("Ministers gather", "Foreign ministers began arriving in Brussels on Tuesday evening for the meeting."),
      ("Air defence on the agenda", "Officials said air defence would top the agenda, as Zelensky has asked."),
      ("Blinken lands in Brussels", "Blinken flew from Kyiv to Brussels overnight and went straight into talks."),
      ("A long day of talks", "The ministers met for nine hours; no statement was issued before midnight."),
      ("Closing remarks", "Jens Stoltenberg told reporters the allies were united. Stoltenberg thanked Blinken."),
    ]
    for (number, text) in texts.enumerated() {
      let line = 20 + number * 2
      story.updates.append(Update(title: text.0, line: line, paragraphs: [Paragraph(line: line + 1, text: text.1)]))
    }
    // Earlier updates, without names, so that the end of the story is screens away from its first screen.
    for number in 0..<8 {
      let line = 40 + number * 2
      let text = "Earlier: a quiet hour as delegations arrived and the talks were prepared (\(number + 1))."
      story.updates.append(Update(title: "Overnight", line: line, paragraphs: [Paragraph(line: line + 1, text: text)]))
    }
    return story
  }()

  static let analyze: @Sendable (Story) -> StoryEntities = { names.analyze($0) }

  /// The reader as `dateline FILE` starts it (the first reduction loads the story) and the runner it uses.
  func start(
    _ story: Story, width: Int, height: Int,
    analyze: @escaping @Sendable (Story) -> StoryEntities = FirstScreenEntitiesTests.analyze
  )
    -> (AppState, EffectRunner)
  {
    let background = BackgroundEvents()
    MemoryStorySource.startAnalysis(of: story, analyze: analyze, on: background)
    let source = MemoryStorySource.firstScreen(
      of: story, size: (width, height), analyze: analyze, background: background)
    var state = AppState(entries: [source.entry], keymap: Fixtures.keymap, width: width, height: height)
    let runner = EffectRunner(source: source, background: background)
    _ = EffectRunner.apply(.resize(width: width, height: height), to: &state, runner: runner)
    return (state, runner)
  }

  /// `start` with the recogniser's analysis split across threads, as `dateline FILE` runs it.
  func startSplit(_ story: Story, width: Int, height: Int, analyzer: StoryEntityAnalyzer) -> (AppState, EffectRunner) {
    let background = BackgroundEvents()
    let split = SplitStoryAnalysis(story: story, analyzer: analyzer)
    MemoryStorySource.startAnalysis(split, on: background)
    let source = MemoryStorySource.firstScreen(of: story, size: (width, height), split: split, background: background)
    var state = AppState(entries: [source.entry], keymap: Fixtures.keymap, width: width, height: height)
    let runner = EffectRunner(source: source, background: background)
    _ = EffectRunner.apply(.resize(width: width, height: height), to: &state, runner: runner)
    return (state, runner)
  }

  /// The same story with its whole entities from the start, as the library serves it.
  func startWhole(_ story: Story, width: Int, height: Int) -> (AppState, EffectRunner) {
    let source = MemoryStorySource(story: story, entities: Self.analyze(story))
    var state = AppState(entries: [source.entry], keymap: Fixtures.keymap, width: width, height: height)
    let runner = EffectRunner(source: source)
    _ = EffectRunner.apply(.resize(width: width, height: height), to: &state, runner: runner)
    return (state, runner)
  }

  /// Takes in the background's events as the run loop does after the first frame.
  func finish(_ state: inout AppState, _ runner: EffectRunner) {
    XCTAssertTrue(runner.background.waitUntilDone(timeout: 30))
    let events = runner.background.drain()
    XCTAssertEqual(events.count, 1)
    for event in events { _ = EffectRunner.apply(event, to: &state, runner: runner) }
  }

  func run(_ state: inout AppState, _ runner: EffectRunner, _ commands: Command...) {
    for command in commands { _ = EffectRunner.apply(.command(command), to: &state, runner: runner) }
  }

  // MARK: Which updates the first screen needs

  func testTheFirstScreensUpdatesCoverEverythingTheLayoutShowsThere() throws {
    var stories = [Fixtures.story, Self.longStory, TextCaptureReader().readSample()]
    if let seed = try? Self.seed() { stories.append(seed) }
    for story in stories {
      for (width, height) in [(80, 24), (120, 40), (80, 8), (40, 10), (200, 60), (30, 6), (100, 30)] {
        let count = FirstScreen.updateCount(of: story, width: width, height: height)
        XCTAssertLessThanOrEqual(count, story.updates.count)
        let screen = ScreenLayout(width: width, height: height)
        let layout = StoryLayout(story: story, entities: StoryEntities(), width: screen.updateTextWidth)
        let rows = screen.contentRows(of: .updates)
        guard rows > 0, !layout.lines.isEmpty else { continue }
        let shown = (0..<min(rows, layout.lines.count)).compactMap { layout.lines[$0].update }
        XCTAssertLessThan(shown.max() ?? -1, count, "\(story.source) at \(width)x\(height)")
      }
    }
    // Not simply every update: a long story's first screen at 80x24 needs only its first few.
    let count = FirstScreen.updateCount(of: Self.longStory, width: 80, height: 24)
    XCTAssertLessThan(count, Self.longStory.updates.count)
    XCTAssertGreaterThanOrEqual(count, 3)
  }

  // MARK: The reducer

  func testTheFirstScreenListsItsOwnEntitiesAndSaysTheRestAreBeingFound() {
    let (state, _) = start(Self.longStory, width: 80, height: 24)
    XCTAssertTrue(state.findingEntities)
    guard case .firstUpdates(let count) = state.loaded[0]?.entityCoverage else {
      return XCTFail("the first screen should cover only the first updates")
    }
    var first = Self.longStory
    first.updates = Array(first.updates.prefix(count))
    XCTAssertEqual(state.openEntities, Self.analyze(first))
    XCTAssertFalse(state.sidebar.contains { $0.entity.id == Self.stoltenberg.id })
    XCTAssertTrue(StatusLineView.summary(state).hasPrefix("Finding names… · Story 1/1"))
    assertScreen(state, equals:
      """
       Stories (1)      │ Updates (16)                             │ Finding entities…
      ▸ Blinken meets Z…│ Blinken meets Zelensky in Kyiv           │ People
        16 updates      │ The US secretary of state is on his      │  Antony Blink… 4
                        │ fourth visit.                            │  Volodymyr Ze… 4
                        │                                          │ Places
                        │ Blinken arrives in Kyiv                  │  Kyiv          4
                        │                                          │  Brussels      1
                        │ Antony Blinken arrived in Kyiv on        │ Organisations
                        │ Tuesday for talks with Zelensky.         │  NATO          3
                        │                                          │
                        │ NATO allies are watching the visit       │
                        │ closely.                                 │
                        │                                          │
                        │ Zelensky addresses parliament            │
                        │                                          │
                        │ Zelensky said Kyiv needs more air        │
                        │ defence before winter.                   │
                        │                                          │
                        │ ┌─ Related ────────────────────────────┐ │
                        │ │ What we know about the aid           │ │
                        │ │ A guide to the package.              │ │
                        │ └──────────────────────────────────────┘ │
                        │                                          │
       Finding names… · Story 1/1 · update 1/16                      h: help  q: quit
      """)
  }

  func testTheWholeStorysEntitiesReplaceTheFirstScreensWhereTheReaderIs() {
    var (state, runner) = start(Self.longStory, width: 80, height: 24)
    var (whole, wholeRunner) = startWhole(Self.longStory, width: 80, height: 24)
    run(&state, runner, .moveDown, .moveDown, .moveDown)
    run(&whole, wholeRunner, .moveDown, .moveDown, .moveDown)
    finish(&state, runner)
    XCTAssertFalse(state.findingEntities)
    XCTAssertEqual(state.loaded[0]?.entityCoverage, .whole)
    XCTAssertEqual(state.openEntities, Self.analyze(Self.longStory))
    XCTAssertEqual(state.sidebar, whole.sidebar)
    XCTAssertTrue(state.sidebar.contains { $0.entity.id == Self.stoltenberg.id })
    XCTAssertEqual(state.updateScroll, 3)
    XCTAssertEqual(ScreenView.render(state).description, ScreenView.render(whole).description)
    // A second answer (or one for a story not in the list) changes nothing.
    let before = ScreenView.render(state).description
    _ = EffectRunner.apply(.entitiesFound(handle: 0, StoryEntities()), to: &state, runner: runner)
    _ = EffectRunner.apply(.entitiesFound(handle: 42, StoryEntities()), to: &state, runner: runner)
    XCTAssertEqual(state.openEntities, Self.analyze(Self.longStory))
    XCTAssertEqual(ScreenView.render(state).description, before)
  }

  func testMentionJumpsWithinTheFirstScreensUpdatesGoAtOnceAndBeyondThemWait() {
    var (state, runner) = start(Self.longStory, width: 80, height: 24)
    var (whole, wholeRunner) = startWhole(Self.longStory, width: 80, height: 24)
    guard case .firstUpdates(let count) = state.loaded[0]?.entityCoverage else { return XCTFail("not partial") }
    // Blinken: the first entity of the sidebar.
    run(&state, runner, .nextPane, .enter, .previousPane)
    run(&whole, wholeRunner, .nextPane, .enter, .previousPane)
    XCTAssertEqual(state.selectedEntity, Fixtures.blinken.id)
    var jumps = 0
    while true {
      run(&whole, wholeRunner, .nextMention)
      guard let target = whole.currentMention, let update = target.mention.part.update, update >= count else {
        run(&state, runner, .nextMention)
        XCTAssertEqual(state.currentMention, whole.currentMention, "jump \(jumps + 1)")
        XCTAssertEqual(state.updateScroll, whole.updateScroll)
        jumps += 1
        XCTAssertLessThan(jumps, 20)
        continue
      }
      break
    }
    // The next mention is past the analysed updates: the reader says so and stays put until they are done.
    let scroll = state.updateScroll
    let current = state.currentMention
    run(&state, runner, .nextMention)
    XCTAssertEqual(state.status, "Finding the names in the rest of the story…")
    XCTAssertEqual(state.updateScroll, scroll)
    XCTAssertEqual(state.currentMention, current)
    finish(&state, runner)
    XCTAssertEqual(state.currentMention, whole.currentMention)
    XCTAssertEqual(state.updateScroll, whole.updateScroll)
  }

  func testAJumpBackFromPastTheAnalysedUpdatesWaitsToo() {
    var (state, runner) = start(Self.longStory, width: 80, height: 24)
    var (whole, wholeRunner) = startWhole(Self.longStory, width: 80, height: 24)
    run(&whole, wholeRunner, .nextPane, .enter, .previousPane, .moveLast, .previousMention)
    run(&state, runner, .nextPane, .enter, .previousPane, .moveLast)
    let scroll = state.updateScroll
    run(&state, runner, .previousMention)
    XCTAssertEqual(state.status, "Finding the names in the rest of the story…")
    XCTAssertEqual(state.updateScroll, scroll)
    run(&state, runner, .selectEntity)
    XCTAssertEqual(state.status, "Finding the names in the rest of the story…")
    finish(&state, runner)
    // Done once the rest is known, where it goes with the whole story's entities from the start.
    XCTAssertNotNil(whole.currentMention)
    XCTAssertEqual(state.currentMention, whole.currentMention)
    XCTAssertEqual(state.updateScroll, whole.updateScroll)
  }

  // MARK: The recogniser: the end state is the one-pass analysis

  func testTheEndStateEqualsTheOnePassAnalysisOnTheSampleAndSeed() throws {
    try checkEndStateEqualsOnePass(split: false)
  }

  /// As `dateline FILE` runs the recogniser: its parts prepared by two workers and the drawing thread at once.
  func testTheEndStateOfTheSplitAnalysisEqualsTheOnePassAnalysis() throws {
    for _ in 0..<5 { try checkEndStateEqualsOnePass(split: true) }
  }

  func checkEndStateEqualsOnePass(split: Bool) throws {
    let analyzer = StoryEntityAnalyzer()
    guard analyzer.hasModel else { throw XCTSkip("no entity model in this build") }
    let analyze: @Sendable (Story) -> StoryEntities = { analyzer.analyze($0) }
    var stories = [TextCaptureReader().readSample()]
    if let seed = try? Self.seed() { stories.append(seed) }
    var partialSeen = 0
    for story in stories {
      let onePass = analyzer.analyze(story)
      for (width, height) in [(120, 40), (80, 24)] {
        var (state, runner) =
          split
          ? startSplit(story, width: width, height: height, analyzer: analyzer)
          : start(story, width: width, height: height, analyze: analyze)
        if state.findingEntities {
          partialSeen += 1
          XCTAssertNotEqual(state.openEntities, onePass, "the first screen's entities are a part only")
          finish(&state, runner)
        } else {
          // The whole story fits: the first frame used the whole analysis, and nothing is left to take in.
          XCTAssertTrue(runner.background.drain().isEmpty)
        }
        XCTAssertFalse(state.findingEntities)
        XCTAssertEqual(state.openEntities.entities, onePass.entities, "\(story.source) at \(width)x\(height)")
        XCTAssertEqual(state.openEntities.mentions, onePass.mentions, "\(story.source) at \(width)x\(height)")
        let index = MentionIndex(stories: [onePass])
        for entity in onePass.entities {
          XCTAssertEqual(Array(state.mentionIndex.mentions(of: entity.id)), Array(index.mentions(of: entity.id)))
        }
      }
    }
    if stories.count > 1 { XCTAssertGreaterThan(partialSeen, 0, "seed 000 is longer than a screen") }
  }

  /// Seed 000 from `../shared/seeds` (skipped when absent).
  static func seed() throws -> Story {
    let here = URL(fileURLWithPath: #filePath)
    var dir = here.deletingLastPathComponent()
    var folder: URL?
    for _ in 0..<6 where folder == nil {
      let candidate = dir.appendingPathComponent("../shared/seeds").standardizedFileURL
      if FileManager.default.fileExists(atPath: candidate.path) { folder = candidate }
      dir = dir.deletingLastPathComponent()
    }
    guard let folder else { throw XCTSkip("shared/seeds is not present beside the package") }
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("000") }
    guard let name = files.first else { throw XCTSkip("seed 000 is not present") }
    return try TextCaptureReader().read(path: folder.appendingPathComponent(name).path)
  }
}
