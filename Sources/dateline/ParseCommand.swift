import ArgumentParser
import DatelineCore
import DatelineFetch

struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Print the story dateline reads from each capture (the built-in sample with no file).")

  @Flag(help: "Print JSON: one object per line, one line per capture.") var json = false
  @OptionGroup var fetch: FetchOptions
  @Option(help: "For feeds: the HTTP Content-Type the input came with (its charset counts).") var contentType: String?
  @Option(help: "For feeds: the feed's own URL, to resolve relative links.") var baseURL: String?
  @Argument(help: "Plain-text captures (one paragraph per line), saved HTML pages, feeds, OPML files or http(s) URLs ('-' for standard input).") var files: [String] = []

  func run() throws {
    let reader = CaptureLoader.reader()
    let fetcher = fetch.fetcher()
    var failed = false
    for (index, source) in CaptureLoader.sources(files).enumerated() {
      var fetched: (page: FetchedPage, source: String)?
      if case .file(let path) = source {
        // Feeds and OPML files print in their own shape; a page fetched to find out is read from what came.
        switch FeedFileParser.parse(path: path, json: json, contentType: contentType, baseURL: baseURL, fetcher: fetcher) {
        case .printed: continue
        case .failed: failed = true; continue
        case .notAFeed(let page): fetched = page.map { ($0, path) }
        }
      }
      let read = fetched.map { FeedFileParser.story(of: $0.page, source: $0.source, with: reader) }
      guard let story = read ?? InputLoader.story(source, with: reader, fetcher: fetcher) else {
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
