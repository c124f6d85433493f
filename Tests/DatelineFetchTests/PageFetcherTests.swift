import DatelineFetch
import FlyingFox
import Foundation
import LoopbackServer
import Synchronization
import XCTest

/// The client against a loopback server the tests start (127.0.0.1 only): pages, validators and 304,
/// redirects, gzip, error statuses, stalled and endless servers, refused connections, and TLS and DNS failures.
final class PageFetcherTests: XCTestCase {
  static let page = "<html><head><title>Harbour</title></head><body><p>Ferries sail again.</p></body></html>"
  var server: LoopbackServer!

  override func tearDown() async throws {
    await server?.stop()
    server = nil
  }

  func start(_ routes: [(String, LoopbackServer.Handler)]) async throws -> String {
    server = try await LoopbackServer.start(routes)
    return server.base
  }

  static func html(_ text: String = page, headers: HTTPHeaders = [:]) -> HTTPResponse {
    var all = headers
    if all[HTTPHeader("Content-Type")] == nil { all[HTTPHeader("Content-Type")] = "text/html; charset=utf-8" }
    return HTTPResponse(statusCode: .ok, headers: all, body: Data(text.utf8))
  }

  func testAPageComesWithItsTypeValidatorsAndOurUserAgent() async throws {
    let base = try await start([
      ("GET /live", { _ in Self.html(headers: [HTTPHeader("ETag"): "\"v1\"", HTTPHeader("Last-Modified"): "Tue, 01 Dec 2026 10:00:00 GMT"]) })
    ])
    let result = await PageFetcher().fetch(base + "/live")
    guard case .success(.page(let page)) = result else { return XCTFail("\(result)") }
    XCTAssertEqual(String(decoding: page.bytes, as: UTF8.self), Self.page)
    XCTAssertEqual(page.contentType, "text/html; charset=utf-8")
    XCTAssertEqual(page.validators, Validators(etag: "\"v1\"", lastModified: "Tue, 01 Dec 2026 10:00:00 GMT"))
    XCTAssertEqual(page.statusCode, 200)
    let agent = try XCTUnwrap(server.requests.first?.headers["user-agent"])
    XCTAssertEqual(agent, "dateline/\(FetchPolicy.version)")
  }

  func testAnUnchangedPageCostsOne304() async throws {
    let base = try await start([
      (
        "GET /live",
        { request in
          if request.headers[HTTPHeader("If-None-Match")] == "\"v1\"" {
            return HTTPResponse(statusCode: HTTPStatusCode(304, phrase: "Not Modified"), headers: [HTTPHeader("ETag"): "\"v1\""])
          }
          return Self.html(headers: [HTTPHeader("ETag"): "\"v1\""])
        }
      )
    ])
    let fetcher = PageFetcher()
    guard case .success(.page(let first)) = await fetcher.fetch(base + "/live") else { return XCTFail("first fetch") }
    let second = await fetcher.fetch(base + "/live", validators: first.validators)
    guard case .success(.notModified(let url)) = second else { return XCTFail("\(second)") }
    XCTAssertEqual(url.absoluteString, base + "/live")
    XCTAssertEqual(server.requests.count, 2)
    XCTAssertEqual(server.requests.last?.headers["if-none-match"], "\"v1\"")
  }

  func testAValidatorCannotAddHeadersToTheRequest() async throws {
    // Validators come from servers: a line break in one must not start a header of its own.
    let base = try await start([("GET /live", { _ in Self.html() })])
    _ = await PageFetcher().fetch(base + "/live", validators: Validators(etag: "\"v1\"\r\nX-Injected: yes"))
    let seen = try XCTUnwrap(server.requests.first)
    XCTAssertNil(seen.headers["x-injected"], "\(seen.headers)")
    XCTAssertEqual(seen.headers["if-none-match"], "\"v1\"X-Injected: yes")
  }

