import ArgumentParser
import DatelineCore
import DatelineStore
import Foundation

/// `dateline add [--json] [--library PATH] FILE...`: imports captures into the library.
struct AddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Import captures into the library, merging captures of one live blog into one story.",
    discussion: """
      Prints, per capture, the story it went to, how many updates that story now has, and which updates are \
      new and which changed. Importing the same capture twice changes nothing.
      """)

  @Flag(
    help: """
      Print JSON: {"captures": [{"source", "story", "updates", "new": [title...], "changed": [title...]}]} \
      ("updates" counts the story's updates after the import).
      """)
  var json = false
  @OptionGroup var library: LibraryOption
  @Argument(help: "Plain-text captures (one paragraph per line) or saved HTML pages ('-' for standard input).") var files: [String]

  func run() throws {
    let reader = CaptureLoader.reader()
    let store = try library.open()
    let analyzer = StoryEntityAnalyzer()
    var reports: [ImportReport] = []
    var failed = false
    for file in files {
      let capture: (story: Story, bytes: [UInt8])
      do {
        capture = try reader.readWithBytes(path: file)
      } catch {
        CaptureLoader.warn(error.description)
        failed = true
        continue
      }
      do {
        let report = try store.importCapture(capture.story, bytes: capture.bytes) { analyzer.analyze($0) }
        reports.append(report)
        if !json { print(Self.text(report)) }
      } catch {
        CaptureLoader.warn(error.description)
        failed = true
      }
    }
    if json { print(Self.json(reports)) }
    if failed { throw ExitCode.failure }
  }

  static func text(_ report: ImportReport) -> String {
    let how = report.alreadyImported ? "already imported, nothing changed" : report.newStory ? "new story" : "merged"
    var out = "\(clean(report.source)): \(clean(report.story)) (\(how))\n"
    out += "  \(report.updates) updates, \(report.new.count) new, \(report.changed.count) changed"
    for title in report.new { out += "\n  new:     \(clean(title))" }
    for title in report.changed { out += "\n  changed: \(clean(title))" }
    return out
  }

  static func json(_ reports: [ImportReport]) -> String {
    JSONValue.object([
      (
        "captures",
        .array(
          reports.map { r in
            .object([
              ("source", .string(r.source)), ("story", .string(r.story)), ("updates", .int(r.updates)),
              ("new", .array(r.new.map(JSONValue.string))), ("changed", .array(r.changed.map(JSONValue.string))),
            ])
          })
      )
    ]).serialized()
  }

  /// Text from a capture or the library, safe for the terminal.
  static func clean(_ text: String) -> String { TextSanitizer.clean(text[...]) }
}
