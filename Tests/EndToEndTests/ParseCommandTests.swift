import Foundation
import XCTest

/// `dateline parse` as a user runs it: the real binary, its stdout, stderr and exit status.
final class ParseCommandTests: XCTestCase {
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  private var binary: String!
  private var directory: URL!

  override func setUpWithError() throws {
    binary = try XCTUnwrap(DatelineBinary.path, "build the dateline product first (swift build)")
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-parse-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  private func run(_ arguments: [String], executable: String? = nil, environment: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable ?? binary)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["LANG"] = "C.UTF-8"
    env["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  private func write(_ bytes: [UInt8], _ name: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  func testSampleWithNoFile() throws {
    let result = try run(["parse"])
    XCTAssertEqual(result.status, 0)
    XCTAssertTrue(result.stdout.hasPrefix("# Danube floods live"))
    XCTAssertEqual(result.stderr, "")
  }

  func testJSONLinesForSeveralFiles() throws {
    let a = try write(Array("Headline A\nStandfirst A\nText of A.\n".utf8), "a.txt")
    let b = try write(Array("Headline B\nStandfirst B\nText of B.\n".utf8), "b.txt")
    let result = try run(["parse", "--json", a, b])
    XCTAssertEqual(result.status, 0)
    let lines = result.stdout.split(separator: "\n")
    XCTAssertEqual(lines.count, 2)
    for (line, path) in zip(lines, [a, b]) {
      let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      XCTAssertEqual(object["source"] as? String, path)
    }
  }

  func testSeedsAsJSON() throws {
    let seeds = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("shared/seeds")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []).sorted()
    guard names.count >= 2 else { throw XCTSkip("../shared/seeds is not beside the package") }
    let result = try run(["parse", "--json"] + names.map { seeds.appendingPathComponent($0).path })
    XCTAssertEqual(result.status, 0)
    let counts = try result.stdout.split(separator: "\n").map { line in
      let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      return (object["updates"] as? [Any])?.count ?? -1
    }
    XCTAssertEqual(counts, [12, 8])
  }

  func testEachBadFileIsOneLineOnStderrAndTheGoodOnesStillPrint() throws {
    let good = try write(Array("Headline\nStandfirst\nText.\n".utf8), "good.txt")
    let binaryFile = try write([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3], "binary.bin")
    let empty = try write([], "empty.txt")
    let result = try run(["parse", "--json", good, directory.path + "/missing.txt", directory.path, binaryFile, empty])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout.split(separator: "\n").count, 1, "only the good file's JSON, whole")
    let errors = result.stderr.split(separator: "\n")
    XCTAssertEqual(errors.count, 4)
    XCTAssertTrue(errors.allSatisfy { $0.hasPrefix("dateline: ") })
  }

  func testNoEscapeSequenceReachesTheTerminal() throws {
    let hostile = try write(Array("Head\u{1B}]0;owned\u{07}line\nStand\u{1B}[2Jfirst\nText \u{9B}31m here.\n".utf8), "x\u{1B}[31m.txt")
    for arguments in [["parse", hostile], ["parse", "--json", hostile], ["parse", hostile + ".missing"]] {
      let result = try run(arguments)
      let output = result.stdout + result.stderr
      XCTAssertFalse(output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 }, "\(arguments)")
    }
  }

  func testUserBoilerplateRulesAreAddedAndBrokenLinesReported() throws {
    let config = directory.appendingPathComponent("config/dateline")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    try Data("line house: brought to you by example news\nnonsense line\n".utf8)
      .write(to: config.appendingPathComponent("boilerplate.rules"))
    let capture = try write(Array("Headline\nStandfirst\nBrought to you by Example News\nText.\n".utf8), "c.txt")
    let result = try run(["parse", "--json", capture])
    XCTAssertEqual(result.status, 0)
    XCTAssertTrue(result.stdout.contains(#""removed": [{"line": 3, "text": "Brought to you by Example News"}]"#))
    XCTAssertTrue(result.stderr.contains("boilerplate.rules:2:"))
  }

  func testACopiedBinaryStillHasItsResources() throws {
    let copy = directory.appendingPathComponent("elsewhere/dateline")
    try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: binary, toPath: copy.path)
    let result = try run(["parse", "--json"], executable: copy.path)
    XCTAssertEqual(result.status, 0)
    XCTAssertTrue(result.stdout.contains("Danube floods live"))
    XCTAssertTrue(result.stdout.contains(#""removed": [{"line": 3"#), "boilerplate rules are embedded too")
  }

  // MARK: Web pages

  private var htmlFixtures: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/html")
  }

  func testAnHTMLPageIsRecognisedByItsBytesWhateverItsName() throws {
    let page = try Data(contentsOf: htmlFixtures.appendingPathComponent("guardian-live.html"))
    let saved = try write(Array(page), "saved-page.txt")
    let result = try run(["parse", "--json", saved])
    XCTAssertEqual(result.status, 0, result.stderr)
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(object["source"] as? String, saved)
    XCTAssertEqual(object["headline"] as? String, "Storm Orla live: ferries cancelled as gusts reach 90mph on west coast")
    XCTAssertEqual(object["canonical_url"] as? String, "https://www.dailyledger.example/uk-news/live/2026/mar/03/storm-orla-live-updates")
    let updates = try XCTUnwrap(object["updates"] as? [[String: Any]])
    XCTAssertEqual(updates.first?["id"] as? String, "block-65e4a1f08f08c7c1")
    XCTAssertEqual(updates.first?["time"] as? String, "2026-03-03T14:05:12Z")
    XCTAssertEqual(updates.first?["time_text"] as? String, "14.05 GMT")
    XCTAssertEqual(updates.first?["title"] as? String, "Rail operator suspends coastal line")
  }

  func testPagesFromStandardInputAndAFeedAndAnEmptyShell() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["parse", "-"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(try Data(contentsOf: htmlFixtures.appendingPathComponent("bbc-article.html")))
    try input.fileHandleForWriting.close()
    let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    XCTAssertTrue(stdout.hasPrefix("# Rare orchid found on motorway verge"))

    let feed = try write(Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>".utf8), "feed.html")
    let shell = try write(Array(try Data(contentsOf: htmlFixtures.appendingPathComponent("script-only.html"))), "app.html")
    let result = try run(["parse", feed, shell])
    XCTAssertEqual(result.status, 1)
    // The feed is read as a feed (by content, whatever its name); the empty shell is one line.
    XCTAssertEqual(result.stdout, "x [rss]\n")
    XCTAssertEqual(result.stderr, "dateline: \(shell): no article text found in the page\n")
  }
}
