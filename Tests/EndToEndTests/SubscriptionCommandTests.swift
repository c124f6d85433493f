import FlyingFox
import Foundation
import LoopbackServer
import XCTest

/// The subscription commands as a user runs them (the real binary, a library in a temporary folder, feeds served
/// from 127.0.0.1): subscribe, feeds, refresh, export-opml into import-opml, unsubscribe.
final class SubscriptionCommandTests: XCTestCase {
  private var binary: String!
  private var directory: URL!
  private var server: LoopbackServer!

  override func setUpWithError() throws {
    binary = try XCTUnwrap(DatelineBinary.path, "build the dateline product first (swift build)")
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-subs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    server?.stopNow()
    server = nil
    try? FileManager.default.removeItem(at: directory)
  }

  private func run(_ arguments: [String], library: String? = "lib.sqlite") throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments + (library.map { ["--library", directory.appendingPathComponent($0).path] } ?? [])
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
    environment["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
  }

  static func rss(_ title: String, items: Int) -> String {
    var text = "<rss version=\"2.0\"><channel><title>\(title)</title><link>http://\(title.lowercased()).example/</link>"
    for index in 0..<items {
      text += "<item><title>\(title) story \(index)</title><link>http://\(title.lowercased()).example/\(index)</link>"
      text += "<description>Text of story \(index) in the \(title).</description></item>"
    }
    return text + "</channel></rss>"
  }

  private func startServer() throws {
    server = try LoopbackServer.startNow([
      ("GET /gazette", { _ in HTTPResponse(statusCode: .ok, headers: [HTTPHeader("Content-Type"): "application/rss+xml"], body: Data(Self.rss("Gazette", items: 3).utf8)) }),
      ("GET /tides", { _ in HTTPResponse(statusCode: .ok, headers: [HTTPHeader("Content-Type"): "application/rss+xml"], body: Data(Self.rss("Tides", items: 2).utf8)) }),
      ("GET /gone", { _ in HTTPResponse(statusCode: .notFound) }),
      (
        "GET /home",
        { _ in
          HTTPResponse(
            statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html"],
            body: Data("<html><head><link rel=\"alternate\" type=\"application/rss+xml\" title=\"Tides\" href=\"/tides\"></head><body>hi</body></html>".utf8))
        }
      ),
    ])
  }

  func testSubscribeRefreshListAndUnsubscribe() throws {
    try startServer()
    let base = try XCTUnwrap(server).base
    let subscribed = try run(["subscribe", "--folder", "News/Local", base + "/gazette", base + "/home", base + "/gone"])
    XCTAssertEqual(subscribed.status, 1, "the 404 is a failure")
    XCTAssertTrue(subscribed.stdout.contains("subscribed: Gazette <\(base)/gazette>"), subscribed.stdout)
    XCTAssertTrue(subscribed.stdout.contains("subscribed: Tides <\(base)/tides>"), "found through the page's link")
    XCTAssertEqual(subscribed.stderr.split(separator: "\n").count, 1)

    let refreshed = try run(["refresh", "--json"])
    XCTAssertEqual(refreshed.status, 0, refreshed.stderr)
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(refreshed.stdout.utf8)) as? [String: Any])
    let feeds = try XCTUnwrap(object["feeds"] as? [[String: Any]])
    XCTAssertEqual(feeds.map { $0["status"] as? String }, ["read", "read"])
    XCTAssertEqual(feeds.map { $0["new"] as? Int }, [3, 2])

    let listed = try run(["list", "--json"])
    XCTAssertEqual(listed.status, 0)
    XCTAssertEqual(listed.stdout.components(separatedBy: "story ").count - 1 >= 5, true, "one story per item")

    let feedList = try run(["feeds", "--json"])
    let feedObjects = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(feedList.stdout.utf8)) as? [String: Any])?["feeds"] as? [[String: Any]])
    XCTAssertEqual(feedObjects.map { $0["stories"] as? Int }, [3, 2])
    XCTAssertEqual(feedObjects.map { $0["unread"] as? Int }, [3, 2])
    XCTAssertEqual(feedObjects.first?["folder"] as? [String], ["News", "Local"])

    let gone = try run(["unsubscribe", base + "/gazette"])
    XCTAssertEqual(gone.status, 0)
    XCTAssertTrue(try run(["feeds"]).stdout.contains("Tides"))
    XCTAssertFalse(try run(["feeds"]).stdout.contains("Gazette"))
    XCTAssertEqual(try run(["unsubscribe", base + "/gazette"]).status, 1)
  }

  func testRefreshFailsOnlyWhenNoFeedCouldBeRead() throws {
    try startServer()
    let base = try XCTUnwrap(server).base
    let opml = directory.appendingPathComponent("one.opml")
    try Data("<opml version=\"2.0\"><body><outline text=\"Gone\" xmlUrl=\"\(base)/gone\"/></body></opml>".utf8).write(to: opml)
    XCTAssertEqual(try run(["import-opml", opml.path]).status, 0)
    let refreshed = try run(["refresh"])
    XCTAssertEqual(refreshed.status, 1)
    XCTAssertEqual(refreshed.stderr.split(separator: "\n").count, 1)
    XCTAssertTrue(refreshed.stderr.hasPrefix("dateline: \(base)/gone: "), refreshed.stderr)
  }

  func testOPMLRoundTripKeepsSubscriptionsAndFolders() throws {
    let opml = directory.appendingPathComponent("in.opml")
    try Data(
      """
      <?xml version="1.0"?>
      <opml version="2.0"><head><title>Mine</title></head><body>
        <outline text="News"><outline text="Gazette" xmlUrl="http://gazette.example/rss" htmlUrl="http://gazette.example/"/>
          <outline text="Weather"><outline text="Tides &amp; moon" xmlUrl="http://tides.example/rss"/></outline></outline>
        <outline text="Loose" xmlUrl="http://loose.example/feed.json"/>
      </body></opml>
      """.utf8
    ).write(to: opml)
    let imported = try run(["import-opml", opml.path])
    XCTAssertEqual(imported.status, 0, imported.stderr)
    XCTAssertEqual(imported.stdout, "3 feeds in \(opml.path), 3 new\n")
    let exported = try run(["export-opml"])
    XCTAssertEqual(exported.status, 0)
    let copy = directory.appendingPathComponent("out.opml")
    try Data(exported.stdout.utf8).write(to: copy)
    XCTAssertEqual(try run(["import-opml", copy.path], library: "other.sqlite").status, 0)
    let first = try run(["feeds", "--json"])
    let second = try run(["feeds", "--json"], library: "other.sqlite")
    XCTAssertEqual(first.stdout, second.stdout, "same subscriptions and folders")
    XCTAssertTrue(first.stdout.contains(#""folder": ["News", "Weather"]"#), first.stdout)
    let parsed = try run(["parse", "--json", copy.path], library: nil)
    XCTAssertTrue(parsed.stdout.hasPrefix(#"{"source": ""#) && parsed.stdout.contains(#""format": "opml""#))
  }
}
