import CCurl
import Foundation

/// One fetch on one libcurl easy handle, run start to end on the calling thread (`curl_easy_perform` blocks):
/// the options from the policy, the response heads as they arrive (the status and headers of the last one, after
/// redirects), the body up to the size cap, and what it all comes to.
///
/// What libcurl does itself: redirects (at most `maxRedirects`, http and https only), gzip/deflate, the connect
/// timeout and the total deadline. What is done here: a stall (nothing received for `connectTimeout`, checked
/// in the progress callback, which curl calls at least once a second), the error statuses and non-page types
/// refused from the head (their body is never read), the size cap checked as the body streams in, and
/// cancelling (also in the progress callback).
final class CurlTransfer {
  let library: CurlLibrary
  let url: URL
  /// The URL as the user gave it, for messages.
  let text: String
  let policy: FetchPolicy
  let validators: Validators?
  let cancel: CancelFlag

  /// The body so far (of the final response; a redirect's own body is skipped).
  private var body: [UInt8] = []
  /// The status and headers (names lowercased) of the response whose head came last.
  private var status = 0
  private var headers: [String: String] = [:]
  /// Why a callback stopped the transfer (libcurl then reports only a write error or an abort).
  private var stopped: FetchError?
  /// When the last bytes came (or the transfer began): a stall is measured from it.
  private var lastActivity = ContinuousClock.now

  init(library: CurlLibrary, url: URL, text: String, policy: FetchPolicy, validators: Validators?, cancel: CancelFlag) {
    self.library = library
    self.url = url
    self.text = text
    self.policy = policy
    self.validators = validators
    self.cancel = cancel
  }

  /// Runs the fetch on `handle` (fresh or reset) and gives its outcome.
  func run(on handle: UnsafeMutableRawPointer) -> Result<FetchResult, FetchError> {
    let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    defer { errorText.deallocate() }
    var requestHeaders: UnsafeMutablePointer<curl_slist>?
    defer { ccurl_slist_free_all(library.table, requestHeaders) }
    for line in headerLines() { requestHeaders = ccurl_slist_append(library.table, requestHeaders, line) }
    // Runs first: the handle outlives this call (it goes back to the pool), so it must not keep pointers to the
    // error buffer and header list freed above.
    defer {
      _ = ccurl_setopt_pointer(library.table, handle, CURLOPT_ERRORBUFFER, nil)
      _ = ccurl_setopt_slist(library.table, handle, CURLOPT_HTTPHEADER, nil)
    }

    let this = Unmanaged.passUnretained(self).toOpaque()
    let failedOption = configure(handle, headers: requestHeaders, errorText: errorText, context: this)
    if let failedOption {
      return .failure(.network(url: text, detail: "libcurl refused an option (\(failedOption))"))
    }
    let started = ContinuousClock.now
    lastActivity = started
    let code = ccurl_easy_perform(library.table, handle)
    let elapsed = ContinuousClock.now - started

    if let stopped { return .failure(stopped) }
    if cancel.isCancelled { return .failure(.cancelled(url: text)) }
    guard code == CURLE_OK else {
      let detail = errorText.pointee != 0 ? String(cString: errorText) : String(cString: ccurl_easy_strerror(library.table, code))
      return .failure(
        CurlFailure.describe(
          code, detail: detail, url: url, text: text, policy: policy, elapsed: elapsed, location: headers["location"]))
    }
    return finish(handle)
  }

  /// The request's own headers (the User-Agent and Accept-Encoding are options of their own).
  private func headerLines() -> [String] {
    var lines = ["Accept: text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"]
    // Validators come from a server's headers: no line break may reach the request.
    // (By Unicode scalars: "\r\n" is one Character, equal to neither "\r" nor "\n".)
    func clean(_ value: String) -> String {
      String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" && $0 != "\0" }))
    }
    if let etag = validators?.etag { lines.append("If-None-Match: \(clean(etag))") }
    if let date = validators?.lastModified { lines.append("If-Modified-Since: \(clean(date))") }
    return lines
  }

