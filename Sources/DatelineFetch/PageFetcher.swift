import Foundation

/// The HTTP client: fetches one URL under a `FetchPolicy` (redirects, timeouts, size cap, gzip, conditional
/// requests) and gives a page, a "not modified", or one `FetchError`.
///
/// Built on libcurl's easy interface directly (as newsboat is), opened with `dlopen` at the first fetch rather than
/// linked. The reason is start-up time: FoundationNetworking's `URLSession`, the client before, links libcurl, and
/// a binary linked to libcurl loads its whole tree at every start (about 30 shared libraries: TLS, Kerberos, LDAP,
/// SSH, IDN...). Measured: that was 30 of the 45 libraries `dateline` loaded and about 15 ms of its start (a static
/// Swift "hello" with Foundation starts in 7 ms, 22 ms with FoundationNetworking linked), paid by every reader
/// of a file or the library, which never fetches. Linux loads every DT_NEEDED library at start, so the only way
/// to pay for libcurl only when fetching is to open it then. AsyncHTTPClient was not taken either: SwiftNIO adds
/// 2.5 to 4.5 minutes to every clean build here. libcurl gives HTTP/1.1 and 2, TLS with the system's certificate
/// store, redirects and gzip; `CurlTransfer` adds the size cap enforced while the body streams in (never buffered
/// past it), the stall timeout, refusing error statuses and non-page types from the head, and cancelling.
///
/// Each fetch runs its blocking `curl_easy_perform` on a thread of its own (never on Swift's cooperative pool);
/// callers bound how many run at once (`FetchLimiter`), and at most `maxConnectionsPerHost` go to one host at a
/// time. Easy handles are kept between fetches, so their connections are reused. Fetches may start from any thread.
public final class PageFetcher: Sendable {
  public let policy: FetchPolicy
  private let hosts: HostGate
  private let running = RunningTransfers()
  /// Made at the first fetch (with libcurl): a reader that never fetches never opens libcurl.
  private let madePool = LazyPool()

  public init(policy: FetchPolicy = .standard) {
    self.policy = policy
    hosts = HostGate(limit: policy.maxConnectionsPerHost)
  }

  /// A fetcher let go stops its transfers in flight (each then completes with `.cancelled`).
  deinit { running.cancelAll() }

  /// Fetches `text` (an http(s) URL) and calls `completion` once, on another thread.
  public func fetch(
    _ text: String, validators: Validators? = nil,
    completion: @escaping @Sendable (Result<FetchResult, FetchError>) -> Void
  ) {
    start(text, validators: validators, cancel: CancelFlag(), completion: completion)
  }

  /// Fetches `text`, blocking the calling thread until done (for the command line and background jobs).
  public func fetchNow(_ text: String, validators: Validators? = nil) -> Result<FetchResult, FetchError> {
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox()
    fetch(text, validators: validators) { result in
      box.set(result)
      done.signal()
    }
    done.wait()
    return box.value ?? .failure(.cancelled(url: text))
  }

  /// Fetches `text` (async); cancelling the task stops the transfer (the result is then `.cancelled`).
  public func fetch(_ text: String, validators: Validators? = nil) async -> Result<FetchResult, FetchError> {
    let cancel = CancelFlag()
    return await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        start(text, validators: validators, cancel: cancel) { continuation.resume(returning: $0) }
      }
    } onCancel: {
      cancel.cancel()
    }
  }

  private func start(
    _ text: String, validators: Validators?, cancel: CancelFlag,
    completion: @escaping @Sendable (Result<FetchResult, FetchError>) -> Void
  ) {
    let url: URL
    switch Self.parse(text) {
    case .success(let parsed): url = parsed
    case .failure(let error):
      completion(.failure(error))
      return
    }
    guard case .success(let library) = CurlLibrary.shared else {
      completion(.failure(.clientMissing(url: text)))
      return
    }
    let pool = madePool.pool(library)
    let (policy, hosts, running) = (self.policy, self.hosts, self.running)
    running.add(cancel)
    let thread = Thread {
      let result = hosts.holding(url.host ?? "") {
        if cancel.isCancelled { return Result<FetchResult, FetchError>.failure(.cancelled(url: text)) }
        let transfer = CurlTransfer(
          library: library, url: url, text: text, policy: policy, validators: validators, cancel: cancel)
        return pool.withHandle { transfer.run(on: $0) }
          ?? .failure(.network(url: text, detail: "libcurl could not start a transfer"))
      }
      running.remove(cancel)
      completion(result)
    }
    thread.name = "dateline.fetch"
    thread.start()
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
