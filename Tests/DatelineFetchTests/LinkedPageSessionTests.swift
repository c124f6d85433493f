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

/// A summary-only feed served on 127.0.0.1 whose items link to an article, a live blog and a missing page
/// (fixtures in Tests/Fixtures/linked, fictional): each teaser's page is read into its story when it is first
/// opened, once, and kept; the live blog becomes a story of posts that `R` refreshes; a failure keeps the teaser.
final class LinkedPageSessionTests: XCTestCase {
  var server: LoopbackServer!
  var directory: URL!
  var library: Library!
  let site = Site()

  static let names = NameListEntities(entities: [
    Entity(name: "Edda Marsh", type: .person, aliases: ["Marsh"]),
    Entity(name: "Port Amsel", type: .place),
    Entity(name: "Ines Calloway", type: .person),
  ])

  /// What the server serves now, and how often each path was asked for.
  final class Site: Sendable {
    private let state = Mutex((hits: [String: Int](), livePosts: 3, feedVersion: 1, missing: Missing.notFound))
    /// How the missing item's page answers.
    enum Missing { case notFound, scriptOnly, stalled }
    var missing: Missing { state.withLock { $0.missing } }
    func answerMissing(_ how: Missing) { state.withLock { $0.missing = how } }
    func hit(_ path: String) { state.withLock { $0.hits[path, default: 0] += 1 } }
    func hits(_ path: String) -> Int { state.withLock { $0.hits[path] ?? 0 } }
    var livePosts: Int { state.withLock { $0.livePosts } }
    func addLivePost() { state.withLock { $0.livePosts += 1 } }
    var feedVersion: Int { state.withLock { $0.feedVersion } }
    func editFeed() { state.withLock { $0.feedVersion += 1 } }
  }

  static func fixture(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/linked/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// The live page with its first `posts` posts (the fixture has three; a fourth is made up here).
  static func livePage(_ text: String, posts: Int) -> String {
    guard posts > 3, let start = text.range(of: "<article class=\"live-post\" id=\"post-3\">") else { return text }
    let extra = """
      <article class="live-post" id="post-4">
      <time datetime="2026-07-04T12:30:00Z">12.30</time>
      <h2 class="live-post__title">Prizes handed out on the quay</h2>
      <p>The mayor gave the cup to the Marigold's crew on the quay, in rain that had come back for the occasion.</p>
      </article>

      """
    var page = text
    page.insert(contentsOf: extra, at: start.lowerBound)
    return page
  }

  override func setUp() async throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-linked-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let (feed, article, live) = (try Self.fixture("feed.xml"), try Self.fixture("article.html"), try Self.fixture("live.html"))
    let site = site
    let base = Mutex("")
    func page(_ path: String, _ text: @escaping @Sendable () -> String, etag: (@Sendable () -> String)? = nil)
      -> (String, LoopbackServer.Handler)
    {
      (
        "GET \(path)",
        { request in
          site.hit(path)
          var headers = [HTTPHeader("Content-Type"): path.hasSuffix(".xml") ? "application/rss+xml" : "text/html; charset=utf-8"]
          if let etag {
            let tag = etag()
            if request.headers[HTTPHeader("If-None-Match")] == tag {
              return HTTPResponse(statusCode: HTTPStatusCode(304, phrase: "Not Modified"), headers: [HTTPHeader("ETag"): tag])
            }
            headers[HTTPHeader("ETag")] = tag
          }
          let body = text().replacingOccurrences(of: "@BASE@", with: base.withLock { $0 })
          return HTTPResponse(statusCode: .ok, headers: headers, body: Data(body.utf8))
        }
      )
    }
    server = try await LoopbackServer.start([
      page(
        "/feed.xml",
        {
          site.feedVersion == 1
            ? feed : feed.replacingOccurrences(of: "Builders found a tin box", with: "Builders on the east pier found a tin box")
        }),
      page("/stories/lighthouse-log", { article }),
      page("/live/regatta", { Self.livePage(live, posts: site.livePosts) }, etag: { "\"posts-\(site.livePosts)\"" }),
      page("/stories/tides", { article }),
      (
        "GET /stories/missing",
        { _ in
          site.hit("/stories/missing")
          switch site.missing {
          case .notFound: return HTTPResponse(statusCode: .notFound)
          case .scriptOnly:
            return HTTPResponse(
              statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html"],
              body: Data("<html><head><script>render()</script></head><body><div id=app></div></body></html>".utf8))
          case .stalled:
            try await Task.sleep(for: .seconds(30))  // cut short when the server stops
            return HTTPResponse(statusCode: .notFound)
          }
        }
      ),
    ])
    base.withLock { $0 = server.base }
    library = try Library(path: directory.appendingPathComponent("library.sqlite").path)
  }

