import ArgumentParser
import DatelineCore
import DatelineFetch
import DatelineStore
import Foundation

/// `dateline subscribe [--folder A/B] [--library PATH] URL|FILE...`: follows feeds. A web page's feeds are
/// found through its `<link rel="alternate">` elements.
struct SubscribeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "subscribe",
    abstract: "Follow a feed: its URL or file, or a web page that names its feeds.",
    discussion: "Then 'dateline refresh' reads the feeds' items into the library, one story per item.")

  @Option(help: ArgumentHelp("Put the feed in this folder (nested folders separated by '/').", valueName: "FOLDER"))
  var folder: String?
  @OptionGroup var library: LibraryOption
  @OptionGroup var fetch: FetchOptions
  @Argument(help: "Feed URLs, web pages naming feeds, or feed files.") var sources: [String]

  func run() throws {
    let store = try library.open()
    let fetcher = fetch.fetcher()
    let folderPath = (folder ?? "").split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    var failed = false
    for source in sources {
      switch FeedLocator.feeds(at: source, fetcher: fetcher) {
      case .failure(let error):
        CaptureLoader.warn(error.message)
        failed = true
      case .success(let found):
        for var outline in found {
          outline.folder = folderPath
          do {
            let added = try store.subscribe(outline)
            let name = TextSanitizer.clean(Substring(outline.title ?? outline.url))
            print(added ? "subscribed: \(name) <\(TextSanitizer.clean(Substring(outline.url)))>" : "already subscribed: \(name)")
          } catch {
            CaptureLoader.warn(error.description)
            failed = true
          }
        }
      }
    }
    if failed { throw ExitCode.failure }
  }
}
