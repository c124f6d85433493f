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
    }
  }
}