  override func tearDown() async throws {
    await server?.stop()
    library = nil
    try? FileManager.default.removeItem(at: directory)
  }

  func source(_ library: Library, timeout: TimeInterval = 10) -> LibraryStorySource {
    let reader = StoryReader()
    let analyze: Library.EntityAnalysis = { Self.names.analyze($0) }
    let fetcher = PageFetcher(policy: FetchPolicy.standard.withTimeout(timeout))
    let importer = PageImporter(
      library: library, fetcher: fetcher,
      read: { page, source in
        try reader.read(
          InputDocument(bytes: page.bytes, source: source, contentType: page.contentType, url: page.finalURL.absoluteString))
      }, analyze: analyze)
    return LibraryStorySource(
      library: library, importer: importer, feeds: FeedRefresher(library: library, fetcher: fetcher, analyze: analyze))
  }

  /// Subscribes to the feed and refreshes it once: four stories, three of them teasers.
  func subscribed() throws -> LibraryStorySource {
    try library.subscribe(Outline(url: server.base + "/feed.xml"))
    let source = source(library)
    let summary = source.refreshFeeds { _, _ in }
    XCTAssertEqual(summary.newStories, 4, "\(summary)")
    return source
  }

  func entry(_ source: LibraryStorySource, _ headlinePrefix: String) throws -> StoryEntry {
    try XCTUnwrap(try source.entries().first { $0.headline.hasPrefix(headlinePrefix) }, headlinePrefix)
  }

  func paragraphs(_ story: LoadedStory) -> [String] { story.story.updates.flatMap(\.paragraphs).map(\.text) }

  func testTeasersAreNotedAndAFullItemIsNot() throws {
    _ = try subscribed()
    let pending = try library.pendingLinkedPages().map(\.url).sorted()
    XCTAssertEqual(
      pending, ["/live/regatta", "/stories/lighthouse-log", "/stories/missing"].map { server.base + $0 })
    XCTAssertEqual(site.hits("/stories/lighthouse-log"), 0, "nothing is fetched before the story is opened")
  }

  func testOpeningAnArticleTeaserReadsThePageOnceAndKeepsIt() throws {
    let source = try subscribed()
    let entry = try entry(source, "Lighthouse")
    let teaser = try source.loadStory(entry)
    XCTAssertEqual(teaser.linkedPage, server.base + "/stories/lighthouse-log")
    XCTAssertEqual(paragraphs(teaser), ["Builders found a tin box with a logbook from 1911.", "Continue reading →"])

    guard case .updated(let read, let new, _) = source.readLinkedPage(entry) else {
      return XCTFail("\(source.readLinkedPage(entry))")
    }
    XCTAssertEqual(site.hits("/stories/lighthouse-log"), 1)
    XCTAssertEqual(new, 1)
    XCTAssertEqual(paragraphs(read).count, 4)
    XCTAssertTrue(paragraphs(read)[0].hasPrefix("Builders repairing the east pier of Port Amsel"), "\(paragraphs(read))")
    XCTAssertFalse(paragraphs(read).contains("Continue reading →"), "the teaser is gone")
    XCTAssertEqual(read.story.headline, "Lighthouse keeper's log found in harbour wall")
    XCTAssertEqual(read.story.standfirst, "Builders repairing the east pier found a tin box with a logbook from 1911.")
    XCTAssertNil(read.linkedPage)
    XCTAssertEqual(read.marks, [0: .new], "the article is unread")
    // The page's people and places are the story's entities, found in the article's paragraphs.
    XCTAssertTrue(read.entities.mentions.contains { $0.text == "Edda Marsh" && $0.part.update == 0 }, "\(read.entities.mentions)")
    let marsh = try XCTUnwrap(read.entities.entities.first { $0.name == "Edda Marsh" })
    XCTAssertEqual(try library.storiesMentioning(marsh.id).map(\.story), [entry.handle])

    // Kept: opening it again reads it from the library, and asking again fetches nothing.
    XCTAssertNil(try source.loadStory(entry).linkedPage)
    guard case .updated(let again, _, _) = source.readLinkedPage(entry) else { return XCTFail() }
    XCTAssertEqual(paragraphs(again), paragraphs(read))
    // Another process's reader sees the page too, and fetches nothing.
    let other = self.source(try Library(path: library.location.path))
    XCTAssertNil(try other.loadStory(entry).linkedPage)
    XCTAssertEqual(paragraphs(try other.loadStory(entry)), paragraphs(read))
    XCTAssertEqual(site.hits("/stories/lighthouse-log"), 1)
    XCTAssertEqual(try library.stories().count, 4, "no story was added: the page went into the feed's story")
  }

