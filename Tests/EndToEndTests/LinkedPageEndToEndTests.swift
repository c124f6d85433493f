import FlyingFox
import Foundation
import LoopbackServer
import Synchronization
import XCTest

/// The real binary on a summary-only feed served on 127.0.0.1 (Tests/Fixtures/linked, fictional): opening an
/// item shows the article its link leads to, a live-blog link shows the blog's posts as updates, and each page
/// is fetched once however often the story is opened, in this reader or the next.
extension ReaderEndToEndTests {
  /// How often the server was asked for each path.
  final class HitCounter: Sendable {
    private let hits = Mutex([String: Int]())
    func hit(_ path: String) { hits.withLock { $0[path, default: 0] += 1 } }
    func count(_ path: String) -> Int { hits.withLock { $0[path] ?? 0 } }
  }

  static func linkedFixture(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/linked/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
  }

  func testAFeedItemOpensAsItsLinkedArticleAndALiveBlogAsItsPostsFetchedOnce() throws {
    let hits = HitCounter()
    let base = Mutex("")
    var routes: [(String, LoopbackServer.Handler)] = []
    for (path, file, type) in [
      ("/feed.xml", "feed.xml", "application/rss+xml"), ("/stories/lighthouse-log", "article.html", "text/html; charset=utf-8"),
      ("/live/regatta", "live.html", "text/html; charset=utf-8"),
    ] {
      let text = try Self.linkedFixture(file)
      routes.append(
        (
          "GET \(path)",
          { _ in
            hits.hit(path)
            let body = text.replacingOccurrences(of: "@BASE@", with: base.withLock { $0 })
            return HTTPResponse(statusCode: .ok, headers: [HTTPHeader("Content-Type"): type], body: Data(body.utf8))
          }
        ))
    }
    let server = try LoopbackServer.startNow(routes)
    addTeardownBlock { server.stopNow() }
    base.withLock { $0 = server.base }
    _ = try runDateline(["subscribe", "--library", "lib.sqlite", server.base + "/feed.xml"])
    _ = try runDateline(["refresh", "--library", "lib.sqlite"])
    XCTAssertEqual(hits.count("/stories/lighthouse-log") + hits.count("/live/regatta"), 0, "pages wait until opened")

    // The first story (the feed's first item, a teaser) opens at start: its article replaces the teaser.
    let tmux = try start("--names names.txt --library lib.sqlite", width: 120, height: 40)
    var screen = try tmux.waitFor("the article of the first item") {
      $0.contains("Builders repairing the east pier of Port Amsel") && $0.contains("Story 1/4")
    }
    XCTAssertFalse(screen.contains("Continue reading"), screen)
    XCTAssertTrue(screen.contains("Marsh kept the light for twenty-two years"), screen)
    XCTAssertEqual(hits.count("/stories/lighthouse-log"), 1)

    // The second item links to a live blog: its posts are the story's updates.
    try tmux.send("Tab")
    try tmux.send("Tab")
    try tmux.send("j")
    try tmux.send("Enter")
    screen = try tmux.waitFor("the live blog's posts") {
      $0.contains("Story 2/4") && $0.contains("First ship crosses the line") && $0.contains("Race starts two hours late")
        && $0.contains("Storm holds the fleet in port") && $0.contains("update 1/3")
    }
    XCTAssertFalse(screen.contains("Follow the tall ships race"), screen)

    // Back to the first story: read from the library, not fetched again.
    try tmux.send("Tab")
    try tmux.send("Tab")
    try tmux.send("k")
    try tmux.send("Enter")
    screen = try tmux.waitFor("the article again") {
      $0.contains("Story 1/4") && $0.contains("Builders repairing the east pier")
    }
    try tmux.send("q")
    try tmux.waitFor("the shell after q") { $0.contains("exit=0") }
    XCTAssertEqual(hits.count("/stories/lighthouse-log"), 1, "one fetch across two opens")
    XCTAssertEqual(hits.count("/live/regatta"), 1)

    // The next reader finds both pages in the library.
    let next = try start("--names names.txt --library lib.sqlite", width: 120, height: 40)
    try next.waitFor("the article in a new reader") { $0.contains("Builders repairing the east pier") }
    try next.send("q")
    try next.waitFor("the shell after q") { $0.contains("exit=0") }
    XCTAssertEqual(hits.count("/stories/lighthouse-log"), 1, "kept: no fetch in the next reader")
    XCTAssertEqual(hits.count("/live/regatta"), 1)
  }

