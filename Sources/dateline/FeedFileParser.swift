import DatelineCore
import Foundation

/// `dateline parse` for feeds and OPML files: an input the sniffer (`InputFormatSniffer`, bytes first, then
/// `--content-type`) calls a feed or a subscription list is read by `FeedReading` and printed as JSON or
/// text; anything else is left to the story readers.
enum FeedFileParser {
  /// What happened to one input.
  enum Outcome {
    /// Not a feed: the caller reads it as a story.
    case notAFeed
    case printed
    /// Nothing could be read; the reason is on stderr (and, with `--json`, under `errors`).
    case failed
  }

  /// Feeds larger than this are refused rather than read into memory.
  static let largestFeed = 512 * 1024 * 1024

  static func parse(path: String, json: Bool, contentType: String?, baseURL: String?) -> Outcome {
    // Standard input can be read only once: it is taken as a feed only when --content-type says what it is.
    if path == "-" && contentType == nil { return .notAFeed }
    guard let head = read(path, upTo: 4096) else { return .notAFeed }  // the story reader reports the error
    switch InputFormatSniffer.format(bytes: head, contentType: contentType) {
    case .feed, .opml: break
    default: return .notAFeed
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
    switch FeedReading.read(bytes, contentType: contentType, baseURL: baseURL) {
    case .success(let document):
      print(json ? FeedJSON(source: path, document: document).encoded() : FeedTextOutput(document).rendered())
      return .printed
    case .failure(let error):
      return fail(path: path, json: json, error)
    }
  }

  private static func fail(path: String, json: Bool, _ error: FeedReadError) -> Outcome {
    CaptureLoader.warn("\(path): \(error.message)")
    if json { print(FeedJSON.failure(source: path, error: error).serialized()) }
    return .failed
  }

  /// Up to `limit` bytes of the file (all of standard input for `-`), or nil when it cannot be read.
  private static func read(_ path: String, upTo limit: Int) -> [UInt8]? {
    if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: limit) else { return nil }
    return Array(data ?? Data())
  }
}
