import ArgumentParser
import DatelineApp
import DatelineCore
import DatelineFetch
import DatelineSession
import DatelineStore
import DatelineTerminal
import Foundation

/// What `dateline [read]` was asked to do, as plain values: `ReadCommand` makes one from its parsed options,
/// and `dateline` and `dateline FILE...` make one without ArgumentParser (`init(plainArguments:)`).
struct ReadRequest: Equatable {
  var names: String?
  var libraryPath: String?
  var timeout: Int?
  var refresh: Int?
  var files: [String]

  func run() throws {
    // The keymap files are read and parsed on another core while this one reads the story or opens the library.
    _ = Self.keymap
    let nameList = try names.map(Self.loadNames)
    if files.isEmpty {
      try readLibrary(names: nameList)
    } else {
      try readCaptures(names: nameList)
    }
  }

  /// The library, or the built-in sample while the library is empty.
  func readLibrary(names: NameListEntities?) throws {
    let store = try LibraryOption.openForReading(path: libraryPath)
    // The recogniser is made when a refresh needs it (off the main thread), not at start-up.
    let lazyAnalysis: Library.EntityAnalysis
    if let names {
      lazyAnalysis = { names.analyze($0) }
    } else {
      lazyAnalysis = { StoryEntityAnalyzer().analyze($0) }
    }
    // Pages are read only when a story is fetched again: the reader (its rules) is made then.
    let pages = LazyStoryReader(userRules: CaptureLoader.userRules())
    // One HTTP client for fetching stories again and refreshing feeds.
    let fetcher = FetchOptions.fetcher(timeout: timeout)
    let source = LibraryStorySource(
      library: store,
      importer: PageImporter(
        library: store, fetcher: fetcher,
        read: { page, source in try InputLoader.read(page, source: source, with: pages.reader) }, analyze: lazyAnalysis),
      feeds: FeedRefresher(library: store, fetcher: fetcher, analyze: lazyAnalysis))
    let summaries: [StorySummary]
    let entries: [StoryEntry]
    do {
      summaries = try store.stories()
      // Grouped by feed when there are subscriptions (the list read once, above).
      entries = try source.entries(summaries)
    } catch {
      CaptureLoader.warn(error.description)
      throw ExitCode.failure
    }
    // Feeds subscribed to but not fetched yet: the (empty) library, where r fetches them, rather than the sample.
    let feedCount = entries.isEmpty ? ((try? store.subscriptions().count) ?? 0) : 0
    guard !entries.isEmpty || feedCount > 0 else {
      let sample = CaptureLoader.reader().readSample()
      try readInMemory(
        [sample], names: names,
        status: "The library is empty: this is the built-in sample. Import captures with 'dateline add FILE'.")
      return
    }
    guard isatty(STDOUT_FILENO) == 1 else {
      print(ListCommand.text(summaries))
      return
    }
    let opening = source.lastReadIndex(in: entries)
    try runReader(
      source: source, entries: entries, opening: opening,
      slowStart: entries.indices.contains(opening) && entries[opening].updateCount >= 500,
      status: entries.isEmpty
        ? "No stories yet from your \(feedCount == 1 ? "feed" : "\(feedCount) feeds"): press r to fetch them." : nil,
      afterFirstFrame: { _ in
        // The first frame needed only reads; the writable connections are opened now, before the first write.
        store.prepareForWriting()
        return nil
      })
  }

