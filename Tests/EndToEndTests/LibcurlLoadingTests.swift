import FlyingFox
import Foundation
import LoopbackServer
import XCTest

/// libcurl is opened at the first fetch, never linked: the binary needs none of its libraries, a start that reads
/// a file loads none of them, and without libcurl a URL is one clear line while files still read.
final class LibcurlLoadingTests: XCTestCase {
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

  func testTheBinaryNeedsNoLibraryOfLibcurlsTree() throws {
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
  }

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
