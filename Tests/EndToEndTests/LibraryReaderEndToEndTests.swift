import Foundation
import XCTest

/// The real binary reading a library: new updates marked, what was read and where the reader stopped kept
/// across runs.
extension ReaderEndToEndTests {
  /// A capture of a live blog of our own: `count` titled updates, newest first, two paragraphs each.
  static func ferryCapture(updates count: Int) -> String {
    var lines = ["Ferry strike live: crossings to the islands halted", "Crews walked out at dawn over rosters."]
    lines.append("Unions and the operator are due to meet later today.")
    for n in stride(from: count, through: 1, by: -1) {
      lines.append("Update \(n) from the harbour")
      lines.append("Passengers at the terminal were told about development number \(n) by the operator.")
      lines.append("The union said development \(n) changed nothing about the dispute.")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Runs `dateline ARGS` to the end (no terminal: input from /dev/null, output to a pipe), checks that it
  /// succeeded and returns its standard output.
  func runDateline(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "dateline \(arguments.joined(separator: " "))")
    return String(decoding: data, as: UTF8.self)
  }

  func testLibraryMarksNewUpdatesAndKeepsWhatWasReadAndWhere() throws {
    try Self.ferryCapture(updates: 10).write(to: directory.appendingPathComponent("ferry-1.txt"), atomically: true, encoding: .utf8)
    try Self.ferryCapture(updates: 12).write(to: directory.appendingPathComponent("ferry-2.txt"), atomically: true, encoding: .utf8)
    _ = try runDateline(["add", "--library", "lib.sqlite", "ferry-1.txt"])
    let added = try runDateline(["add", "--json", "--library", "lib.sqlite", "ferry-2.txt"])
    XCTAssertTrue(added.contains("\"new\": [\"Update 12 from the harbour\", \"Update 11 from the harbour\"]"), added)
    let before = try runDateline(["list", "--json", "--library", "lib.sqlite"])
    XCTAssertTrue(before.contains("\"new\": 13"), "all 13 updates unread after the first import: \(before)")

    var tmux = try start("--library lib.sqlite")
    var screen = try tmux.waitFor("the library with its new updates marked") {
      $0.contains("● NEW") && $0.contains("new · 13 upd")
    }
    try tmux.send("m")
    screen = try tmux.waitFor("the next new update") { $0.contains("New update") }
    try tmux.send("}")
    try tmux.send("}")
    try tmux.send("}")
    screen = try tmux.waitFor("three updates further") { $0.contains("update 4/13") }
    let topBefore = Self.updatePaneTop(screen)
    try tmux.send("q")
    try tmux.waitFor("the shell after q") { $0.contains("exit=0") }
    tmux.kill()

    let after = try runDateline(["list", "--json", "--library", "lib.sqlite"])
    XCTAssertFalse(after.contains("\"new\": 13"), "what was on screen is no longer new: \(after)")

    tmux = try start("--library lib.sqlite")
    screen = try tmux.waitFor("the reader back where it was") { $0.contains("update 4/13") }
    XCTAssertEqual(Self.updatePaneTop(screen), topBefore)
  }

  func testAnImportWhileTheReaderRunsShowsUpOnReload() throws {
    try Self.ferryCapture(updates: 3).write(to: directory.appendingPathComponent("ferry.txt"), atomically: true, encoding: .utf8)
    try "Harbour closed live: storm shuts the port\nThe port authority acted overnight.\nNo ship may enter until noon.\n"
      .write(to: directory.appendingPathComponent("harbour.txt"), atomically: true, encoding: .utf8)
    _ = try runDateline(["add", "--library", "lib.sqlite", "ferry.txt"])
    let tmux = try start("--library lib.sqlite")
    try tmux.waitFor("the reader on one story") { $0.contains("Stories (1)") }
    try tmux.send("}")  // the reader writes (marks read) while the importer writes too
    _ = try runDateline(["add", "--library", "lib.sqlite", "harbour.txt"])
    try tmux.send("R")
    let screen = try tmux.waitFor("the new story after R") { $0.contains("Stories (2)") && $0.contains("Harbour") }
    XCTAssertTrue(screen.contains("Reloaded: 1 new story"), screen)
  }

  func testAnEmptyLibraryOpensTheSample() throws {
    let tmux = try start("")
    let screen = try tmux.waitFor("the sample") { $0.contains("The library is empty") }
    XCTAssertTrue(screen.contains("Danube"), screen)
  }

  /// The first row of text in the update pane (between the first two pane borders), below a "● NEW" line: that
  /// line goes once the update has been read.
  static func updatePaneTop(_ screen: String) -> String {
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map { row in
      row.split(separator: "│", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
    }
    return rows.first { !$0.contains("● ") } ?? ""
  }
}