  func testALiveBlogLinkBecomesALiveStoryThatRRefreshes() throws {
    let source = try subscribed()
    let entry = try entry(source, "Regatta")
    guard case .updated(let live, _, _) = source.readLinkedPage(entry) else { return XCTFail() }
    XCTAssertEqual(
      live.story.updates.map(\.title), ["First ship crosses the line", "Race starts two hours late", "Storm holds the fleet in port"])
    XCTAssertEqual(live.story.updates.map(\.published), ["2026-07-04T11:40:00Z", "2026-07-04T10:05:00Z", "2026-07-04T08:10:00Z"])
    XCTAssertEqual(Set(live.marks.keys), [0, 1, 2])
    try library.markRead(updates: live.updateHandles)

    // A new post on the page: R fetches it (the page's URL is the story's source) and marks it new.
    XCTAssertEqual(entry.url, server.base + "/live/regatta")
    site.addLivePost()
    guard case .updated(let grown, let new, let changed) = source.refresh(entry, byHand: true) else {
      return XCTFail("\(source.refresh(entry, byHand: true))")
    }
    XCTAssertEqual([new, changed], [1, 0])
    XCTAssertEqual(grown.story.updates.first?.title, "Prizes handed out on the quay")
    XCTAssertEqual(grown.story.updates.count, 4)
    XCTAssertEqual(grown.marks, [0: .new])
    // Unchanged since: one conditional request, a 304.
    XCTAssertEqual(source.refresh(entry, byHand: true), .unchanged)
    XCTAssertEqual(site.hits("/live/regatta"), 3)
    XCTAssertEqual(try library.stories().count, 4)
  }

  func testAFailedPageKeepsTheTeaserAndIsTriedAgainOnALaterOpen() throws {
    let source = try subscribed()
    let entry = try entry(source, "Harbour dues")
    guard case .failed(let message) = source.readLinkedPage(entry) else { return XCTFail() }
    XCTAssertTrue(message.contains("404"), message)
    XCTAssertFalse(message.contains("\n"))
    let still = try source.loadStory(entry)
    XCTAssertEqual(paragraphs(still), ["The council will vote on new harbour dues […]"])
    XCTAssertEqual(still.linkedPage, server.base + "/stories/missing", "wanted again next time")
    XCTAssertEqual(try library.linkedPage(story: entry.handle)?.failures, 1)
    XCTAssertEqual(site.hits("/stories/missing"), 1)
    guard case .failed = source.readLinkedPage(entry) else { return XCTFail() }
    XCTAssertEqual(site.hits("/stories/missing"), 2)
    XCTAssertEqual(try library.linkedPage(story: entry.handle)?.failures, 2)
  }

  func testARefreshOfTheFeedDoesNotBringTheTeaserBack() throws {
    let source = try subscribed()
    let entry = try entry(source, "Lighthouse")
    guard case .updated(let read, _, _) = source.readLinkedPage(entry) else { return XCTFail() }
    site.editFeed()  // the item's teaser is reworded
    _ = source.refreshFeeds { _, _ in }
    XCTAssertEqual(paragraphs(try source.loadStory(entry)), paragraphs(read))
    XCTAssertEqual(try library.stories().count, 4)
  }

  func testTheReaderOpensATeaserAndShowsTheArticleWithoutWaiting() throws {
    let source = try subscribed()
    let entries = try source.entries()
    let index = try XCTUnwrap(entries.firstIndex { $0.headline.hasPrefix("Lighthouse") })
    let runner = EffectRunner(source: source)
    var state = AppState(entries: entries, keymap: Keymap.defaults(from: BundledResource.text("keymap.conf") ?? ""), width: 100, height: 30, opening: index)
    _ = EffectRunner.apply(.resize(width: 100, height: 30), to: &state, runner: runner)
    XCTAssertEqual(StatusLineView.summary(state).components(separatedBy: " · ").first, "Fetching the article…")
    XCTAssertTrue(runner.background.waitUntilDone(timeout: 20))
    for event in runner.background.drain() { _ = EffectRunner.apply(event, to: &state, runner: runner) }
    let screen = ScreenView.render(state).description
    XCTAssertTrue(screen.contains("Builders repairing the east pier"), screen)
    XCTAssertFalse(screen.contains("Continue reading"), screen)
    XCTAssertFalse(state.isReadingLinkedPage)
    XCTAssertEqual(site.hits("/stories/lighthouse-log"), 1)
  }