  func testIfModifiedSinceIsSentWhenThereIsNoETag() async throws {
    let date = "Tue, 01 Dec 2026 10:00:00 GMT"
    let base = try await start([
      (
        "GET /live",
        { request in
          request.headers[HTTPHeader("If-Modified-Since")] == date
            ? HTTPResponse(statusCode: HTTPStatusCode(304, phrase: "Not Modified")) : Self.html()
        }
      )
    ])
    let result = await PageFetcher().fetch(base + "/live", validators: Validators(lastModified: date))
    guard case .success(.notModified) = result else { return XCTFail("\(result)") }
  }

  /// `/hop/N` redirects to `/hop/N-1`; `/hop/0` is the page.
  func hops() async throws -> String {
    try await start([
      (
        "GET /hop/*",
        { request in
          let n = Int(request.path.split(separator: "/").last ?? "") ?? 0
          if n == 0 { return Self.html() }
          let code = [301, 302, 303, 307, 308][n % 5]
          return HTTPResponse(
            statusCode: HTTPStatusCode(code, phrase: "Moved"), headers: [HTTPHeader("Location"): "/hop/\(n - 1)"])
        }
      ),
      ("GET /elsewhere", { _ in HTTPResponse(statusCode: .found, headers: [HTTPHeader("Location"): "file:///etc/passwd"]) }),
    ])
  }

  func testFiveRedirectsAreFollowedAndASixthIsNot() async throws {
    let base = try await hops()
    let fetcher = PageFetcher()
    let five = await fetcher.fetch(base + "/hop/5")
    guard case .success(.page(let page)) = five else { return XCTFail("\(five)") }
    XCTAssertEqual(page.finalURL.absoluteString, base + "/hop/0")
    XCTAssertEqual(page.requestedURL.absoluteString, base + "/hop/5")
    let six = await fetcher.fetch(base + "/hop/6")
    XCTAssertEqual(six, .failure(.tooManyRedirects(url: base + "/hop/6", limit: 5)))
    XCTAssertTrue(six.errorLine.hasSuffix("more than 5 redirects"), six.errorLine)
  }

  func testARedirectToAFileNeverReadsTheFile() async throws {
    // Only http and https are allowed, redirects included: the redirect is refused, no local file is read.
    let base = try await hops()
    let result = await PageFetcher().fetch(base + "/elsewhere")
    XCTAssertEqual(result, .failure(.badRedirect(url: base + "/elsewhere", target: "file:///etc/passwd")))
    XCTAssertEqual(result.errorLine, "\(base)/elsewhere: redirected to file:///etc/passwd, which is not an http(s) URL")
  }

  func testGzipIsAskedForAndUndone() async throws {
    let compressed = try Self.gzip(Data(Self.page.utf8))
    XCTAssertNotEqual(compressed, Data(Self.page.utf8))
    let base = try await start([
      (
        "GET /zipped",
        { _ in
          HTTPResponse(
            statusCode: .ok,
            headers: [HTTPHeader("Content-Type"): "text/html", HTTPHeader("Content-Encoding"): "gzip"], body: compressed)
        }
      )
    ])
    let result = await PageFetcher().fetch(base + "/zipped")
    guard case .success(.page(let page)) = result else { return XCTFail("\(result)") }
    XCTAssertEqual(String(decoding: page.bytes, as: UTF8.self), Self.page)
    XCTAssertTrue(server.requests.first?.headers["accept-encoding"]?.contains("gzip") == true, "\(server.requests)")
  }

  func testErrorStatusesAreOneClearLine() async throws {
    let base = try await start([
      ("GET /gone", { _ in HTTPResponse(statusCode: .notFound, body: Data("no such page".utf8)) }),
      ("GET /broken", { _ in HTTPResponse(statusCode: .internalServerError, body: Data("oops".utf8)) }),
    ])
    let fetcher = PageFetcher()
    let missing = await fetcher.fetch(base + "/gone")
    XCTAssertEqual(missing, .failure(.httpStatus(url: base + "/gone", code: 404)))
    XCTAssertEqual(missing.errorLine, "\(base)/gone: the server answered 404 Not Found")
    let broken = await fetcher.fetch(base + "/broken")
    XCTAssertEqual(broken, .failure(.httpStatus(url: base + "/broken", code: 500)))
    XCTAssertFalse(broken.errorLine.contains("\n"))
  }

