import DatelineCore
import DatelineFetch
import DatelineSession
import DatelineStore
import FlyingFox
import Foundation
import LoopbackServer
import XCTest

/// Refreshing subscriptions against a loopback server the tests start (127.0.0.1 only): items become stories,
/// an unchanged feed is one 304, redirects and gzip are followed, failing feeds (404, 500, stalled, too large)
/// are one line each and stop nothing, and a feed that keeps failing is left alone for a while.
final class FeedRefresherTests: XCTestCase {
  var server: LoopbackServer!
  var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-refresh-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDown() async throws {
    await server?.stop()
    server = nil
    try? FileManager.default.removeItem(at: directory)
  }

  static func rss(_ items: Range<Int>, title: String = "Harbour Gazette") -> String {
    var text = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(title)</title><link>http://gazette.example/</link>"
    for index in items {
      text += "<item><title>Ferry notice \(index)</title><link>http://gazette.example/\(index)</link>"
      text += "<description>&lt;p&gt;First paragraph \(index).&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description></item>"
    }
    return text + "</channel></rss>"
  }

  static func feed(_ text: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
    var all = headers
    if all[HTTPHeader("Content-Type")] == nil { all[HTTPHeader("Content-Type")] = "application/rss+xml" }
    return HTTPResponse(statusCode: .ok, headers: all, body: Data(text.utf8))
  }

  func library() throws -> Library { try Library(path: directory.appendingPathComponent("library.sqlite").path) }

  func refresher(_ library: Library, timeout: TimeInterval = 5, maxBytes: Int = 64 << 20) -> FeedRefresher {
    var policy = FetchPolicy.standard.withTimeout(timeout)
    policy.maxBytes = maxBytes
    return FeedRefresher(library: library, fetcher: PageFetcher(policy: policy), analyze: nil, concurrency: 4)
  }

  func testItemsBecomeStoriesAndAnUnchangedFeedIsOne304() async throws {
    server = try await LoopbackServer.start([
      (
        "GET /feed",
        { request in
          if request.headers[HTTPHeader("If-None-Match")] == "\"v1\"" {
            return HTTPResponse(statusCode: HTTPStatusCode(304, phrase: "Not Modified"))
          }
          return Self.feed(Self.rss(0..<3), headers: [HTTPHeader("ETag"): "\"v1\""])
        }
      )
    ])
    let store = try library()
    try store.subscribe(Outline(url: server.base + "/feed"))
    let first = await refresher(store).refresh()
    XCTAssertEqual(first.map(\.result), [.read(items: 3, newStories: 3, problems: [])])
    let stories = try store.stories()
    XCTAssertEqual(stories.count, 3)
    XCTAssertEqual(Set(stories.map(\.headline)), ["Ferry notice 0", "Ferry notice 1", "Ferry notice 2"])
    let story = try XCTUnwrap(try store.loadStory(id: try XCTUnwrap(stories.first).id))
    XCTAssertEqual(story.updates.first?.paragraphs.count, 2, "the item's paragraphs")
    let subscription = try XCTUnwrap(try store.subscriptions().first)
    XCTAssertEqual(subscription.title, "Harbour Gazette", "the feed's own title fills in")
    XCTAssertEqual(subscription.stories, 3)
    XCTAssertEqual(subscription.unread, 3)

    let second = await refresher(store).refresh()
    XCTAssertEqual(second.map(\.result), [.unchanged])
    XCTAssertEqual(server.requests.last?.headers["if-none-match"], "\"v1\"")
    XCTAssertEqual(try store.stories().count, 3)
  }

  func testNewItemsAreAddedAndOldOnesKept() async throws {
    let version = ManagedCounter()
    server = try await LoopbackServer.start([
      ("GET /feed", { _ in Self.feed(version.next() == 0 ? Self.rss(0..<2) : Self.rss(1..<4)) })
    ])
    let store = try library()
    try store.subscribe(Outline(url: server.base + "/feed"))
    _ = await refresher(store).refresh()
    let second = await refresher(store).refresh()
    XCTAssertEqual(second.map(\.result), [.read(items: 3, newStories: 2, problems: [])])
    XCTAssertEqual(try store.stories().count, 4)
  }

