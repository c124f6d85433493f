import DatelineApp
import DatelineCore
import DatelineFetch
import DatelineSession
import DatelineStore
import DatelineTerminal

extension ReadCommand {
  /// One capture: the first frame is drawn from the story in memory, and the temporary library (reading
  /// position, marks, the library-wide views) is made after it, while the reader looks at the screen. A page
  /// `fetched` from a URL keeps its validators there, and `R` (or `--refresh`) fetches it again.
  func readCaptureFast(
    _ capture: (story: Story, bytes: [UInt8]), fetched: (url: String, page: FetchedPage)?, reader: StoryReader,
    analyze: @escaping Library.EntityAnalysis
  ) throws {
    let entities = analyze(capture.story)
    let memory = MemoryStorySource(story: capture.story, entities: entities)
    var scratch: ScratchLibrary?
    defer { scratch?.remove() }
    try withTerminal(beforeSignalExit: { scratch?.remove() }) { keymap, keymapStatus, size in
      // Served as the library will serve it, so that the frame after the switch is the same.
      AppState(entries: [memory.entry], keymap: keymap, width: size.width, height: size.height, status: keymapStatus)
    } run: { state, terminal in
      ReaderLoop.run(state, backend: &terminal, runner: EffectRunner(source: memory), refreshEvery: refreshPeriod) {
        shown in
        // The story is analysed already: the import reuses it.
        let story = capture.story
        let reuse: Library.EntityAnalysis = { $0.id == story.id ? entities : analyze($0) }
        guard let made = ScratchLibrary(captures: [capture], analyze: reuse),
          let entries = try? made.entries(order: [story.id.rawValue])
        else {
          return nil  // the story stays in memory, as it is on screen (nothing is saved)
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