  /// Captures named on the command line, merged in a temporary library.
  func readCaptures(names: NameListEntities?) throws {
    let reader = CaptureLoader.reader()
    // Held only until the temporary library has them: a capture may be hundreds of megabytes.
    var captures: [(story: Story, bytes: [UInt8])] = []
    var pages: [(url: String, page: FetchedPage)] = []
    // Made only when an argument is a URL: a file needs no HTTP client (nor the settings file it reads).
    lazy var fetcher = FetchOptions.fetcher(timeout: timeout)
    for file in files {
      do {
        let input = try InputLoader.read(file, with: reader, fetcher: fetcher)
        captures.append((input.story, input.bytes))
        if let page = input.page { pages.append((file, page)) }
      } catch {
        CaptureLoader.warn(String(describing: error))
      }
    }
    if captures.isEmpty { throw ExitCode.failure }
    guard isatty(STDOUT_FILENO) == 1 else {
      print(captures.map { StoryText($0.story).rendered() }.joined(separator: "\n\n"))
      return
    }
    let analyze = Self.analysis(names)
    let megabytes = Double(captures.reduce(0) { $0 + $1.bytes.count }) / 1_000_000
    if megabytes >= 4 {
      // Finding the entities of a very large capture takes seconds: say so rather than look hung.
      CaptureLoader.warn(String(format: "finding the people, places and organisations in %.1f MB of text…", megabytes))
    }
    if captures.count == 1, megabytes < 4 {
      try readCaptureFast(
        captures[0], fetched: pages.first, reader: reader, analyze: analyze,
        splitting: names == nil ? StoryEntityAnalyzer() : nil)
      return
    }
    guard let scratch = ScratchLibrary(captures: captures, analyze: analyze) else {
      try readInMemory(captures.map(\.story), names: names, status: nil)
      return
    }
    defer { scratch.remove() }
    for fetched in pages { Self.recordValidators(of: fetched, in: scratch.library) }
    let order = captures.map { $0.story.id.rawValue }
    captures = []
    let entries: [StoryEntry]
    do {
      entries = try scratch.entries(order: order)
    } catch {
      CaptureLoader.warn(error.description)
      throw ExitCode.failure
    }
    try runReader(
      source: LibraryStorySource(
        library: scratch.library, importer: pageImporter(scratch.library, reader: reader, analyze: analyze)),
      entries: entries, opening: 0, slowStart: megabytes >= 4,
      beforeSignalExit: scratch.remove)
  }

  /// Stories all in memory, with nothing saved.
  func readInMemory(_ stories: [Story], names: NameListEntities?, status: String?) throws {
    guard isatty(STDOUT_FILENO) == 1 else {
      print(stories.map { StoryText($0).rendered() }.joined(separator: "\n\n"))
      return
    }
    let analyze = Self.analysis(names)
    try withTerminal { keymap, keymapStatus, size in
      AppState(
        stories: stories, entities: stories.map(analyze), keymap: keymap, width: size.width, height: size.height,
        status: keymapStatus ?? status)
    } run: { state, terminal in
      ReaderLoop.run(state, backend: &terminal)
    }
  }

  func runReader(
    source: LibraryStorySource, entries: [StoryEntry], opening: Int, slowStart: Bool, status: String? = nil,
    beforeSignalExit: () -> Void = {},
    afterFirstFrame: ((AppState) -> (state: AppState, runner: EffectRunner?)?)? = nil
  ) throws {
    try withTerminal(beforeSignalExit: beforeSignalExit) { keymap, keymapStatus, size in
      AppState(
        entries: entries, keymap: keymap, width: size.width, height: size.height, opening: opening,
        status: keymapStatus ?? status)
    } run: { state, terminal in
      ReaderLoop.run(
        state, backend: &terminal, runner: EffectRunner(source: source), slowStart: slowStart,
        refreshEvery: refreshPeriod, afterFirstFrame: afterFirstFrame)
    }
  }

  /// How often the open story is fetched again (`--refresh`, else the settings file), when at all.
  var refreshPeriod: TimeInterval? {
    (refresh ?? SettingsFile.load().refreshSeconds).map(TimeInterval.init)
  }

