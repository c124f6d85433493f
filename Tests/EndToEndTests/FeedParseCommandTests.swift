import Foundation
import XCTest

/// `dateline parse` on feeds and OPML files, as a user runs it: the real binary.
final class FeedParseCommandTests: XCTestCase {
  private var binary: String!
  private var directory: URL!

  override func setUpWithError() throws {
    binary = try XCTUnwrap(DatelineBinary.path, "build the dateline product first (swift build)")
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-feeds-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  private func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
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

  private func write(_ bytes: [UInt8], _ name: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  private func object(_ line: Substring) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
  }

  func testOneLinePerFeedInEveryFormat() throws {
    let rss = try write(Array("<rss version=\"2.0\"><channel><title>R</title><item><title>i</title><link>a/1</link></item></channel></rss>".utf8), "r.xml")
    let rdf = try write(Array("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel><title>D</title></channel><item><title>i</title></item></rdf:RDF>".utf8), "d.rdf")
    let atom = try write(Array("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><id>x</id></entry></feed>".utf8), "a.atom")
    let json = try write(Array("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"J\", \"items\": []}".utf8), "j.json")
    let opml = try write(Array("<opml version=\"2.0\"><body><outline text=\"o\" xmlUrl=\"http://o.example/\"/></body></opml>".utf8), "s.opml")
    let result = try run(["parse", "--json", "--base-url", "http://base.example/feeds/", rss, rdf, atom, json, opml])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n")
    XCTAssertEqual(lines.count, 5)
    let objects = try lines.map(object)
    XCTAssertEqual(objects.map { $0["format"] as? String }, ["rss", "rdf", "atom", "jsonfeed", "opml"])
    XCTAssertEqual(objects.map { $0["source"] as? String }, [rss, rdf, atom, json, opml])
    let items = try XCTUnwrap(objects[0]["items"] as? [[String: Any]])
    XCTAssertEqual(items.first?["link"] as? String, "http://base.example/feeds/a/1", "--base-url resolves links")
    XCTAssertEqual(Array(lines[4].prefix(48)), Array(#"{"source": "\#(opml)""#.prefix(48)))
  }

  func testContentTypeCharsetCounts() throws {
    let feed = try write(Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Caf".utf8) + [0xE9] + Array("</title></channel></rss>".utf8), "latin.xml")
    let declared = try run(["parse", "--json", "--content-type", "application/rss+xml; charset=ISO-8859-1", feed])
    XCTAssertEqual(try object(declared.stdout.split(separator: "\n")[0])["title"] as? String, "Café")
    XCTAssertEqual(try object(declared.stdout.split(separator: "\n")[0])["errors"] as? [String], [])
  }

  func testBadFeedsGiveOneLineEachAndTheGoodOnesStillPrint() throws {
    let good = try write(Array("<rss><channel><title>ok</title></channel></rss>".utf8), "good.xml")
    let html = try write(Array("no markup at all".utf8), "words.xml")
    let broken = try write(Array("<rss><channel><title>half".utf8), "broken.xml")
    let result = try run(["parse", "--json", "--content-type", "application/rss+xml", good, html, broken])
    XCTAssertEqual(result.status, 1)
    let lines = result.stdout.split(separator: "\n")
    XCTAssertEqual(lines.count, 3)
    XCTAssertEqual(try object(lines[1])["errors"] as? [String], ["not a feed: neither XML nor JSON"])
    XCTAssertEqual(try object(lines[2])["title"] as? String, "half")
    XCTAssertFalse((try object(lines[2])["errors"] as? [String] ?? []).isEmpty)
    XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
    XCTAssertTrue(result.stderr.hasPrefix("dateline: \(html): not a feed"))
  }

  func testTextOutput() throws {
    let feed = try write(Array("<rss><channel><title>Plain</title><item><title>One</title><pubDate>Wed, 31 Dec 2003 10:14:55 GMT</pubDate></item></channel></rss>".utf8), "p.xml")
    let result = try run(["parse", feed])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.stdout, "Plain [rss]\n\n* One\n  2003-12-31T10:14:55Z\n")
  }
}