  func testRefreshPagesReadsTheArticlesAheadSoTheReaderHasThemOffline() throws {
    let hits = HitCounter()
    let base = Mutex("")
    var routes: [(String, LoopbackServer.Handler)] = []
    for (path, file, type) in [
      ("/feed.xml", "feed.xml", "application/rss+xml"), ("/stories/lighthouse-log", "article.html", "text/html; charset=utf-8"),
      ("/live/regatta", "live.html", "text/html; charset=utf-8"),
    ] {
      let text = try Self.linkedFixture(file)
      routes.append(
        (
          "GET \(path)",
          { _ in
            hits.hit(path)
            let body = text.replacingOccurrences(of: "@BASE@", with: base.withLock { $0 })
            return HTTPResponse(statusCode: .ok, headers: [HTTPHeader("Content-Type"): type], body: Data(body.utf8))
          }
        ))
    }
    let server = try LoopbackServer.startNow(routes)
    addTeardownBlock { server.stopNow() }
    base.withLock { $0 = server.base }
    _ = try runDateline(["subscribe", "--library", "lib.sqlite", server.base + "/feed.xml"])
    let output = try runDateline(["refresh", "--pages", "--json", "--jobs", "2", "--library", "lib.sqlite"])
    let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], output)
    let pages = try XCTUnwrap(object["pages"] as? [[String: Any]], output)
    var status: [String: String] = [:]
    for page in pages { status[(page["url"] as? String ?? "").replacingOccurrences(of: server.base, with: "")] = page["status"] as? String }
    // The missing page is a 404 on this server (no route): failed, and left as a teaser.
    XCTAssertEqual(status, ["/stories/lighthouse-log": "read", "/live/regatta": "read", "/stories/missing": "failed"], output)
    XCTAssertEqual(hits.count("/stories/lighthouse-log"), 1)
    XCTAssertEqual(hits.count("/live/regatta"), 1)

    // Offline: the server is gone, and the reader shows the article and the live blog from the library.
    server.stopNow()
    let tmux = try start("--names names.txt --library lib.sqlite", width: 120, height: 40)
    var screen = try tmux.waitFor("the article, offline") { $0.contains("Builders repairing the east pier") }
    XCTAssertFalse(screen.contains("Fetching the article"), screen)
    try tmux.send("Tab")
    try tmux.send("Tab")
    try tmux.send("j")
    try tmux.send("Enter")
    screen = try tmux.waitFor("the live blog, offline") { $0.contains("Race starts two hours late") && $0.contains("update 1/3") }
    try tmux.send("q")
    try tmux.waitFor("the shell after q") { $0.contains("exit=0") }
  }

  func testTheReaderAnswersKeysWhileTheArticleIsComing() throws {
    let released = Mutex(false)
    let base = Mutex("")
    let feed = try Self.linkedFixture("feed.xml")
    let article = try Self.linkedFixture("article.html")
    let server = try LoopbackServer.startNow([
      (
        "GET /feed.xml",
        { _ in
          HTTPResponse(
            statusCode: .ok, headers: [HTTPHeader("Content-Type"): "application/rss+xml"],
            body: Data(feed.replacingOccurrences(of: "@BASE@", with: base.withLock { $0 }).utf8))
        }
      ),
      (
        "GET /stories/lighthouse-log",
        { _ in
          // Held until the test lets it go (no sleeps to race against).
          while !released.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(20)) }
          return HTTPResponse(
            statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html; charset=utf-8"],
            body: Data(article.replacingOccurrences(of: "@BASE@", with: base.withLock { $0 }).utf8))
        }
      ),
    ])
    addTeardownBlock {
      released.withLock { $0 = true }
      server.stopNow()
    }
    base.withLock { $0 = server.base }
    _ = try runDateline(["subscribe", "--library", "lib.sqlite", server.base + "/feed.xml"])
    _ = try runDateline(["refresh", "--library", "lib.sqlite"])
    let tmux = try start("--names names.txt --library lib.sqlite", width: 120, height: 40)
    try tmux.waitFor("the teaser while the article is fetched") {
      $0.contains("Builders found a tin box") && $0.contains("Fetching the article…")
    }
    // Keys are answered meanwhile: the help screen opens and closes, and the status still says so.
    try tmux.send("h")
    try tmux.waitFor("the help screen") { $0.contains("dateline keys") }
    try tmux.send("h")
    try tmux.waitFor("back, still fetching") { $0.contains("Builders found a tin box") && $0.contains("Fetching the article…") }
    released.withLock { $0 = true }
    let screen = try tmux.waitFor("the article") {
      $0.contains("Builders repairing the east pier") && !$0.contains("Fetching the article…")
    }
    XCTAssertFalse(screen.contains("Continue reading"), screen)
    try tmux.send("q")
    try tmux.waitFor("the shell after q") { $0.contains("exit=0") }
  }
}
