/// Why a capture could not be read. Each case renders as one line for the user.
public enum CaptureReadError: Error, Sendable, Equatable, CustomStringConvertible {
  case fileNotFound(path: String)
  case isDirectory(path: String)
  case unreadable(path: String, reason: String)
  case empty(source: String)
  case binary(source: String)
  case invalidEncoding(source: String, detail: String)
  case noStory(source: String)
  case tooLarge(source: String, bytes: Int, limit: Int)
  /// A format dateline recognises but cannot read yet (feeds, subscription lists).
  case unsupportedFormat(source: String, format: String)
  /// A web page with nothing that reads as an article: a script-only shell, an index page, an error page.
  case noArticleText(source: String)
  /// A page, when libxml2 (opened at the first page, not linked) cannot be loaded.
  case parserUnavailable(source: String, message: String)

  public var description: String {
    switch self {
    case .fileNotFound(let path): "\(path): no such file"
    case .isDirectory(let path): "\(path): is a directory, not a capture"
    case .unreadable(let path, let reason): "\(path): cannot be read (\(reason))"
    case .empty(let source): "\(source): the file is empty"
    case .binary(let source): "\(source): looks like a binary file, not a text capture"
    case .invalidEncoding(let source, let detail): "\(source): not valid text (\(detail))"
    case .noStory(let source): "\(source): no story text left once boilerplate is removed"
    case .tooLarge(let source, let bytes, let limit):
      "\(source): \(bytes) bytes is more than the \(limit)-byte limit for one capture"
    case .unsupportedFormat(let source, let format):
      "\(source): this is a feed (\(format)), not a page: follow it with 'dateline subscribe \(source)', or see it with 'dateline parse'"
    case .noArticleText(let source): "\(source): no article text found in the page"
    case .parserUnavailable(let source, let message): "\(source): \(message)"
    }
  }
}
