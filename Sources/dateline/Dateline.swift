import ArgumentParser

@main
struct Dateline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dateline",
    abstract: "A terminal reader for news articles and live blogs.",
    subcommands: [ReadCommand.self, ParseCommand.self, EntitiesCommand.self, AddCommand.self, ListCommand.self, RemoveCommand.self,
      SubscribeCommand.self, UnsubscribeCommand.self, FeedsCommand.self, RefreshCommand.self, ImportOPMLCommand.self,
      ExportOPMLCommand.self],
    defaultSubcommand: ReadCommand.self)
}
