import ArgumentParser
import DatelineCore
import DatelineStore
import Foundation

/// `dateline list [--json] [--library PATH]`: the stories in the library.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the stories in the library, most recently captured first.")

  @Flag(
    help: """
      Print JSON: {"stories": [{"index", "id", "headline", "updates", "new", "captures", "last_capture"}]} \
      ("new" counts updates new or changed and not read yet).
      """)
  var json = false
  @OptionGroup var library: LibraryOption

  func run() throws {
    let store = try library.open()
    let stories: [StorySummary]
    do {
      stories = try store.stories()
    } catch {
      CaptureLoader.warn(error.description)
      throw ExitCode.failure
    }
    print(json ? Self.json(stories) : Self.text(stories))
  }

  /// The list as text: two lines a story.
  static func text(_ stories: [StorySummary]) -> String {
    guard !stories.isEmpty else { return "The library is empty: import captures with 'dateline add FILE...'." }
    return stories.enumerated().map { n, story in
      "\(n + 1). \(AddCommand.clean(story.headline))\n"
        + "   \(story.updateCount) updates, \(story.markedCount) new, \(story.captureCount) captures, "
        + "last capture \(Self.date(story.lastCaptureAt))  [\(story.key)]"
    }.joined(separator: "\n")
  }

  static func date(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }

  static func json(_ stories: [StorySummary]) -> String {
    JSONValue.object([
      (
        "stories",
        .array(
          stories.enumerated().map { n, s in
            .object([
              ("index", .int(n + 1)), ("id", .string(s.key)), ("headline", .string(s.headline)),
              ("updates", .int(s.updateCount)), ("new", .int(s.markedCount)), ("captures", .int(s.captureCount)),
              ("last_capture", .string(date(s.lastCaptureAt))),
            ])
          })
      )
    ]).serialized()
  }
}
