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
}
