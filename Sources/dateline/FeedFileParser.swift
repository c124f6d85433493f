import DatelineCore
import DatelineFetch
import Foundation

/// `dateline parse` for feeds and OPML files: an input the sniffer (`InputFormatSniffer`, bytes first, then
/// `--content-type`) calls a feed or a subscription list is read by `FeedReading` and printed as JSON or
/// text; anything else is left to the story readers.
enum FeedFileParser {
  /// What happened to one input.
  enum Outcome {
    /// Not a feed: the caller reads it as a story (from the page, when one was fetched to find out).
    case notAFeed(FetchedPage?)
    case printed
    /// Nothing could be read; the reason is on stderr (and, with `--json`, under `errors`).
    case failed
  }

  /// Feeds larger than this are refused rather than read into memory.
  static let largestFeed = 512 * 1024 * 1024

  static func parse(path: String, json: Bool, contentType: String?, baseURL: String?, fetcher: PageFetcher) -> Outcome {
    if PageFetcher.isURL(path) { return parseURL(path, json: json, contentType: contentType, baseURL: baseURL, fetcher: fetcher) }
    // Standard input can be read only once: it is taken as a feed only when --content-type says what it is.
    if path == "-" && contentType == nil { return .notAFeed(nil) }
    guard let head = read(path, upTo: 4096) else { return .notAFeed(nil) }  // the story reader reports the error
    switch InputFormatSniffer.format(bytes: head, contentType: contentType) {
    case .feed, .opml: break
    default: return .notAFeed(nil)
    }
    let bytes: [UInt8]
    if path == "-" || head.count < 4096 {
      bytes = head
    } else {
      guard let whole = read(path, upTo: largestFeed + 1), whole.count <= largestFeed else {
        return fail(path: path, json: json, FeedReadError("larger than \(largestFeed / 1024 / 1024) MB"))
      }
      bytes = whole
    }
    return print(bytes, path: path, json: json, contentType: contentType, baseURL: baseURL)
  }

  /// A URL: fetched once; a feed is printed, anything else handed back to be read as a story.
  private static func parseURL(_ url: String, json: Bool, contentType: String?, baseURL: String?, fetcher: PageFetcher)
    -> Outcome
  {
    switch fetcher.fetchNow(url) {
    case .failure(let error):
      CaptureLoader.warn(error.description)
      return .failed
    case .success(.notModified):
      CaptureLoader.warn("\(url): the server answered 304 to a plain request")
      return .failed
    case .success(.page(let page)):
      let type = contentType ?? page.contentType
      switch InputFormatSniffer.format(bytes: page.bytes, contentType: type) {
      case .feed, .opml:
        return print(page.bytes, path: url, json: json, contentType: type, baseURL: baseURL ?? page.finalURL.absoluteString)
      default:
        return .notAFeed(page)
      }
    }
  }

  /// The story of a page fetched by `parseURL`, or nil after one line on stderr.
  static func story(of page: FetchedPage, source: String, with reader: StoryReader) -> Story? {
    do {
      return try InputLoader.read(page, source: source, with: reader)
    } catch {
      CaptureLoader.warn(error.description)
      return nil
    }
  }

  private static func print(_ bytes: [UInt8], path: String, json: Bool, contentType: String?, baseURL: String?) -> Outcome {
    switch FeedReading.read(bytes, contentType: contentType, baseURL: baseURL) {
    case .success(let document):
      Swift.print(json ? FeedJSON(source: path, document: document).encoded() : FeedTextOutput(document).rendered())
      return .printed
    case .failure(let error):
      return fail(path: path, json: json, error)
    }
  }

  private static func fail(path: String, json: Bool, _ error: FeedReadError) -> Outcome {
    CaptureLoader.warn("\(path): \(error.message)")
    if json { Swift.print(FeedJSON.failure(source: path, error: error).serialized()) }
    return .failed
  }

  /// Up to `limit` bytes of the file (all of standard input for `-`), or nil when it cannot be read.
  private static func read(_ path: String, upTo limit: Int) -> [UInt8]? {
    if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: limit) else { return nil }
    return Array(data)
  }
}
