import FlyingFox
import Foundation
import LoopbackServer
import XCTest

/// libcurl and libxml2 are opened at their first use, never linked: the binary needs none of their libraries, a
/// start that reads a text file loads none of them, and without one of them what needs it is one clear line while
/// the rest still works. (libcurl: at the first fetch; libxml2: at the first HTML page or XML feed.)
final class LibraryLoadingTests: XCTestCase {
  private var binary: String!
  private var directory: URL!

  /// Libraries of libcurl's tree that must never be among the binary's NEEDED entries (FoundationNetworking:
  /// a debug build links it as a shared library, which needs libcurl in turn).
  static let curlTree = ["libFoundationNetworking", "libcurl", "libssl", "libcrypto", "libgnutls", "libnghttp2", "libssh", "libgssapi", "libldap", "librtmp", "libidn2"]

  override func setUpWithError() throws {
    binary = try XCTUnwrap(DatelineBinary.path, "build the dateline product first (swift build)")
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-curl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try ReaderEndToEndTests.story.write(to: directory.appendingPathComponent("story.txt"), atomically: true, encoding: .utf8)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  private func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (
    status: Int32, out: String, err: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
    env["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path
    for (key, value) in environment { env[key] = value }
    process.environment = env
    // Standard error to a file: LD_DEBUG writes more than a pipe holds while standard output is read.
    let errorPath = directory.appendingPathComponent("stderr-\(UUID().uuidString)").path
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    let errorFile = try XCTUnwrap(FileHandle(forWritingAtPath: errorPath))
    let out = Pipe()
    process.standardOutput = out
    process.standardError = errorFile
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errorFile.close()
    let error = FileManager.default.contents(atPath: errorPath) ?? Data()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
  }

  func testTheBinaryNeedsNoLibraryOfLibcurlsOrLibxml2sTree() throws {
    let readelf = ["/usr/bin/readelf", "/bin/readelf"].first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let readelf else { throw XCTSkip("readelf is not installed (binutils)") }
    let dynamic = try run(readelf, ["-d", binary])
    XCTAssertEqual(dynamic.status, 0, dynamic.err)
    // "0x0000000000000001 (NEEDED)  Shared library: [libc.so.6]"
    let needed = dynamic.out.split(separator: "\n").filter { $0.contains("(NEEDED)") }.compactMap { line -> String? in
      guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
      return String(line[line.index(after: open)..<close])
    }
    XCTAssertTrue(needed.contains { $0.hasPrefix("libc.so") }, "the dynamic section was read: \(dynamic.out)")
    let curl = needed.filter { name in Self.curlTree.contains { name.hasPrefix($0) } }
    XCTAssertEqual(curl, [], "NEEDED: \(needed)")
    let xml = needed.filter { name in Self.libxml2Tree.contains { name.hasPrefix($0) } }
    XCTAssertEqual(xml, [], "NEEDED: \(needed)")
  }

  /// libxml2 and what Debian's build of it loads (Foundation's own ICU is inside the binary, under other names).
  static let libxml2Tree = ["libxml2", "libicuuc", "libicudata", "liblzma", "libz."]

  func testLibxml2IsLoadedOnlyWhenAPageOrAFeedIsRead() throws {
    try ReaderEndToEndTests.livePage(posts: 2).write(
      to: directory.appendingPathComponent("live.html"), atomically: true, encoding: .utf8)
    try Self.feed.write(to: directory.appendingPathComponent("feed.xml"), atomically: true, encoding: .utf8)
    let file = try run(binary, ["parse", "story.txt"], environment: ["LD_DEBUG": "libs"])
    XCTAssertEqual(file.status, 0, file.err)
    XCTAssertTrue(file.err.contains("calling init"), "LD_DEBUG works here: \(file.err.prefix(500))")
    XCTAssertFalse(file.err.contains("libxml2"), "a text capture loads no libxml2")
    for (name, expected) in [("live.html", "Update 2 from the harbour"), ("feed.xml", "Tide tables for the week")] {
      let read = try run(binary, ["parse", name], environment: ["LD_DEBUG": "libs"])
      XCTAssertEqual(read.status, 0, String(read.err.suffix(2000)))
      XCTAssertTrue(read.out.contains(expected), read.out)
      XCTAssertTrue(read.err.contains("libxml2"), "\(name) opens libxml2")
    }
  }

  func testWithoutLibxml2PagesAndFeedsAreOneLineAndTextStillReads() throws {
    try ReaderEndToEndTests.livePage(posts: 2).write(
      to: directory.appendingPathComponent("live.html"), atomically: true, encoding: .utf8)
    try Self.feed.write(to: directory.appendingPathComponent("feed.xml"), atomically: true, encoding: .utf8)
    let missingPath = directory.appendingPathComponent("no-such-libxml2.so.2").path
    let missing = ["DATELINE_LIBXML2": missingPath]
    let why = "\(missingPath): cannot open shared object file: No such file or directory; Debian: apt install libxml2"
    let page = try run(binary, ["parse", "live.html"], environment: missing)
    XCTAssertNotEqual(page.status, 0)
    XCTAssertEqual(page.err, "dateline: live.html: reading HTML needs libxml2, which could not be loaded (\(why))\n")
    let feed = try run(binary, ["parse", "feed.xml"], environment: missing)
    XCTAssertNotEqual(feed.status, 0)
    XCTAssertEqual(feed.err, "dateline: feed.xml: reading feeds needs libxml2, which could not be loaded (\(why))\n")
    let file = try run(binary, ["parse", "story.txt"], environment: missing)
    XCTAssertEqual(file.status, 0, file.err)
    XCTAssertTrue(file.out.contains("Blinken in Europe"), file.out)
  }

  /// A small RSS feed written for these tests.
  static let feed = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>Harbour notes</title><link>https://example.org/</link>
    <item><title>Tide tables for the week</title><link>https://example.org/tides</link>
    <description>High water at dawn.</description></item></channel></rss>
    """

  func testLibcurlIsLoadedOnlyWhenAURLIsFetched() throws {
    // ld.so reports every library it loads, dlopen included, under LD_DEBUG=libs.
    let file = try run(binary, ["parse", "story.txt"], environment: ["LD_DEBUG": "libs"])
    XCTAssertEqual(file.status, 0, file.err)
    XCTAssertTrue(file.err.contains("calling init"), "LD_DEBUG works here: \(file.err.prefix(500))")
    XCTAssertFalse(file.err.contains("libcurl"), "a file read loads no libcurl")

    let server = try LoopbackServer.startNow([
      ("GET /live", { _ in
        HTTPResponse(
          statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html; charset=utf-8"],
          body: Data(ReaderEndToEndTests.livePage(posts: 2).utf8))
      })
    ])
    defer { server.stopNow() }
    let page = try run(binary, ["parse", server.base + "/live"], environment: ["LD_DEBUG": "libs"])
    XCTAssertEqual(page.status, 0, String(page.err.suffix(2000)))
    XCTAssertTrue(page.out.contains("Update 2 from the harbour"), page.out)
    XCTAssertTrue(page.err.contains("libcurl"), "a fetch opens libcurl")
  }

  func testWithoutLibcurlAURLIsOneLineAndFilesStillRead() throws {
    let missing = ["DATELINE_LIBCURL": directory.appendingPathComponent("no-such-libcurl.so.4").path]
    for arguments in [["parse", "http://127.0.0.1:9/live"], ["add", "--library", "lib.sqlite", "http://127.0.0.1:9/live"]] {
      let result = try run(binary, arguments, environment: missing)
      XCTAssertNotEqual(result.status, 0, "\(arguments)")
      XCTAssertEqual(
        result.err,
        "dateline: http://127.0.0.1:9/live: fetching URLs needs libcurl, which is not installed (Debian: apt install libcurl4)\n")
    }
    let file = try run(binary, ["parse", "story.txt"], environment: missing)
    XCTAssertEqual(file.status, 0, file.err)
    XCTAssertTrue(file.out.contains("Blinken in Europe"), file.out)
    let added = try run(binary, ["add", "--library", "lib.sqlite", "story.txt"], environment: missing)
    XCTAssertEqual(added.status, 0, added.err)
    let listed = try run(binary, ["list", "--library", "lib.sqlite"], environment: missing)
    XCTAssertEqual(listed.status, 0, listed.err)
    XCTAssertTrue(listed.out.contains("Blinken in Europe"), listed.out)
  }
}
