import DatelineApp
import DatelineCore
import DatelineFetch
import DatelineSession
import DatelineStore
import DatelineTerminal

extension ReadRequest {
  /// One capture: the first frame is drawn from the story in memory, with the entities of the updates it can
  /// show; the whole story is analysed on another thread from before the terminal is opened, and taken in right
  /// after that frame (`Event.entitiesFound`). The temporary library (reading position, marks, the library-wide views) is made
  /// after it, while the reader looks at the screen. A page `fetched` from a URL keeps its validators there,
  /// and `R` (or `--refresh`) fetches it again.
  func readCaptureFast(
    _ capture: (story: Story, bytes: [UInt8]), fetched: (url: String, page: FetchedPage)?, reader: StoryReader,
    analyze: @escaping Library.EntityAnalysis, splitting analyzer: StoryEntityAnalyzer?
  ) throws {
    let story = capture.story
    let background = BackgroundEvents()
    // The recogniser's analysis is split across threads; a `--names` list is quick and done in one piece.
    let split = analyzer.map { SplitStoryAnalysis(story: story, analyzer: $0) }
    if let split {
      MemoryStorySource.startAnalysis(split, on: background)
    } else {
      MemoryStorySource.startAnalysis(of: story, analyze: analyze, on: background)
    }
    var memory: MemoryStorySource?
    var scratch: ScratchLibrary?
    defer { scratch?.remove() }
    try withTerminal(beforeSignalExit: { scratch?.remove() }) { keymap, keymapStatus, size in
      let shown =
        split.map { MemoryStorySource.firstScreen(of: story, size: size, split: $0, background: background) }
        ?? MemoryStorySource.firstScreen(of: story, size: size, analyze: analyze, background: background)
      memory = shown
      // Served as the library will serve it, so that the frame after the switch is the same.
      return AppState(
        entries: [shown.entry], keymap: keymap, width: size.width, height: size.height, status: keymapStatus)
    } run: { state, terminal in
      guard let memory else { return }
      ReaderLoop.run(
        state, backend: &terminal, runner: EffectRunner(source: memory, background: background),
        refreshEvery: refreshPeriod, finishFirstScreen: true
      ) { shown in
        // The story is analysed already (the whole of it, once the first screen is finished): the import reuses it.
        let whole = shown.loaded.values.first { $0.story.id == story.id && $0.entityCoverage.isWhole }?.entities
        let reuse: Library.EntityAnalysis = { $0.id == story.id ? whole ?? analyze($0) : analyze($0) }
        guard let made = ScratchLibrary(captures: [capture], analyze: reuse),
          let entries = try? made.entries(order: [story.id.rawValue])
        else {
          // The story stays in memory, as it is on screen (nothing is saved).
          let entities = whole ?? analyze(story)
          return (shown, EffectRunner(source: MemoryStorySource(story: story, entities: entities)))
        }
        scratch = made
        if let fetched { Self.recordValidators(of: fetched, in: made.library) }
        let next = AppState(
          entries: entries, keymap: shown.keymap, width: shown.screen.width, height: shown.screen.height,
          status: shown.status)
        let importer = pageImporter(made.library, reader: reader, analyze: analyze)
        return (next, EffectRunner(source: LibraryStorySource(library: made.library, importer: importer)))
      }
    }
  }
}
