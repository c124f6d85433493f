import ArgumentParser
import DatelineApp
import DatelineCore
import DatelineTerminal
import Foundation

/// `dateline [read] [FILE...]`: the reader on the built-in sample or on captures.
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Read stories in the terminal (the built-in sample with no file).",
    discussion: """
      Keys: press h (or F1) in the reader. Key bindings can be changed in \
      $XDG_CONFIG_HOME/dateline/keymap.conf (else ~/.config/dateline/keymap.conf) with lines such as \
      'bind j move-down'. When standard output is not a terminal the stories are printed as text.
      """)

  @Option(help: ArgumentHelp("A list of names to highlight, one 'TYPE NAME [| ALIAS...]' a line.", visibility: .hidden))
  var names: String?

  @Argument(help: "Plain-text captures, one paragraph per line ('-' for standard input).") var files: [String] = []

  func run() throws {
    let reader = CaptureLoader.reader()
    let stories = CaptureLoader.sources(files).compactMap { CaptureLoader.load($0, with: reader) }
    if stories.isEmpty && !files.isEmpty { throw ExitCode.failure }

    guard isatty(STDOUT_FILENO) == 1 else {
      print(stories.map { StoryText($0).rendered() }.joined(separator: "\n\n"))
      return
    }

    let nameList = try names.map(Self.loadNames)
    let entities = nameList.map { list in stories.map(list.analyze) } ?? Self.recognisedEntities(of: stories)
    let environment = ProcessInfo.processInfo.environment
    let (keymap, keymapError) = Self.loadKeymap(environment: environment)

    var terminal: CursesTerminal
    do {
      terminal = try CursesTerminal(environment: environment)
    } catch {
      CaptureLoader.warn(error.description)
      throw ExitCode.failure
    }
    let size = terminal.size
    let state = AppState(
      stories: stories, entities: entities, keymap: keymap, width: size.width, height: size.height,
      status: keymapError.map { "\($0) (default keys in use)" })
    ReaderLoop.run(state, backend: &terminal)
    terminal.close()
    if let signal = terminal.pendingSignal { CursesTerminal.reraise(signal) }
  }

  /// THE place the entity recogniser is plugged in: the entities and mentions of one story.
  /// (`--names FILE` replaces it with exact matching of a list of names, for tests and demos.)
  static func recognisedEntities(of stories: [Story]) -> [StoryEntities] {
    let analyzer = StoryEntityAnalyzer()
    return stories.map { analyzer.analyze($0) }
  }

  /// The default keymap plus the user's file; a bad user file gives the defaults and one message.
  static func loadKeymap(environment: [String: String]) -> (Keymap, KeymapError?) {
    let defaults = BundledResource.text(Keymap.fileName) ?? ""
    guard let path = KeymapLoader.userFilePath(environment: environment),
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