  /// Opens the terminal, makes the first state, runs, and restores the terminal (re-raising a terminating
  /// signal after the reader has saved its state and `beforeSignalExit` has cleaned up: the signal ends the
  /// process before any `defer` of the caller runs).
  func withTerminal(
    beforeSignalExit: () -> Void = {},
    makeState: (Keymap, String?, (width: Int, height: Int)) -> AppState,
    run: (AppState, inout CursesTerminal) -> Void
  ) throws {
    let environment = StartEnvironment.values()
    let (keymap, keymapError) = Self.keymap.value
    var terminal: CursesTerminal
    do {
      terminal = try CursesTerminal(environment: environment)
    } catch {
      CaptureLoader.warn(error.description)
      throw ExitCode.failure
    }
    let state = makeState(keymap, keymapError.map { "\($0) (default keys in use)" }, terminal.size)
    run(state, &terminal)
    terminal.close()
    if let signal = terminal.pendingSignal {
      beforeSignalExit()
      CursesTerminal.reraise(signal)
    }
  }

  /// Keeps the validators of a page fetched for this reader, so that `R` on an unchanged page costs one 304.
  static func recordValidators(of fetched: (url: String, page: FetchedPage), in library: Library) {
    try? library.recordFetch(
      url: fetched.url, finalURL: fetched.page.finalURL.absoluteString, etag: fetched.page.validators.etag,
      lastModified: fetched.page.validators.lastModified)
  }

  /// Fetches stories from the web again into `store` (`R`, `--refresh`).
  func pageImporter(_ store: Library, reader: StoryReader, analyze: @escaping Library.EntityAnalysis) -> PageImporter {
    PageImporter(
      library: store, fetcher: FetchOptions.fetcher(timeout: timeout), read: { page, source in try InputLoader.read(page, source: source, with: reader) },
      analyze: analyze)
  }

  /// THE place the entity recogniser is plugged in: the entities and mentions of one story.
  /// (`--names FILE` replaces it with exact matching of a list of names, for tests and demos.)
  static func analysis(_ names: NameListEntities?) -> Library.EntityAnalysis {
    if let names { return { names.analyze($0) } }
    let analyzer = StoryEntityAnalyzer()
    return { analyzer.analyze($0) }
  }

  /// `loadKeymap` for this process' environment, started at the first use of this (in `run()`).
  static let keymap = Preload { loadKeymap(environment: StartEnvironment.values()) }

  /// The default keymap plus the user's file; a bad user file gives the defaults and one message.
  static func loadKeymap(environment: [String: String]) -> (Keymap, KeymapError?) {
    let defaults = BundledResource.text(Keymap.fileName) ?? ""
    guard let path = KeymapLoader.userFilePath(environment: environment), ConfigDirectory.fileExists(atPath: path),
      let data = FileManager.default.contents(atPath: path)
    else {
      return (Keymap.defaults(from: defaults), nil)  // no file, or no readable config directory: defaults
    }
    // The status line names the file by its last two components ("dateline/keymap.conf:3: ...") so the
    // problem itself still fits on a narrow terminal.
    let shortName = path.split(separator: "/").suffix(2).joined(separator: "/")
    return KeymapLoader.load(defaultsText: defaults, userText: String(decoding: data, as: UTF8.self), userPath: shortName)
  }

  static func loadNames(_ path: String) throws -> NameListEntities {
    guard let data = FileManager.default.contents(atPath: path) else {
      CaptureLoader.warn("\(path): cannot read the name list")
      throw ExitCode.failure
    }
    let (list, problem) = NameListEntities.parse(String(decoding: data, as: UTF8.self))
    guard let list else {
      CaptureLoader.warn("\(path): \(problem ?? "bad name list")")
      throw ExitCode.failure
    }
    return list
  }
}

extension ReadRequest {
  /// The request for arguments that hold no option and no subcommand (`dateline`, `dateline FILE...`), which
  /// ArgumentParser would give to `ReadCommand` as files; nil for anything else (an argument starting with `-`,
  /// `-` itself for standard input, or a first argument naming a subcommand), which goes through ArgumentParser.
  init?(plainArguments arguments: [String], commandNames: [String]) {
    if let first = arguments.first, commandNames.contains(first) { return nil }
    guard arguments.allSatisfy({ !$0.hasPrefix("-") }) else { return nil }
    self.init(names: nil, libraryPath: nil, timeout: nil, refresh: nil, files: arguments)
  }
}
