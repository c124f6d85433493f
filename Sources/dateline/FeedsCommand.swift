import ArgumentParser
import DatelineCore
import DatelineStore

/// `dateline feeds [--json] [--library PATH]`: the feeds the library follows, by folder, with story and
/// unread counts.
struct FeedsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "feeds", abstract: "List the feeds the library follows, with their stories and unread counts.")

  @Flag(
    help: """
      Print JSON: {"feeds": [{"url", "title", "html_url", "folder": [...], "stories", "unread"}]}.
      """)
  var json = false
  @OptionGroup var library: LibraryOption

  func run() throws {
    let store = try library.open()
    let feeds: [Subscription]
    do {
      feeds = try store.subscriptions()
    } catch {
      CaptureLoader.warn(error.description)
      throw ExitCode.failure
    }
    if json {
      print(JSONValue.object([("feeds", .array(feeds.map(Self.json)))]).serialized())
      return
    }
    if feeds.isEmpty { print("no feeds (dateline subscribe URL, or dateline import-opml FILE)") }
    for feed in feeds {
      let folder = feed.folder.isEmpty ? "" : feed.folder.joined(separator: "/") + ": "
      let line = "\(folder)\(feed.title ?? feed.url) <\(feed.url)> (\(feed.stories) stories, \(feed.unread) unread)"
      print(TextSanitizer.clean(Substring(line)))
    }
  }

  static func json(_ feed: Subscription) -> JSONValue {
    .object([
      ("url", .string(feed.url)), ("title", .string(feed.title)), ("html_url", .string(feed.htmlURL)),
      ("folder", .array(feed.folder.map(JSONValue.string))), ("stories", .int(feed.stories)), ("unread", .int(feed.unread)),
    ])
  }
}
