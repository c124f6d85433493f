/// Why a fetch failed; `description` is the one line dateline prints (after "dateline: ").
public enum FetchError: Error, Sendable, Hashable, CustomStringConvertible {
  case invalidURL(String)
  case unsupportedScheme(String)
  /// The host name could not be resolved.
  case hostNotFound(url: String, host: String)
  case connectionRefused(url: String, host: String)
  case tlsFailure(url: String, detail: String)
  case timedOut(url: String, seconds: Int)
  /// The server answered with an error status (4xx, 5xx) or a 3xx it gave no way on from.
  case httpStatus(url: String, code: Int)
  case tooManyRedirects(url: String, limit: Int)
  /// A redirect to something other than http(s) (`file:`, `ftp:`), never followed.
  case badRedirect(url: String, target: String)
  case tooLarge(url: String, limit: Int)
  /// The server sent something that is no page to read (an image, a PDF, a video…), by its Content-Type.
  case notAPage(url: String, contentType: String)
  case network(url: String, detail: String)
  case cancelled(url: String)
  /// libcurl, which fetching needs, could not be loaded (it is opened at the first fetch, not at start).
  case clientMissing(url: String)

  public var description: String {
    switch self {
    case .invalidURL(let text): "\(text): not a valid http(s) URL"
    case .unsupportedScheme(let text): "\(text): only http:// and https:// URLs can be fetched"
    case .hostNotFound(let url, let host): "\(url): cannot find the server \(host) (DNS lookup failed)"
    case .connectionRefused(let url, let host): "\(url): \(host) refused the connection"
    case .tlsFailure(let url, let detail): "\(url): secure connection failed (\(detail))"
    case .timedOut(let url, let seconds): "\(url): no complete answer within \(seconds) s (timed out)"
    case .httpStatus(let url, let code):
      "\(url): the server answered \(code) \(HTTPStatusText.phrase(for: code))"
    case .tooManyRedirects(let url, let limit): "\(url): more than \(limit) redirects"
    case .badRedirect(let url, let target): "\(url): redirected to \(target), which is not an http(s) URL"
    case .tooLarge(let url, let limit): "\(url): the page is larger than \(limit >> 20) MB"
    case .notAPage(let url, let type): "\(url): not a web page (Content-Type \(type))"
    case .network(let url, let detail): "\(url): \(detail)"
    case .cancelled(let url): "\(url): cancelled"
    case .clientMissing(let url): "\(url): fetching URLs needs libcurl, which is not installed (Debian: apt install libcurl4)"
    }
  }
}
