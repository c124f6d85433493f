import ArgumentParser
import DatelineCore
import DatelineStore

/// `dateline unsubscribe [--library PATH] URL...`: stops following feeds; their stories stay.
struct UnsubscribeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unsubscribe", abstract: "Stop following feeds (the stories their items made are kept).")

  @OptionGroup var library: LibraryOption
  @Argument(help: "Feed URLs (or paths) as 'dateline feeds' lists them.") var urls: [String]

  func run() throws {
    let store = try library.open()
    var failed = false
    for url in urls {
      do {
        if try store.unsubscribe(url: url) {
          print("unsubscribed: \(TextSanitizer.clean(Substring(url)))")
        } else {
          CaptureLoader.warn("\(url): not a feed the library follows")
          failed = true
        }
      } catch {
        CaptureLoader.warn(error.description)
        failed = true
      }
    }
    if failed { throw ExitCode.failure }
  }
}