  /// Sets every option; the name of the first one libcurl refused, if any.
  private func configure(
    _ handle: UnsafeMutableRawPointer, headers: UnsafeMutablePointer<curl_slist>?,
    errorText: UnsafeMutablePointer<CChar>, context: UnsafeMutableRawPointer
  ) -> String? {
    let table = library.table
    // curl's timeouts are whole seconds or milliseconds; never 0, which means "no limit" to curl.
    let connectMilliseconds = max(1, Int(policy.connectTimeout * 1000))
    let totalMilliseconds = max(1, Int(policy.totalTimeout * 1000))
    let steps: [(String, () -> CURLcode)] = [
      ("URL", { ccurl_setopt_string(table, handle, CURLOPT_URL, self.url.absoluteString) }),
      ("protocols", { ccurl_allow_only_http(table, handle) }),
      // No signals: curl runs on threads of its own here, and a SIGALRM for DNS timeouts would hit any thread.
      ("NOSIGNAL", { ccurl_setopt_long(table, handle, CURLOPT_NOSIGNAL, 1) }),
      ("HTTPGET", { ccurl_setopt_long(table, handle, CURLOPT_HTTPGET, 1) }),
      ("FOLLOWLOCATION", { ccurl_setopt_long(table, handle, CURLOPT_FOLLOWLOCATION, 1) }),
      ("MAXREDIRS", { ccurl_setopt_long(table, handle, CURLOPT_MAXREDIRS, self.policy.maxRedirects) }),
      // "": every encoding this libcurl can undo (gzip and deflate at least), undone before the write callback.
      ("ACCEPT_ENCODING", { ccurl_setopt_string(table, handle, CURLOPT_ACCEPT_ENCODING, "") }),
      ("USERAGENT", { ccurl_setopt_string(table, handle, CURLOPT_USERAGENT, self.policy.userAgent) }),
      ("HTTPHEADER", { ccurl_setopt_slist(table, handle, CURLOPT_HTTPHEADER, headers) }),
      ("CONNECTTIMEOUT_MS", { ccurl_setopt_long(table, handle, CURLOPT_CONNECTTIMEOUT_MS, connectMilliseconds) }),
      ("TIMEOUT_MS", { ccurl_setopt_long(table, handle, CURLOPT_TIMEOUT_MS, totalMilliseconds) }),
      ("ERRORBUFFER", { ccurl_setopt_pointer(table, handle, CURLOPT_ERRORBUFFER, errorText) }),
      ("HEADERFUNCTION", { ccurl_setopt_write_function(table, handle, CURLOPT_HEADERFUNCTION, curlHeaderCallback) }),
      ("HEADERDATA", { ccurl_setopt_pointer(table, handle, CURLOPT_HEADERDATA, context) }),
      ("WRITEFUNCTION", { ccurl_setopt_write_function(table, handle, CURLOPT_WRITEFUNCTION, curlWriteCallback) }),
      ("WRITEDATA", { ccurl_setopt_pointer(table, handle, CURLOPT_WRITEDATA, context) }),
      ("NOPROGRESS", { ccurl_setopt_long(table, handle, CURLOPT_NOPROGRESS, 0) }),
      ("XFERINFOFUNCTION", { ccurl_setopt_xferinfo_function(table, handle, curlProgressCallback) }),
      ("XFERINFODATA", { ccurl_setopt_pointer(table, handle, CURLOPT_XFERINFODATA, context) }),
    ]
    for (name, step) in steps where step() != CURLE_OK { return name }
    return nil
  }

  /// A finished transfer: the page, or the 304.
  private func finish(_ handle: UnsafeMutableRawPointer) -> Result<FetchResult, FetchError> {
    var code = 0
    _ = ccurl_getinfo_long(library.table, handle, CURLINFO_RESPONSE_CODE, &code)
    var effective: UnsafePointer<CChar>?
    _ = ccurl_getinfo_string(library.table, handle, CURLINFO_EFFECTIVE_URL, &effective)
    let finalURL = effective.flatMap { URL(string: String(cString: $0)) } ?? url
    switch code {
    case 304:
      return .success(.notModified(finalURL: finalURL))
    case 200..<300:
      let validators = Validators(etag: headers["etag"], lastModified: headers["last-modified"])
      return .success(
        .page(
          FetchedPage(
            requestedURL: url, finalURL: finalURL, statusCode: code, contentType: headers["content-type"],
            bytes: body, validators: validators)))
    case 0:
      return .failure(.network(url: text, detail: "the server sent no response"))
    default:
      return .failure(.httpStatus(url: text, code: code))
    }
  }