  func testRefreshPagesReadsEveryPendingPageAheadOfTimeAndGivesUpOnAPageGoneForGood() async throws {
    let source = try subscribed()
    let importer = try XCTUnwrap(source.importer)
    let prefetcher = LinkedPagePrefetcher(importer: LinkedPageImporter(importer), concurrency: 2, giveUpAfter: 3)
    let order = try source.entries().map(\.headline)
    let outcomes = await prefetcher.readPending()
    XCTAssertEqual(try source.entries().map(\.headline), order, "a page read moves no story in the list")
    XCTAssertEqual(outcomes.count, 3)
    XCTAssertEqual(outcomes.filter { $0.error == nil }.map(\.url).sorted(), ["/live/regatta", "/stories/lighthouse-log"].map { server.base + $0 })
    let failure = try XCTUnwrap(outcomes.first { $0.error != nil })
    XCTAssertEqual(failure.url, server.base + "/stories/missing")
    XCTAssertTrue(failure.error?.contains("404") == true, "\(failure)")
    // The reader finds the articles in the library: nothing left to fetch when the story is opened.
    let article = try source.loadStory(try entry(source, "Lighthouse"))
    XCTAssertNil(article.linkedPage)
    XCTAssertTrue(paragraphs(article)[0].hasPrefix("Builders repairing the east pier"))
    XCTAssertEqual(try source.loadStory(try entry(source, "Regatta")).story.updates.count, 3)
    // Later runs try only the failing page, and leave it to the reader after three failures.
    for _ in 0..<3 { _ = await prefetcher.readPending() }
    XCTAssertEqual(site.hits("/stories/missing"), 3)
    XCTAssertEqual(site.hits("/stories/lighthouse-log"), 1)
    XCTAssertEqual(site.hits("/live/regatta"), 1)
    XCTAssertEqual(try library.pendingLinkedPages().map(\.failures), [3])
  }

  func testAPageWithNoArticleTextOrNoAnswerKeepsTheTeaserWithOneLine() throws {
    _ = try subscribed()
    let source = source(library, timeout: 1)
    let entry = try entry(source, "Harbour dues")
    site.answerMissing(.scriptOnly)
    guard case .failed(let empty) = source.readLinkedPage(entry) else { return XCTFail() }
    XCTAssertTrue(empty.hasSuffix("no article text found in the page"), empty)
    site.answerMissing(.stalled)
    let started = Date()
    guard case .failed(let stalled) = source.readLinkedPage(entry) else { return XCTFail() }
    XCTAssertTrue(stalled.contains("timed out"), stalled)
    XCTAssertLessThan(Date().timeIntervalSince(started), 8, "bounded by the fetch's timeout")
    XCTAssertEqual(paragraphs(try source.loadStory(entry)), ["The council will vote on new harbour dues […]"])
    XCTAssertEqual(try library.linkedPage(story: entry.handle)?.failures, 2)
    XCTAssertEqual(try library.linkedPage(story: entry.handle)?.lastError, stalled)
  }

  func testAHostThatDoesNotExistIsOneLine() throws {
    let story = Story(
      source: "http://dateline-linked-test.invalid/page", headline: "Lost link",
      updates: [Update(title: nil, line: 3, paragraphs: [Paragraph(line: 3, text: "A teaser […]")])],
      canonicalURL: "http://dateline-linked-test.invalid/page")
    let report = try library.importCapture(story, bytes: Array("lost".utf8))
    try library.noteLinkedPages([(report.storyKey, "http://dateline-linked-test.invalid/page")])
    let source = source(library, timeout: 5)
    let entry = try XCTUnwrap(try source.entries().first)
    XCTAssertEqual(try source.loadStory(entry).linkedPage, "http://dateline-linked-test.invalid/page")
    guard case .failed(let message) = source.readLinkedPage(entry) else { return XCTFail() }
    XCTAssertTrue(message.contains("dateline-linked-test.invalid"), message)
    XCTAssertFalse(message.contains("\n"), message)
    XCTAssertEqual(paragraphs(try source.loadStory(entry)), ["A teaser […]"])
  }

  func testROnATeaserNotReadYetReadsItsPageInPlaceOfTheTeaser() throws {
    let source = try subscribed()
    let entry = try entry(source, "Lighthouse")
    guard case .updated(let read, let new, _) = source.refresh(entry, byHand: true) else {
      return XCTFail("\(source.refresh(entry, byHand: true))")
    }
    XCTAssertEqual(new, 1)
    XCTAssertEqual(paragraphs(read).count, 4)
    XCTAssertFalse(paragraphs(read).contains("Continue reading →"))
    XCTAssertNil(try source.loadStory(entry).linkedPage)
    XCTAssertEqual(site.hits("/stories/lighthouse-log"), 1)
  }
}
