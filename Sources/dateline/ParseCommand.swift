import ArgumentParser
import DatelineCore

struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Print the story dateline reads from each capture (the built-in sample with no file).")

  @Flag(help: "Print JSON: one object per line, one line per capture.") var json = false
  @Option(help: "For feeds: the HTTP Content-Type the input came with (its charset counts).") var contentType: String?
  @Option(help: "For feeds: the feed's own URL, to resolve relative links.") var baseURL: String?
  @Argument(help: "Plain-text captures (one paragraph per line) or saved HTML pages ('-' for standard input).") var files: [String] = []

  func run() throws {
    let reader = CaptureLoader.reader()
    var failed = false
    for (index, source) in CaptureLoader.sources(files).enumerated() {
      if case .file(let path) = source {
        switch FeedFileParser.parse(path: path, json: json, contentType: contentType, baseURL: baseURL) {
        case .printed: continue
        case .failed: failed = true; continue
        case .notAFeed: break
        }
      }
      guard let story = CaptureLoader.load(source, with: reader) else {
        failed = true
        continue
      }
      if json {
        print(StoryJSON(story).encoded())
      } else {
        if index > 0 { print("") }
        print(StoryText(story).rendered())
      }
    }
    if failed { throw ExitCode.failure }
  }
}