  func testFailingFeedsAreOneLineEachAndStopNothing() async throws {
    let big = String(repeating: "x", count: 3 << 20)
    server = try await LoopbackServer.start([
      ("GET /good", { _ in Self.feed(Self.rss(0..<2)) }),
      ("GET /moved", { _ in HTTPResponse(statusCode: .movedPermanently, headers: [HTTPHeader("Location"): "/good2"]) }),
      ("GET /good2", { _ in Self.feed(Self.rss(10..<11, title: "Moved")) }),
      (
        "GET /zipped",
        { _ in
          HTTPResponse(
            statusCode: .ok,
            headers: [HTTPHeader("Content-Type"): "application/rss+xml", HTTPHeader("Content-Encoding"): "gzip"],
            body: try Self.gzip(Data(Self.rss(20..<21, title: "Zipped").utf8)))
        }
      ),
      ("GET /gone", { _ in HTTPResponse(statusCode: .notFound, body: Data("no".utf8)) }),
      ("GET /broken", { _ in HTTPResponse(statusCode: .internalServerError, body: Data("oops".utf8)) }),
      (
        "GET /stall",
        { _ in
          try await Task.sleep(for: .seconds(60))
          return Self.feed(Self.rss(0..<1))
        }
      ),
      ("GET /huge", { _ in Self.feed("<rss><channel><title>\(big)</title></channel></rss>") }),
      ("GET /page", { _ in HTTPResponse(statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html"], body: Data("<html><body>hi</body></html>".utf8)) }),
    ])
    let store = try library()
    let names = ["good", "moved", "zipped", "gone", "broken", "stall", "huge", "page"]
    for name in names { try store.subscribe(Outline(url: server.base + "/" + name)) }
    let started = Date()
    let outcomes = await refresher(store, timeout: 2, maxBytes: 1 << 20).refresh()
    XCTAssertLessThan(Date().timeIntervalSince(started), 20, "a stalled feed holds up nothing for long")
    XCTAssertEqual(outcomes.map(\.url), names.map { server.base + "/" + $0 })
    XCTAssertEqual(outcomes[0].result, .read(items: 2, newStories: 2, problems: []))
    XCTAssertEqual(outcomes[1].result, .read(items: 1, newStories: 1, problems: []), "redirect followed")
    XCTAssertEqual(outcomes[2].result, .read(items: 1, newStories: 1, problems: []), "gzip undone")
    for outcome in outcomes[3...] {
      guard case .failed(let line) = outcome.result else { return XCTFail("\(outcome)") }
      XCTAssertFalse(line.contains("\n"))
      XCTAssertTrue(line.hasPrefix(outcome.url), line)
    }
    XCTAssertEqual(try store.stories().count, 4)
    let state = try XCTUnwrap(try store.fetchState(url: server.base + "/gone"))
    XCTAssertEqual(state.failures, 1)
  }

  func testAFeedThatKeepsFailingIsLeftAloneForAWhileUnlessForced() async throws {
    server = try await LoopbackServer.start([("GET /gone", { _ in HTTPResponse(statusCode: .notFound) })])
    let store = try library()
    let url = server.base + "/gone"
    try store.subscribe(Outline(url: url))
    let now = Date()
    _ = await refresher(store).refresh(now: now)
    let again = await refresher(store).refresh(now: now.addingTimeInterval(10))
    guard case .postponed(let until) = again.first?.result else { return XCTFail("\(again)") }
    XCTAssertEqual(until.timeIntervalSince1970, now.addingTimeInterval(60).timeIntervalSince1970, accuracy: 1)
    XCTAssertEqual(server.requests.count, 1, "no request while postponed")
    let forced = await refresher(store).refresh(force: true, now: now.addingTimeInterval(20))
    guard case .failed = forced.first?.result else { return XCTFail("\(forced)") }
    XCTAssertEqual(server.requests.count, 2)
    let later = await refresher(store).refresh(now: now.addingTimeInterval(20 + 121))
    guard case .failed = later.first?.result else { return XCTFail("\(later)") }
    XCTAssertEqual(try store.fetchState(url: url)?.failures, 3)
  }

  func testA50MBFeedIsReadWhole() async throws {
    // 50 items of 1 MB of plain words each: under the 64 MB cap, every item a story.
    let words = String(repeating: "tide ferry harbour council ", count: 1_048_576 / 27)
    var text = "<rss version=\"2.0\"><channel><title>Big</title>"
    for index in 0..<50 { text += "<item><title>Big \(index)</title><guid>big-\(index)</guid><description>\(words)</description></item>" }
    text += "</channel></rss>"
    let body = Data(text.utf8)
    XCTAssertGreaterThan(body.count, 50_000_000)
    server = try await LoopbackServer.start([("GET /big", { _ in HTTPResponse(statusCode: .ok, headers: [HTTPHeader("Content-Type"): "application/rss+xml"], body: body) })])
    let store = try library()
    try store.subscribe(Outline(url: server.base + "/big"))
    let outcomes = await refresher(store, timeout: 120).refresh()
    XCTAssertEqual(outcomes.map(\.result), [.read(items: 50, newStories: 50, problems: [])])
    XCTAssertEqual(try store.stories().count, 50)
  }

  func testAFeedFileIsReadFromDisk() async throws {
    let path = directory.appendingPathComponent("local.xml")
    try Data(Self.rss(0..<2).utf8).write(to: path)
    let store = try library()
    try store.subscribe(Outline(url: path.path))
    let outcomes = await refresher(store).refresh()
    XCTAssertEqual(outcomes.map(\.result), [.read(items: 2, newStories: 2, problems: [])])
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

/// A counter handlers can share: how many times `next()` was called before.
final class ManagedCounter: Sendable {
  private let value = Mutex(0)
  func next() -> Int { value.withLock { current in defer { current += 1 }; return current } }
}

import Synchronization
