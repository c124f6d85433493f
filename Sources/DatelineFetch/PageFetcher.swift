import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The HTTP client: fetches one URL under a `FetchPolicy` (redirects, timeouts, size cap, gzip, conditional
/// requests) and gives a page, a "not modified", or one `FetchError`.
///
/// Built on FoundationNetworking's `URLSession` (libcurl underneath: HTTP/1.1 and 2, TLS with the system's
/// certificate store, gzip and deflate undone by curl) rather than AsyncHTTPClient: it costs no dependency and no
/// build time (AsyncHTTPClient and SwiftNIO add 2.5 to 4.5 minutes to every clean build here, which CI pays on each
/// run), and what dateline needs from a client — one GET at a time per page, a few at once for feeds — is well
/// within it. What `URLSession` does not give by itself is done here: the redirect count, a total deadline and a
/// size cap enforced while the body streams in (the body is never buffered past the cap).
///
/// One fetcher holds one session; fetches may run at once from any thread.
public final class PageFetcher: Sendable {
  public let policy: FetchPolicy
  private let router = TaskRouter()
  /// Made at the first fetch: a session starts libcurl and its TLS library (milliseconds, read from disk), which
  /// a reader that only draws a file or the library, before or without any fetch, should not wait for.
  private let madeSession = Mutex<URLSession?>(nil)

  public init(policy: FetchPolicy = .standard) {
    self.policy = policy
  }

  deinit { madeSession.withLock { $0?.invalidateAndCancel() } }

  /// The one session, made on first use.
  private var session: URLSession {
    madeSession.withLock { made in
      if let made { return made }
      let session = Self.makeSession(policy: policy, router: router)
      made = session
      return session
    }
  }

  private static func makeSession(policy: FetchPolicy, router: TaskRouter) -> URLSession {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.urlCache = nil  // conditional requests are ours, kept in the library
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.timeoutIntervalForRequest = policy.connectTimeout
    configuration.timeoutIntervalForResource = policy.totalTimeout
    configuration.httpAdditionalHeaders = ["User-Agent": policy.userAgent]
    configuration.httpMaximumConnectionsPerHost = policy.maxConnectionsPerHost
    let queue = OperationQueue()
    queue.maxConcurrentOperationCount = 1
    queue.name = "dateline.fetch"
    return URLSession(configuration: configuration, delegate: router, delegateQueue: queue)
  }

  /// Fetches `text` (an http(s) URL) and calls `completion` once, on a background queue.
  public func fetch(
    _ text: String, validators: Validators? = nil,
    completion: @escaping @Sendable (Result<FetchResult, FetchError>) -> Void
  ) {
    let url: URL
    switch Self.parse(text) {
    case .success(let parsed): url = parsed
    case .failure(let error):
      completion(.failure(error))
      return
    }
    var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: policy.connectTimeout)
    request.setValue(policy.userAgent, forHTTPHeaderField: "User-Agent")
    request.setValue("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5", forHTTPHeaderField: "Accept")
    if let etag = validators?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
    if let date = validators?.lastModified { request.setValue(date, forHTTPHeaderField: "If-Modified-Since") }
    let task = session.dataTask(with: request)
    let transfer = Transfer(url: url, text: text, policy: policy, task: task, completion: completion)
    router.register(transfer, for: task.taskIdentifier)
    // The total deadline: URLSession's own resource timeout is not dependable on every platform.
    let total = policy.totalTimeout
    DispatchQueue.global().asyncAfter(deadline: .now() + total) { [weak transfer] in
      transfer?.fail(.timedOut(url: text, seconds: Int(total.rounded())))
    }
    task.resume()
  }

  /// Fetches `text`, blocking the calling thread until done (for the command line and background jobs).
  public func fetchNow(_ text: String, validators: Validators? = nil) -> Result<FetchResult, FetchError> {
    let done = DispatchSemaphore(value: 0)
    let box = Mutex<Result<FetchResult, FetchError>?>(nil)
    fetch(text, validators: validators) { result in
      box.withLock { $0 = result }
      done.signal()
    }
    done.wait()
    return box.withLock { $0 } ?? .failure(.cancelled(url: text))
  }

  /// Fetches `text` (async).
  public func fetch(_ text: String, validators: Validators? = nil) async -> Result<FetchResult, FetchError> {
    await withCheckedContinuation { continuation in
      fetch(text, validators: validators) { continuation.resume(returning: $0) }
    }
  }

  /// `text` as an http(s) URL with a host, or why not.
  public static func parse(_ text: String) -> Result<URL, FetchError> {
    guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
      return .failure(.invalidURL(text))
    }
    guard scheme == "http" || scheme == "https" else { return .failure(.unsupportedScheme(text)) }
    guard let host = components.host, !host.isEmpty, let url = components.url else { return .failure(.invalidURL(text)) }
    return .success(url)
  }

  /// Whether `text` names something to fetch rather than a file.
  public static func isURL(_ text: String) -> Bool {
    let lower = text.prefix(8).lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }
}
