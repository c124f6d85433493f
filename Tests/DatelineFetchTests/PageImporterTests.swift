import DatelineApp
import DatelineCore
import DatelineFetch
import DatelineSession
import DatelineStore
import FlyingFox
import Foundation
import LoopbackServer
import Synchronization
import XCTest

/// Pages fetched into the library: an unchanged page is one 304, a grown page marks its new posts, a failure
/// leaves the library as it was and is counted for the backoff.
final class PageImporterTests: XCTestCase {
  var server: LoopbackServer!
  var directory: URL!
  let page = PageState()

  /// What the server serves now: the page's number of posts, and whether it answers at all.
  final class PageState: Sendable {
    private let state = Mutex((posts: 3, status: 200, version: 1))
    var now: (posts: Int, status: Int, version: Int) { state.withLock { $0 } }
    func grow(to posts: Int) { state.withLock { $0 = (posts, $0.status, $0.version + 1) } }
    func fail(_ status: Int) { state.withLock { $0.status = status } }
  }

  override func setUp() async throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-fetch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let page = page
    server = try await LoopbackServer.start([
      (
        "GET /live",
        { request in
          let now = page.now
          if now.status != 200 { return HTTPResponse(statusCode: HTTPStatusCode(now.status, phrase: "Failing")) }
          let etag = "\"v\(now.version)\""
          if request.headers[HTTPHeader("If-None-Match")] == etag {
            return HTTPResponse(statusCode: HTTPStatusCode(304, phrase: "Not Modified"), headers: [HTTPHeader("ETag"): etag])
          }
          return HTTPResponse(
            statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html; charset=utf-8", HTTPHeader("ETag"): etag],
            body: Data(LiveBlogPage.html(posts: now.posts).utf8))
        }
      ),
      (
        "GET /hostile",
        { _ in
          HTTPResponse(statusCode: .ok, headers: [HTTPHeader("Content-Type"): "image/x-\u{1B}[2J\u{202E}evil"], body: Data([0x89]))
        }
      ),
    ])
  }

  override func tearDown() async throws {
    await server?.stop()
    try? FileManager.default.removeItem(at: directory)
  }

  func importer(_ library: Library) -> PageImporter {
    let reader = StoryReader()
    return PageImporter(
      library: library, fetcher: PageFetcher(policy: FetchPolicy.standard.withTimeout(10)),
      read: { page, source in
        try reader.read(
          InputDocument(bytes: page.bytes, source: source, contentType: page.contentType, url: page.finalURL.absoluteString))
      }, analyze: nil)
  }

  func library() throws -> Library { try Library(path: directory.appendingPathComponent("library.sqlite").path) }

  func testAnUnchangedPageCostsOne304AndChangesNothing() throws {
    let library = try library()
    let url = server.base + "/live"
    let first = importer(library).importPage(url)
    guard case .success(.imported(let report)) = first else { return XCTFail("\(first)") }
    XCTAssertTrue(report.newStory)
    XCTAssertEqual(report.updates, report.captureUpdates)
    let stories = try library.stories()
    XCTAssertEqual(try library.fetchState(url: url)?.etag, "\"v1\"")

    let second = importer(library).importPage(url)
    XCTAssertEqual(second, .success(.unchanged))
    XCTAssertEqual(server.requests.count, 2)
    XCTAssertEqual(server.requests.last?.headers["if-none-match"], "\"v1\"")
    XCTAssertEqual(try library.stories(), stories)
    XCTAssertEqual(stories.first?.source, url)
  }

  func testAGrownPageMarksItsNewPostsInTheSameStory() throws {
    let library = try library()
    let url = server.base + "/live"
    _ = importer(library).importPage(url)
    page.grow(to: 5)
    let grown = importer(library).importPage(url)
    guard case .success(.imported(let report)) = grown else { return XCTFail("\(grown)") }
    XCTAssertFalse(report.newStory)
    XCTAssertEqual(report.new, ["Update 5 from the harbour", "Update 4 from the harbour"])
    XCTAssertEqual(report.changed, [])
    XCTAssertEqual(try library.stories().count, 1)
    XCTAssertEqual(try library.fetchState(url: url)?.etag, "\"v2\"")
  }

  func testAFailureLeavesTheLibraryAsItWasAndCountsForTheBackoff() throws {
    let library = try library()
    let url = server.base + "/live"
    _ = importer(library).importPage(url)
    let before = try library.stories()
    page.fail(503)
    let failed = importer(library).importPage(url)
    XCTAssertEqual(failed, .failure(.fetch(.httpStatus(url: url, code: 503))))
    XCTAssertEqual(try library.stories(), before)
    let state = try XCTUnwrap(try library.fetchState(url: url))
    XCTAssertEqual(state.failures, 1)
    XCTAssertEqual(state.lastError, "\(url): the server answered 503 Service Unavailable")
    XCTAssertEqual(state.etag, "\"v1\"", "the copy held is still the one the validators vouch for")
    _ = importer(library).importPage(url)
    XCTAssertEqual(try library.fetchState(url: url)?.failures, 2)
    XCTAssertFalse(
      FailureBackoff.standard.mayTry(failures: 2, lastFailure: try library.fetchState(url: url)?.lastFailureAt, now: Date()))
  }

  func testARemovedStoryIsFetchedWholeAgain() throws {
    let library = try library()
    let url = server.base + "/live"
    _ = importer(library).importPage(url)
    let story = try XCTUnwrap(try library.stories().first)
    XCTAssertTrue(try library.removeStory(id: story.id))
    let again = importer(library).importPage(url)
    guard case .success(.imported(let report)) = again else { return XCTFail("\(again)") }
    XCTAssertTrue(report.newStory)
    XCTAssertNil(server.requests.last?.headers["if-none-match"], "no conditional request for a copy no longer held")
  }

  func testTheReadersSourceRefreshesAStoryFromItsURL() throws {
    let library = try library()
    let url = server.base + "/live"
    _ = importer(library).importPage(url)
    let source = LibraryStorySource(library: library, importer: importer(library))
    let entry = try XCTUnwrap(try source.entries().first)
    XCTAssertEqual(entry.url, url)
    XCTAssertEqual(source.refresh(entry, byHand: true), .unchanged)
    page.grow(to: 4)
    guard case .updated(let story, let new, let changed) = source.refresh(entry, byHand: true) else { return XCTFail("no update") }
    XCTAssertEqual(new, 1)
    XCTAssertEqual(changed, 0)
    let added = try XCTUnwrap(story.story.updates.firstIndex { $0.title == "Update 4 from the harbour" })
    XCTAssertEqual(story.marks[added], .new)
    page.fail(404)
    XCTAssertEqual(source.refresh(entry, byHand: true), .failed("\(url): the server answered 404 Not Found"))
  }

  func testAServersWordsReachTheStatusLineCleaned() throws {
    let source = LibraryStorySource(library: try library(), importer: importer(try library()))
    let entry = StoryEntry(handle: 1, headline: "Anything", updateCount: 0, url: server.base + "/hostile")
    guard case .failure(let raw) = importer(try library()).importPage(server.base + "/hostile") else { return XCTFail() }
    XCTAssertTrue(raw.description.unicodeScalars.contains { $0.value == 0x1B }, "the server's words as sent: \(raw)")
    guard case .failed(let message) = source.refresh(entry, byHand: true) else { return XCTFail("a picture is no page") }
    XCTAssertTrue(message.contains("not a web page"), message)
    XCTAssertFalse(message.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E }, message)
  }

  func testTheTimerLeavesAFailingPageAloneButRStillFetches() throws {
    let library = try library()
    let url = server.base + "/live"
    _ = importer(library).importPage(url)
    let source = LibraryStorySource(library: library, importer: importer(library))
    let entry = try XCTUnwrap(try source.entries().first)
    page.fail(500)
    XCTAssertEqual(source.refresh(entry, byHand: false), .failed("\(url): the server answered 500 Internal Server Error"))
    let asked = server.requests.count
    guard case .failed(let held) = source.refresh(entry, byHand: false) else { return XCTFail("not held back") }
    XCTAssertTrue(held.contains("(1 failure: next automatic try in"), held)
    XCTAssertEqual(server.requests.count, asked, "the timer asked nothing of a failing server")
    XCTAssertEqual(source.refresh(entry, byHand: true), .failed("\(url): the server answered 500 Internal Server Error"))
    XCTAssertEqual(server.requests.count, asked + 1, "R always asks")
  }
}
