import ArgumentParser
import DatelineStore

/// `dateline remove [--library PATH] STORY`: removes a story with its captures and mentions.
struct RemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Remove a story from the library, with its captures, updates, mentions and reading state.")

  @OptionGroup var library: LibraryOption
  @Argument(help: "The story: its id or exact headline as 'dateline list' prints them, or its number in that list.")
  var story: String

  func run() throws {
    let store = try library.open()
    do {
      guard let found = try store.findStory(story) else { throw LibraryError.noSuchStory(story) }
      try store.removeStory(id: found.id)
      print("Removed: \(AddCommand.clean(found.headline)) (\(found.updateCount) updates, \(found.captureCount) captures)")
    } catch let error as LibraryError {
      CaptureLoader.warn(error.description)
      throw ExitCode.failure
    }
  }
}
