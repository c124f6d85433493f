import FlyingFox
import Foundation
import LoopbackServer
import Synchronization
import XCTest

/// The real binary on a URL served by a loopback server of the test's own (127.0.0.1 only): the page grows while
/// it is read, `R` fetches it in the background and the new posts come in marked, the top line unchanged.
extension ReaderEndToEndTests {
  /// What the test's server serves: how many posts the live blog has, and whether answers are held back until
  /// the test lets them go (a slow server, without guessing how slow the machine is).
  final class LivePage: Sendable {
    private let state = Mutex((posts: 12, held: false, version: 1))
    var now: (posts: Int, held: Bool, version: Int) { state.withLock { $0 } }
    func grow(to posts: Int, held: Bool = false) { state.withLock { $0 = (posts, held, $0.version + 1) } }
    func release() { state.withLock { $0.held = false } }
  }

  /// A fictional live-blog page of `posts` posts, newest first, a heading each.
  static func livePage(posts: Int) -> String {
    var body = ""
    for n in stride(from: posts, through: 1, by: -1) {
      body += """
        <section id="post-\(n)"><h2>Update \(n) from the harbour</h2>
        <p>Passengers at the terminal were told about development number \(n) by the operator.</p>
        <p>The union said development \(n) changed nothing about the dispute.</p></section>

        """
    }
    return """
      <!doctype html><html><head><meta charset="utf-8"><title>Ferry strike live: crossings to the islands halted</title>
      </head><body><nav><a href="/">Home</a></nav><main><article>
      <h1>Ferry strike live: crossings to the islands halted</h1>
      <p>Crews walked out at dawn over rosters, and unions and the operator are due to meet later today.</p>
      \(body)</article></main></body></html>
      """
  }

  /// Starts the page server; stopped when the test ends.
  func serve(_ page: LivePage) throws -> LoopbackServer {
    let server = try LoopbackServer.startNow([
      (
        "GET /live",
        { request in
          var waited = 0
          while page.now.held, waited < 1000 {  // at most 20 s
            try await Task.sleep(for: .milliseconds(20))
            waited += 1
          }
          let now = page.now
          let etag = "\"v\(now.version)\""
          if request.headers[HTTPHeader("If-None-Match")] == etag {
            return HTTPResponse(statusCode: HTTPStatusCode(304, phrase: "Not Modified"), headers: [HTTPHeader("ETag"): etag])
          }
          return HTTPResponse(
            statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html; charset=utf-8", HTTPHeader("ETag"): etag],
            body: Data(Self.livePage(posts: now.posts).utf8))
        }
      ),
      ("GET /gone", { _ in HTTPResponse(statusCode: .notFound) }),
      ("GET /picture", { _ in HTTPResponse(statusCode: .ok, headers: [HTTPHeader("Content-Type"): "image/png"], body: Data([0x89, 0x50, 0x4E, 0x47])) }),
      (
        "GET /scripts",
        { _ in
          HTTPResponse(
            statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html"],
            body: Data("<html><head><script>var story = 1;</script></head><body><script>go()</script></body></html>".utf8))
        }
      ),
    ])
    addTeardownBlock { server.stopNow() }
    return server
  }

