import ArgumentParser
import DatelineCore
import DatelineFetch
import DatelineSession
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
  @OptionGroup var fetch: FetchOptions
  @Argument(help: "Plain-text captures (one paragraph per line), saved HTML pages or http(s) URLs ('-' for standard input).") var files: [String]

  func run() throws {
    let reader = CaptureLoader.reader()
    let store = try library.open()
    let analyzer = StoryEntityAnalyzer()
    var reports: [ImportReport] = []
    var failed = false
    let importer = PageImporter(
      library: store, fetcher: fetch.fetcher(), read: { page, source in try InputLoader.read(page, source: source, with: reader) },
      analyze: { analyzer.analyze($0) })
    for file in files {
      if PageFetcher.isURL(file) {
        // A page: fetched (conditionally when the library holds it: an unchanged page is one 304) and merged.
        switch importer.importPage(file) {
        case .failure(let error):
          CaptureLoader.warn(error.description)
          failed = true
        case .success(.imported(let report)):
          reports.append(report)
          if !json { print(Self.text(report)) }
        case .success(.unchanged):
          let report = Self.unchangedReport(file, in: store)
          reports.append(report)
          if !json { print("\(Self.clean(file)): \(Self.clean(report.story)) (not modified since the last fetch)") }
        }
        continue
      }
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

  /// The report for a page the server said is unchanged: its story as the library holds it, nothing new.
  static func unchangedReport(_ url: String, in store: Library) -> ImportReport {
    let summary = (try? store.stories())?.first { $0.source == url }
    return ImportReport(
      source: url, story: summary?.headline ?? url, storyKey: summary?.key ?? "", updates: summary?.updateCount ?? 0,
      captureUpdates: 0, new: [], changed: [], alreadyImported: true, newStory: false)
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
