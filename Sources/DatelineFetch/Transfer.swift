import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One fetch in flight: the body so far, the redirects followed, and the one call of its completion, whichever of
/// the session's callbacks or the deadline comes first.
final class Transfer: Sendable {
  let url: URL
  /// The URL as the user gave it, for messages.
  let text: String
  let policy: FetchPolicy
  private let task: URLSessionDataTask
  private let completion: @Sendable (Result<FetchResult, FetchError>) -> Void
  private let state = Mutex(State())

  private struct State {
    var body: [UInt8] = []
    var response: HTTPURLResponse?
    var redirects = 0
    var redirectRefused = false
    var finished = false
  }

  init(
    url: URL, text: String, policy: FetchPolicy, task: URLSessionDataTask,
    completion: @escaping @Sendable (Result<FetchResult, FetchError>) -> Void
  ) {
    self.url = url
    self.text = text
    self.policy = policy
    self.task = task
    self.completion = completion
  }

  /// Ends the fetch with `error` (unless it has ended) and stops the transfer.
  func fail(_ error: FetchError) {
    guard finish() else { return }
    task.cancel()
    completion(.failure(error))
  }

  /// Marks the fetch finished; false when it already was.
  private func finish() -> Bool {
    state.withLock { state in
      if state.finished { return false }
      state.finished = true
      return true
    }
  }

  /// A redirect: followed while under the limit and to http(s) only; else refused (the 3xx then arrives as the
  /// response and ends the fetch).
  func redirect(to request: URLRequest) -> URLRequest? {
    let target = request.url?.absoluteString ?? "?"
    guard let scheme = request.url?.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
      fail(.badRedirect(url: text, target: target))
      return nil
    }
    let allowed = state.withLock { state in
      state.redirects += 1
      if state.redirects > policy.maxRedirects {
        state.redirectRefused = true
        return false
      }
      return true
    }
    return allowed ? request : nil
  }

  /// The final response's head: whether to go on and read the body.
  func receive(_ response: URLResponse) -> Bool {
    guard let http = response as? HTTPURLResponse else {
      fail(.network(url: text, detail: "not an HTTP response"))
      return false
    }
    let refused = state.withLock { state in
      state.response = http
      return state.redirectRefused
    }
    switch http.statusCode {
    case 200..<300, 304:
      if http.statusCode != 304, let type = Self.header("Content-Type", in: http), !Self.isReadable(type) {
        fail(.notAPage(url: text, contentType: type))
        return false
      }
      if http.expectedContentLength > Int64(policy.maxBytes) {
        fail(.tooLarge(url: text, limit: policy.maxBytes))
        return false
      }
      return true
    case 300..<400 where refused:
      fail(.tooManyRedirects(url: text, limit: policy.maxRedirects))
      return false
    default:
      // An error page's body is of no use: stop before it is sent.
      fail(.httpStatus(url: text, code: http.statusCode))
      return false
    }
  }

  /// More of the body; false once the size cap is passed (the transfer is then stopped).
  func receive(_ data: Data) -> Bool {
    let over = state.withLock { state in
      if state.finished { return false }
      if state.body.count + data.count > policy.maxBytes { return true }
      state.body.append(contentsOf: data)
      return false
    }
    if over { fail(.tooLarge(url: text, limit: policy.maxBytes)) }
    return !over
  }

  /// The session is done with the task, with or without an error.
  func complete(error: (any Error)?) {
    if let error {
      fail(Self.describe(error, url: url, text: text, policy: policy))
      return
    }
    let (response, body) = state.withLock { state in (state.response, state.body) }
    guard let response else {
      fail(.network(url: text, detail: "the server sent no response"))
      return
    }
    guard finish() else { return }
    let finalURL = response.url ?? url
    if response.statusCode == 304 {
      completion(.success(.notModified(finalURL: finalURL)))
      return
    }
    let validators = Validators(
      etag: Self.header("ETag", in: response), lastModified: Self.header("Last-Modified", in: response))
    completion(
      .success(
        .page(
          FetchedPage(
            requestedURL: url, finalURL: finalURL, statusCode: response.statusCode,
            contentType: Self.header("Content-Type", in: response), bytes: body, validators: validators))))
  }

  /// Whether a Content-Type may be something dateline reads: text of any kind (HTML, plain-text captures),
  /// XHTML, and the XML and JSON that feeds come as. Images, audio, video, PDFs and archives are refused before
  /// their body is read. (Bytes are recognised by content afterwards: a page labelled `text/plain` is still HTML.)
  static func isReadable(_ contentType: String) -> Bool {
    let type = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    if type.isEmpty || type.hasPrefix("text/") { return true }
    return type.hasSuffix("+xml") || type.hasSuffix("/xml") || type.hasSuffix("+json") || type == "application/json"
  }

  static func header(_ name: String, in response: HTTPURLResponse) -> String? {
    for (key, value) in response.allHeaderFields {
      if let key = key as? String, key.caseInsensitiveCompare(name) == .orderedSame { return value as? String }
    }
    return nil
  }

  /// The one-line error for what the session reported.
  static func describe(_ error: any Error, url: URL, text: String, policy: FetchPolicy) -> FetchError {
    let host = url.host ?? text
    let code = (error as NSError).domain == NSURLErrorDomain ? URLError.Code(rawValue: (error as NSError).code) : nil
    switch code {
    case .cannotFindHost?, .dnsLookupFailed?:
      return .hostNotFound(url: text, host: host)
    case .cannotConnectToHost?:
      return .connectionRefused(url: text, host: host)
    case .timedOut?:
      return .timedOut(url: text, seconds: Int(policy.connectTimeout.rounded()))
    case .secureConnectionFailed?, .serverCertificateUntrusted?, .serverCertificateHasBadDate?,
      .serverCertificateHasUnknownRoot?, .serverCertificateNotYetValid?, .clientCertificateRejected?,
      .clientCertificateRequired?:
      return .tlsFailure(url: text, detail: (error as NSError).localizedDescription.trimmingCharacters(in: .whitespaces))
    case .cancelled?:
      return .cancelled(url: text)
    case .httpTooManyRedirects?:
      return .tooManyRedirects(url: text, limit: policy.maxRedirects)
    default:
      let detail = (error as NSError).localizedDescription.trimmingCharacters(in: .whitespacesAndNewlines)
      // libcurl's TLS failures reach URLSession on Linux without a code of their own (-1), named by OpenSSL.
      if url.scheme?.lowercased() == "https", detail.contains("SSL") || detail.contains("TLS") {
        return .tlsFailure(url: text, detail: detail)
      }
      return .network(url: text, detail: detail)
    }
  }
}