  func testRefreshingAGrowingPageMarksTheNewPostsAndKeepsTheTopLine() throws {
    let page = LivePage()
    let server = try serve(page)
    let tmux = try start("--names names.txt \(server.base)/live")
    try tmux.waitFor("the page read from the URL") { $0.contains("Update 12 from the harbour") && $0.contains("Ferry strike") }
    try tmux.send("}")
    try tmux.send("}")
    try tmux.send("}")
    var screen = try tmux.waitFor("three updates down") { Self.updatePaneTop($0).contains("Update 11 from") }
    // The server now has two more posts and holds its answer back: the reader must go on meanwhile.
    page.grow(to: 14, held: true)
    try tmux.send("R")
    try tmux.waitFor("the fetch under way") { $0.contains("Checking…") }
    let topBefore = Self.updatePaneTop(try tmux.capture())
    try tmux.send("j")
    screen = try tmux.waitFor("a line scrolled while the page is fetched") {
      $0.contains("Checking…") && Self.updatePaneTop($0) != topBefore
    }
    let top = Self.updatePaneTop(screen)
    page.release()
    screen = try tmux.waitFor("the two new posts", timeout: 20) { $0.contains("2 new") }
    XCTAssertEqual(Self.updatePaneTop(screen), top, "the top line stays where it was\n\(screen)")
    XCTAssertTrue(screen.contains("15 upd") || screen.contains("15 up"), screen)
    try tmux.send("g")
    screen = try tmux.waitFor("the new posts at the top, marked") { $0.contains("Update 14 from the harbour") }
    XCTAssertTrue(screen.contains("● NEW"), screen)
    // Unchanged since: one 304, nothing new.
    page.grow(to: 14)
    try tmux.send("R")
    try tmux.waitFor("a 200 then no new update") { $0.contains("No new updates") || $0.contains("0 new") }
    try tmux.send("R")
    try tmux.waitFor("the 304") { $0.contains("No new updates") }
    try tmux.send("q")
    try tmux.waitFor("the shell after q") { $0.contains("exit=0") }
  }
}

/// `parse`, `entities` and `add` on URLs: `source` is the URL given; each failure one line and a non-zero exit,
/// the library untouched.
extension ReaderEndToEndTests {
  /// Runs `dateline ARGS` to the end; its exit status, standard output and standard error.
  func runDatelineCapturing(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let error = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
  }

  func testParseAndEntitiesReadAURLWithTheURLAsSource() throws {
    let server = try serve(LivePage())
    let url = server.base + "/live"
    let parsed = try runDatelineCapturing(["parse", "--json", url])
    XCTAssertEqual(parsed.status, 0, parsed.err)
    XCTAssertTrue(parsed.out.hasPrefix("{\"source\": \"\(url)\""), parsed.out)
    XCTAssertTrue(parsed.out.contains("Update 12 from the harbour"), parsed.out)
    let entities = try runDatelineCapturing(["entities", "--json", url])
    XCTAssertEqual(entities.status, 0, entities.err)
    XCTAssertEqual(server.requests.first?.headers["user-agent"]?.hasPrefix("dateline/"), true)
  }

  func testEachFailureIsOneLineAndANonZeroExit() throws {
    let server = try serve(LivePage())
    let base = server.base
    let cases: [(String, String)] = [
      ("/gone", "\(base)/gone: the server answered 404 Not Found"),
      ("/picture", "\(base)/picture: not a web page (Content-Type image/png)"),
      ("/scripts", "no article text"),
    ]
    for (path, message) in cases {
      let result = try runDatelineCapturing(["parse", base + path])
      XCTAssertNotEqual(result.status, 0, path)
      XCTAssertEqual(result.err.filter { $0 == "\n" }.count, 1, "one line: \(result.err)")
      XCTAssertTrue(result.err.contains(message), "\(path): \(result.err)")
    }
    server.stopNow()
    let refused = try runDatelineCapturing(["parse", base + "/live"])
    XCTAssertNotEqual(refused.status, 0)
    XCTAssertEqual(refused.err, "dateline: \(base)/live: 127.0.0.1 refused the connection\n")
    let timeout = try runDatelineCapturing(["parse", "--timeout", "0", base + "/live"])
    XCTAssertNotEqual(timeout.status, 0)
    XCTAssertTrue(timeout.err.contains("--timeout"), timeout.err)
  }