  func testAStalledServerTimesOut() async throws {
    let base = try await start([
      (
        "GET /stall",
        { _ in
          try await Task.sleep(for: .seconds(60))
          return Self.html()
        }
      )
    ])
    let policy = FetchPolicy.standard.withTimeout(2)
    let started = Date()
    let result = await PageFetcher(policy: policy).fetch(base + "/stall")
    let took = Date().timeIntervalSince(started)
    guard case .failure(.timedOut) = result else { return XCTFail("\(result)") }
    XCTAssertLessThan(took, 6, "the deadline holds")
  }

  func testATrickleThatNeverEndsIsCutAtTheTotalDeadline() async throws {
    // A byte every 200 ms: never idle long enough for the connect/idle timeout, so only the total deadline ends it.
    let base = try await start([
      ("GET /trickle", { _ in HTTPResponse(statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html"], body: .trickle()) })
    ])
    var policy = FetchPolicy.standard
    policy.connectTimeout = 1
    policy.totalTimeout = 2
    let started = Date()
    let result = await PageFetcher(policy: policy).fetch(base + "/trickle")
    XCTAssertEqual(result, .failure(.timedOut(url: base + "/trickle", seconds: 2)))
    XCTAssertLessThan(Date().timeIntervalSince(started), 6)
  }

  func testAnEndlessBodyIsStoppedAtTheCap() async throws {
    let base = try await start([
      ("GET /endless", { _ in HTTPResponse(statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html"], body: .endless()) }),
      (
        "GET /declared",
        { _ in
          HTTPResponse(
            statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html"],
            body: .endless(declaring: 1 << 30))
        }
      ),
    ])
    var policy = FetchPolicy.standard
    policy.maxBytes = 1 << 20
    let fetcher = PageFetcher(policy: policy)
    let endless = await fetcher.fetch(base + "/endless")
    XCTAssertEqual(endless, .failure(.tooLarge(url: base + "/endless", limit: 1 << 20)))
    XCTAssertEqual(endless.errorLine, "\(base)/endless: the page is larger than 1 MB")
    let declared = await fetcher.fetch(base + "/declared")
    XCTAssertEqual(declared, .failure(.tooLarge(url: base + "/declared", limit: 1 << 20)))
  }

  func testAGzipBombIsStoppedAtTheCapOnWhatItUnpacksTo() async throws {
    // 50 MB of zeros packs to about 50 KB: the cap counts unpacked bytes, so the short Content-Length is no way in.
    let bomb = try Self.shell("head -c 50000000 /dev/zero | gzip -c")
    XCTAssertLessThan(bomb.count, 200_000)
    let base = try await start([
      (
        "GET /bomb",
        { _ in
          HTTPResponse(
            statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html", HTTPHeader("Content-Encoding"): "gzip"],
            body: bomb)
        }
      )
    ])
    var policy = FetchPolicy.standard
    policy.maxBytes = 1 << 20
    let result = await PageFetcher(policy: policy).fetch(base + "/bomb")
    XCTAssertEqual(result, .failure(.tooLarge(url: base + "/bomb", limit: 1 << 20)))
  }

  func testTheBytesAndTheDeclaredCharsetArePassedOnAsSent() async throws {
    // Declared ISO-8859-1, sent as UTF-8: the reader decides; the client changes nothing.
    let text = "<html><body><p>Café crème</p></body></html>"
    let base = try await start([
      ("GET /latin", { _ in Self.html(text, headers: [HTTPHeader("Content-Type"): "text/html; charset=iso-8859-1"]) })
    ])
    let result = await PageFetcher().fetch(base + "/latin")
    guard case .success(.page(let page)) = result else { return XCTFail("\(result)") }
    XCTAssertEqual(page.bytes, Array(text.utf8))
    XCTAssertEqual(page.contentType, "text/html; charset=iso-8859-1")
  }

  func testARefusedConnectionIsOneLine() async throws {
    let base = try await start([])
    await server.stop()
    server = nil
    let result = await PageFetcher().fetch(base + "/live")
    XCTAssertEqual(result, .failure(.connectionRefused(url: base + "/live", host: "127.0.0.1")))
    XCTAssertEqual(result.errorLine, "\(base)/live: 127.0.0.1 refused the connection")
  }

  func testTLSToAPlainServerFails() async throws {
    let base = try await start([("GET /live", { _ in Self.html() })])
    let secure = base.replacingOccurrences(of: "http://", with: "https://") + "/live"
    let result = await PageFetcher(policy: FetchPolicy.standard.withTimeout(5)).fetch(secure)
    guard case .failure(.tlsFailure(let url, _)) = result else { return XCTFail("\(result)") }
    XCTAssertEqual(url, secure)
  }

  func testAnUnknownHostIsOneLine() async throws {
    // `.invalid` never resolves (RFC 2606), with or without a network.
    let result = await PageFetcher(policy: FetchPolicy.standard.withTimeout(10)).fetch("http://no-such-host.invalid/live")
    XCTAssertEqual(result, .failure(.hostNotFound(url: "http://no-such-host.invalid/live", host: "no-such-host.invalid")))
  }

  func testCancellingTheTaskStopsAStalledFetch() async throws {
    let base = try await start([
      (
        "GET /stall",
        { _ in
          try await Task.sleep(for: .seconds(60))
          return Self.html()
        }
      )
    ])
    let fetcher = PageFetcher(policy: FetchPolicy.standard.withTimeout(30))
    let started = Date()
    let task = Task { await fetcher.fetch(base + "/stall") }
    try await Task.sleep(for: .milliseconds(300))
    task.cancel()
    let result = await task.value
    XCTAssertEqual(result, .failure(.cancelled(url: base + "/stall")))
    // libcurl's progress callback runs about once a second while nothing arrives.
    XCTAssertLessThan(Date().timeIntervalSince(started), 5, "stopped long before the 30 s deadline")
  }

  func testNoMoreThanTheLimitGoToOneHostAtOnce() async throws {
    let gauge = Gauge()
    let base = try await start([
      (
        "GET /slow/*",
        { _ in
          gauge.enter()
          try await Task.sleep(for: .milliseconds(100))
          gauge.leave()
          return Self.html()
        }
      )
    ])
    var policy = FetchPolicy.standard
    policy.maxConnectionsPerHost = 3
    let fetcher = PageFetcher(policy: policy)
    let results = await withTaskGroup(of: Bool.self) { group in
      for index in 0..<12 {
        group.addTask {
          if case .success(.page) = await fetcher.fetch(base + "/slow/\(index)") { return true }
          return false
        }
      }
      return await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    XCTAssertEqual(results, Array(repeating: true, count: 12))
    XCTAssertLessThanOrEqual(gauge.most, 3)
    XCTAssertGreaterThanOrEqual(gauge.most, 1)
  }

  /// How many requests the server works on at once, and the most seen.
  final class Gauge: Sendable {
    private let state = Mutex((now: 0, most: 0))
    func enter() { state.withLock { $0.now += 1; $0.most = max($0.most, $0.now) } }
    func leave() { state.withLock { $0.now -= 1 } }
    var most: Int { state.withLock { $0.most } }
  }

  func testOnlyHTTPURLsAreFetched() async {
    let fetcher = PageFetcher()
    let file = await fetcher.fetch("file:///etc/passwd")
    XCTAssertEqual(file, .failure(.unsupportedScheme("file:///etc/passwd")))
    let bare = await fetcher.fetch("http://")
    XCTAssertEqual(bare, .failure(.invalidURL("http://")))
    XCTAssertTrue(PageFetcher.isURL("HTTPS://example.org/x"))
    XCTAssertFalse(PageFetcher.isURL("capture.txt"))
  }

  /// What `command` (run by sh) prints.
  static func shell(_ command: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return result
  }

  /// `data` gzipped by the system's gzip (as a server would send it).
  static func gzip(_ data: Data) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -c"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(data)
    try input.fileHandleForWriting.close()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return result
  }
}

extension Result where Failure == FetchError {
  /// The line dateline prints for a failure (empty on success).
  var errorLine: String {
    if case .failure(let error) = self { return error.description }
    return ""
  }
}
