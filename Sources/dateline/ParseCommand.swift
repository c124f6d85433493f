import ArgumentParser
import DatelineCore

struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Print the story dateline reads from each capture (the built-in sample with no file).")

  @Flag(help: "Print JSON: one object per line, one line per capture.") var json = false
  @OptionGroup var fetch: FetchOptions
  @Argument(help: "Plain-text captures (one paragraph per line), saved HTML pages or http(s) URLs ('-' for standard input).") var files: [String] = []

  func run() throws {
    let reader = CaptureLoader.reader()
    let fetcher = fetch.fetcher()
    var failed = false
    for (index, source) in CaptureLoader.sources(files).enumerated() {
      guard let story = InputLoader.story(source, with: reader, fetcher: fetcher) else {
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