  func testAddingAnUnchangedPageCostsOne304AndAFailureLosesNothing() throws {
    let page = LivePage()
    let server = try serve(page)
    let url = server.base + "/live"
    let first = try runDatelineCapturing(["add", "--json", "--library", "lib.sqlite", url])
    XCTAssertEqual(first.status, 0, first.err)
    XCTAssertTrue(first.out.contains("\"Update 12 from the harbour\", \"Update 11 from the harbour\""), first.out)
    let listed = try runDatelineCapturing(["list", "--json", "--library", "lib.sqlite"])
    let second = try runDatelineCapturing(["add", "--library", "lib.sqlite", url])
    XCTAssertEqual(second.status, 0, second.err)
    XCTAssertTrue(second.out.contains("not modified since the last fetch"), second.out)
    XCTAssertEqual(server.requests.count, 2)
    XCTAssertEqual(server.requests.last?.headers["if-none-match"], "\"v1\"")
    let failed = try runDatelineCapturing(["add", "--library", "lib.sqlite", server.base + "/gone", url])
    XCTAssertEqual(failed.status, 1, "one of two failed")
    XCTAssertEqual(failed.err, "dateline: \(server.base)/gone: the server answered 404 Not Found\n")
    page.grow(to: 13)
    server.stopNow()
    let down = try runDatelineCapturing(["add", "--library", "lib.sqlite", url])
    XCTAssertEqual(down.status, 1)
    XCTAssertEqual(try runDatelineCapturing(["list", "--json", "--library", "lib.sqlite"]).out, listed.out, "nothing lost")
  }
}

extension ReaderEndToEndTests {
  func testRefreshOnATimerBringsInNewPostsWithoutAKey() throws {
    let page = LivePage()
    let server = try serve(page)
    let tmux = try start("--names names.txt --refresh 1 \(server.base)/live")
    try tmux.waitFor("the page read from the URL") { $0.contains("Update 12 from the harbour") }
    page.grow(to: 13)
    let screen = try tmux.waitFor("the new post fetched by the timer", timeout: 15) { $0.contains("1 new") }
    XCTAssertTrue(screen.contains("Update 13 from the harbour"), screen)
    XCTAssertTrue(screen.contains("● NEW"), screen)
  }
}

extension ReaderEndToEndTests {
  /// A page whose header names the wrong charset: the bytes are what they are, and the reader's charset rules
  /// (header, BOM, meta, then the bytes) decide; never a crash, never an escape sequence.
  func testAPageServedWithTheWrongCharsetIsStillReadable() throws {
    let article = """
      <!doctype html><html><head><meta charset="windows-1252"><title>Caf\u{E9} owners protest</title></head><body><article>
      <h1>Caf\u{E9} owners protest the new rules</h1>
      <p>The owners of the caf\u{E9} on the square said the rules would cost them their terrace this summer.</p>
      <p>The council said the rules were agreed last year after a long consultation with residents.</p>
      </article></body></html>
      """
    // Windows-1252 bytes, sent as UTF-8.
    let bytes = Data(article.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    let server = try LoopbackServer.startNow([
      (
        "GET /cafe",
        { _ in HTTPResponse(statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html; charset=utf-8"], body: bytes) }
      )
    ])
    addTeardownBlock { server.stopNow() }
    let result = try runDatelineCapturing(["parse", "--json", server.base + "/cafe"])
    XCTAssertEqual(result.status, 0, result.err)
    XCTAssertTrue(result.out.contains("on the square said the rules"), result.out)
    XCTAssertFalse(result.out.contains("\u{1B}"), result.out)
  }
}

extension ReaderEndToEndTests {
  func testRInTheLibraryFetchesAStoryAddedFromAURL() throws {
    let page = LivePage()
    let server = try serve(page)
    let added = try runDatelineCapturing(["add", "--library", "lib.sqlite", server.base + "/live"])
    XCTAssertEqual(added.status, 0, added.err)
    page.grow(to: 13)
    let tmux = try start("--library lib.sqlite")
    try tmux.waitFor("the library's story from the web") { $0.contains("Update 12 from the harbour") }
    try tmux.send("R")
    let screen = try tmux.waitFor("the new post", timeout: 20) { $0.contains("1 new") && !$0.contains("Checking…") }
    XCTAssertTrue(screen.contains("14 upd"), screen)
    try tmux.send("q")
    try tmux.waitFor("the shell after q") { $0.contains("exit=0") }
    let listed = try runDatelineCapturing(["list", "--json", "--library", "lib.sqlite"])
    XCTAssertTrue(listed.out.contains("\"updates\": 14"), "merged into the library: \(listed.out)")
  }
}
