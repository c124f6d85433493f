import ArgumentParser
import DatelineFetch

@main
struct Dateline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dateline",
    abstract: "A terminal reader for news articles and live blogs.",
    // The one version string: `dateline --version` and the User-Agent of every fetch say the same.
    version: FetchPolicy.version,
    subcommands: [ReadCommand.self, ParseCommand.self, EntitiesCommand.self, AddCommand.self, ListCommand.self, RemoveCommand.self,
      SubscribeCommand.self, UnsubscribeCommand.self, FeedsCommand.self, RefreshCommand.self, ImportOPMLCommand.self,
      ExportOPMLCommand.self],
    defaultSubcommand: ReadCommand.self)

  /// `dateline` and `dateline FILE...` go straight to the reader; everything else through ArgumentParser.
  /// Why: ArgumentParser builds its picture of every command by reflection, and in a binary this size each
  /// first protocol-conformance lookup scans thousands of records. That was a fifth of the time to the first
  /// frame (4–5 ms), for arguments that hold no option to parse. `PlainArgumentsTests` checks that both ways give
  /// the same `ReadRequest`.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let request = ReadRequest(plainArguments: arguments, commandNames: commandNames) {
      do {
        try request.run()
      } catch {
        exit(withError: error)
      }
      return
    }
    main(nil)
  }

  /// The words that name a subcommand (or ask for help) in the first argument. Written out (and an array, not a
  /// set: 13 comparisons cost less than making a set at start-up) because asking each subcommand's
  /// configuration costs more than the rest of the shortcut; `PlainArgumentsTests` checks that it
  /// is exactly the subcommands' names and aliases.
  static let commandNames: [String] = [
    "help", "read", "parse", "entities", "add", "list", "remove", "subscribe", "unsubscribe", "feeds", "refresh",
    "import-opml", "export-opml",
  ]
}
