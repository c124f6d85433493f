import ArgumentParser

@main
struct Dateline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dateline",
    abstract: "A terminal reader for news articles and live blogs.",
    subcommands: [ParseCommand.self],
    defaultSubcommand: ParseCommand.self)
}