  /// One line of a response head (status line, header, or the empty line that ends it); false stops the transfer.
  fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Bool {
    lastActivity = ContinuousClock.now
    // Trimmed by Unicode scalars: "\r\n" is one Character to Swift, so a line cannot be cut a Character at a time.
    let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if line.hasPrefix("HTTP/") {
      // A new response (the first, after a redirect, or after a 1xx): its own status and headers.
      let fields = line.split(separator: " ", maxSplits: 2)
      status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
      headers = [:]
      return true
    }
    if line.isEmpty { return headEnded() }
    guard let colon = line.firstIndex(of: ":") else { return true }
    let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    return true
  }

  /// A whole response head is in: whether to go on.
  private func headEnded() -> Bool {
    switch status {
    case 100..<200:
      return true  // an interim response; the real one follows
    case 300..<400 where status != 304 && headers["location"] != nil:
      return true  // curl follows it, or refuses it past the limit or to another scheme
    case 200..<300, 304:
      if status != 304, let type = headers["content-type"], !Self.isReadable(type) {
        stopped = .notAPage(url: text, contentType: type)
        return false
      }
      if let declared = headers["content-length"].flatMap({ Int($0) }) {
        if declared > policy.maxBytes {
          stopped = .tooLarge(url: text, limit: policy.maxBytes)
          return false
        }
        body.reserveCapacity(declared)
      }
      return true
    default:
      // An error page's body is of no use: stop before it is sent.
      stopped = .httpStatus(url: text, code: status)
      return false
    }
  }

  /// More of the body (gzip undone); false once the size cap would be passed, which stops the transfer.
  fileprivate func receiveBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    lastActivity = ContinuousClock.now
    if (300..<400).contains(status) { return true }  // a redirect's own body, not the page
    if body.count + bytes.count > policy.maxBytes {
      stopped = .tooLarge(url: text, limit: policy.maxBytes)
      return false
    }
    body.append(contentsOf: bytes)
    return true
  }

  /// Asked by the progress callback: whether to stop now (cancelled, or nothing received for too long).
  fileprivate var shouldStop: Bool {
    if cancel.isCancelled { return true }
    // Not curl's low-speed limit: that counts body bytes only, so a slow head would count as a stall.
    if ContinuousClock.now - lastActivity > .milliseconds(Int(policy.connectTimeout * 1000)) {
      stopped = .timedOut(url: text, seconds: Int(policy.connectTimeout.rounded()))
      return true
    }
    return false
  }

  /// Whether a Content-Type may be something dateline reads: text of any kind (HTML, plain-text captures),
  /// XHTML, and the XML and JSON that feeds come as. Images, audio, video, PDFs and archives are refused before
  /// their body is read. (Bytes are recognised by content afterwards: a page labelled `text/plain` is still HTML.)
  static func isReadable(_ contentType: String) -> Bool {
    let type = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    if type.isEmpty || type.hasPrefix("text/") { return true }
    return type.hasSuffix("+xml") || type.hasSuffix("/xml") || type.hasSuffix("+json") || type == "application/json"
  }
}

// libcurl's callbacks: C functions, handed the transfer through their user-data pointer. A return other than the
// size given (here 0) stops the transfer.

private func curlHeaderCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
  guard let context else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
  return transfer.receiveHeader(bytes) ? size * count : 0
}

private func curlWriteCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
  guard let context else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  // As typed bytes: an array appends those with one copy (a raw buffer would go a byte at a time).
  let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(data)?.assumingMemoryBound(to: UInt8.self), count: size * count)
  return transfer.receiveBody(bytes) ? size * count : 0
}

private func curlProgressCallback(
  _ context: UnsafeMutableRawPointer?, _ downloadTotal: curl_off_t, _ downloaded: curl_off_t, _ uploadTotal: curl_off_t,
  _ uploaded: curl_off_t
) -> Int32 {
  guard let context else { return 0 }
  return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().shouldStop ? 1 : 0
}
