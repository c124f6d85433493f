import ArgumentParser

@main
struct Dateline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dateline",
    abstract: "A terminal reader for news articles and live blogs.",
    subcommands: [ReadCommand.self, ParseCommand.self, EntitiesCommand.self, AddCommand.self, ListCommand.self, RemoveCommand.self],
    defaultSubcommand: ReadCommand.self)
}
