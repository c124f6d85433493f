import FlyingFox
import Foundation
import LoopbackServer
import Synchronization
import XCTest

/// The real binary on a library that follows a feed served by the test's own loopback server (127.0.0.1 only):
/// the list is grouped under the feed's folder and title, and `r` brings in an item the feed gained meanwhile
/// without the screen stopping or the cursor leaving its story.
extension ReaderEndToEndTests {
  /// How many items the test's feed has.
  final class GrowingFeed: Sendable {
    private let count = Mutex(2)
    var items: Int { count.withLock { $0 } }
    func grow() { count.withLock { $0 += 1 } }
  }

  /// A fictional RSS feed of `items` items, newest first. The items link nowhere: a teaser with a link would
  /// have its page fetched when opened (a host off this machine).
  static func harbourFeed(items: Int) -> String {
    var body = ""
    for n in stride(from: items, through: 1, by: -1) {
      body += """
        <item><guid isPermaLink="false">harbour-\(n)</guid><title>Harbour bulletin \(n)</title>
        <description>Bulletin \(n): the ferry timetable changed again, the operator said.</description></item>

        """
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Harbour Gazette</title><link>https://feeds.example/harbour</link>
      \(body)</channel></rss>
      """
  }

  func testRBringsInANewFeedItemUnderItsFeedAndKeepsTheCursor() throws {
    let feed = GrowingFeed()
    let server = try LoopbackServer.startNow([
      (
        "GET /harbour.xml",
        { _ in
          HTTPResponse(
            statusCode: .ok, headers: [HTTPHeader("Content-Type"): "application/rss+xml; charset=utf-8"],
            body: Data(Self.harbourFeed(items: feed.items).utf8))
        }
      )
    ])
    addTeardownBlock { server.stopNow() }
    _ = try runDateline(["subscribe", "--library", "lib.sqlite", "--folder", "News", server.base + "/harbour.xml"])
    _ = try runDateline(["refresh", "--library", "lib.sqlite"])

    let tmux = try start("--names names.txt --library lib.sqlite", width: 120, height: 40)
    var screen = try tmux.waitFor("the stories under their feed") {
      $0.contains("News › Harbour Gazette") && $0.contains("Harbour bulletin 1") && $0.contains("Stories (2)")
    }
    // The second story (bulletin 1: the feed's order) opened, then r.
    try tmux.send("Tab")
    try tmux.send("Tab")
    try tmux.send("j")
    try tmux.send("Enter")
    let second = "Bulletin 1:"
    screen = try tmux.waitFor("the second story open") { $0.contains("Story 2/2") && $0.contains(second) }
    feed.grow()
    try tmux.send("r")
    screen = try tmux.waitFor("the new item after r") {
      $0.contains("Stories (3)") && $0.contains("Harbour bulletin 3") && $0.contains("1 new story")
    }
    // The new item on top of its feed, the others in the feed's order.
    let rows = screen.split(separator: "\n").map(String.init)
    let order = [3, 2, 1].map { n in rows.firstIndex { $0.dropFirst(2).hasPrefix("Harbour bulletin \(n)") } ?? -1 }
    XCTAssertEqual(order, order.sorted(), screen)
    XCTAssertFalse(order.contains(-1), screen)
    // The same story is open, its row marked, and the list cursor is on it: Enter keeps it open.
    XCTAssertTrue(screen.contains(second), screen)
    let marked = screen.split(separator: "\n").first { $0.hasPrefix("▸ Harbour bulletin") }
    XCTAssertEqual(marked.map { String($0.prefix(20)) }, "▸ Harbour bulletin " + second.dropFirst(9).prefix(1), screen)
    try tmux.send("Tab")
    try tmux.send("Tab")
    try tmux.send("Enter")
    screen = try tmux.waitFor("the same story after Enter") { $0.contains(second) && !$0.contains("1 new story") }
    XCTAssertTrue(screen.contains("News › Harbour Gazette"), screen)
    try tmux.send("q")
    try tmux.waitFor("the shell after q") { $0.contains("exit=0") }
  }

  /// Subscribed but nothing fetched yet (the feed had no items): the reader opens on the library, not the
  /// built-in sample, says so, and r brings the items in.
  func testAFeedWithoutStoriesYetOpensTheLibraryAndRFetchesIt() throws {
    let items = Mutex(0)
    let server = try LoopbackServer.startNow([
      (
        "GET /harbour.xml",
        { _ in
          HTTPResponse(
            statusCode: .ok, headers: [HTTPHeader("Content-Type"): "application/rss+xml; charset=utf-8"],
            body: Data(Self.harbourFeed(items: items.withLock { $0 }).utf8))
        }
      )
    ])
    addTeardownBlock { server.stopNow() }
    _ = try runDateline(["subscribe", "--library", "lib.sqlite", server.base + "/harbour.xml"])
    items.withLock { $0 = 2 }
    let tmux = try start("--names names.txt --library lib.sqlite", width: 120, height: 40)
    let screen = try tmux.waitFor("the empty library and what to do") {
      $0.contains("No stories yet from your feed: press r to fetch them.")
    }
    XCTAssertFalse(screen.contains("built-in sample"), screen)
    try tmux.send("r")
    _ = try tmux.waitFor("the feed's items after r") {
      $0.contains("Harbour bulletin 2") && $0.contains("Harbour bulletin 1") && $0.contains("Stories (2)")
    }
  }
}
