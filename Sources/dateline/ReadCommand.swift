import ArgumentParser
import DatelineApp
import DatelineCore
import DatelineFetch
import DatelineSession
import DatelineStore
import DatelineTerminal
import Foundation

/// `dateline [read] [FILE...]`: the reader on the library (the built-in sample while it is empty) or on captures.
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Read stories in the terminal: the library, or the captures named (the built-in sample when the library is empty).",
    discussion: """
      Keys: press h (or F1) in the reader. Key bindings can be changed in \
      $XDG_CONFIG_HOME/dateline/keymap.conf (else ~/.config/dateline/keymap.conf) with lines such as \
      'bind j move-down'. Captures named on the command line are merged into stories like 'dateline add' does, \
      in a temporary library: the user's library is not changed. When standard output is not a terminal the \
      stories (or the library's story list) are printed as text.
      """)

  @Option(help: ArgumentHelp("A list of names to highlight, one 'TYPE NAME [| ALIAS...]' a line.", visibility: .hidden))
  var names: String?

  @OptionGroup var library: LibraryOption
  @OptionGroup var fetch: FetchOptions
  @Option(
    help: ArgumentHelp(
      "Fetch the open story again every SECONDS when it came from a URL (default: the settings file's 'refresh', else only on R).",
      valueName: "SECONDS"))
  var refresh: Int?

  @Argument(help: "Plain-text captures (one paragraph per line), saved HTML pages or http(s) URLs ('-' for standard input).") var files: [String] = []

  func validate() throws {
    if let refresh, !(1...86_400).contains(refresh) { throw ValidationError("--refresh takes seconds from 1 to 86400") }
  }

  func run() throws {
    try request.run()
  }

  /// What was asked, as plain values.
  var request: ReadRequest {
    ReadRequest(names: names, libraryPath: library.path, timeout: fetch.timeout, refresh: refresh, files: files)
  }
}
