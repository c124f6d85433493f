import Foundation
import XCTest

/// The real binary in a detached tmux session at 80x24.
final class ReaderEndToEndTests: XCTestCase {
  private var session: TmuxSession?
  var directory: URL!
  var binary = ""

  override func setUpWithError() throws {
    guard TmuxSession.tmuxPath != nil else {
      throw XCTSkip("tmux is not installed: the end-to-end reader tests need it (apt-get install tmux)")
    }
    binary = try XCTUnwrap(DatelineBinary.path, "the dateline binary was not built next to the tests")
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Self.story.write(to: directory.appendingPathComponent("story.txt"), atomically: true, encoding: .utf8)
    try "person Antony Blinken | Blinken\nplace Brussels\nplace Kyiv\n"
      .write(to: directory.appendingPathComponent("names.txt"), atomically: true, encoding: .utf8)
  }

  override func tearDown() {
    session?.kill()
    session = nil
    if let directory { try? FileManager.default.removeItem(at: directory) }
  }

  /// A story whose third Blinken mention is far below the first screen.
  static let story: String = {
    var lines = [
      "Blinken in Europe: live updates", "The secretary of state tours allied capitals.", "12:45", "Talks begin",
      "Antony Blinken arrived in Kyiv on Monday morning.",
    ]
    for i in 1...40 { lines.append("Filler paragraph number \(i) says nothing about anyone in particular.") }
    lines += ["11:30", "On to Brussels", "Later Blinken landed in Brussels for talks with allies."]
    return lines.joined(separator: "\n") + "\n"
  }()

  /// Starts `dateline ARGS` through sh in the session; the shell prints `exit=STATUS` when it ends.
  func start(_ arguments: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:])
    throws -> TmuxSession
  {
    // The shell traps SIGINT (children get the default back) so that after Ctrl-C it lives on to print the status.
    let command = "trap 'true' INT; cd \(DatelineBinary.quoted(directory.path)) && \(DatelineBinary.quoted(binary)) \(arguments); "
      + "echo exit=$?; sleep 60"
    // An empty data directory of the test's own: with no file, dateline opens the library there, never the user's.
    var environment = environment
    if environment["XDG_DATA_HOME"] == nil { environment["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path }
    let session = try TmuxSession(command: command, width: width, height: height, environment: environment)
    self.session = session
    return session
  }

  func testSampleShowsThreePanes() throws {
    let tmux = try start("")
    let screen = try tmux.waitFor("three panes") {
      $0.contains("Stories") && $0.contains("Updates") && $0.contains("Entities") && $0.contains("h: help")
    }
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
    XCTAssertTrue(rows[0].hasPrefix(" Stories"), String(rows[0]))
    XCTAssertTrue(rows[0].contains("│ Updates"), String(rows[0]))
    XCTAssertTrue(rows[0].contains("│ Entities"), String(rows[0]))
  }

  func testMentionJumpMovesToTheNextMention() throws {
    let tmux = try start("--names names.txt story.txt")
    try tmux.waitFor("the story") { $0.contains("Blinken in Europe") && $0.contains("Entities") }
    XCTAssertFalse(try tmux.capture().contains("Later Blinken landed"), "the last mention starts off screen")
    try tmux.send("Tab", "Enter")  // focus the sidebar, select Antony Blinken: first mention (the headline)
    try tmux.waitFor("first mention") { $0.contains("Antony Blinken 1/3") }
    try tmux.send("]")
    try tmux.waitFor("second mention") { $0.contains("Antony Blinken 2/3") }
    try tmux.send("]")
    let screen = try tmux.waitFor("third mention, scrolled into view") {
      $0.contains("Antony Blinken 3/3") && $0.contains("Later Blinken landed in Brussels")
    }
    XCTAssertFalse(screen.contains("Talks begin"), "the pane scrolled down to the mention")
    // The mention's line shows Blinken in reverse video.
    let styled = try tmux.capture(escapes: true)
    let row = try XCTUnwrap(styled.split(separator: "\n").first { $0.contains("landed in") })
    let reverseBlinken = try NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*;)?7(;[0-9;]*)?m(\u{1B}\\[[0-9;]*m)*Blinken")
    XCTAssertNotNil(
      reverseBlinken.firstMatch(in: String(row), range: NSRange(location: 0, length: (row as Substring).utf16.count)),
      "current mention not in reverse: \(row.debugDescription)")
    try tmux.send("[")
    try tmux.waitFor("back to the second mention") { $0.contains("Antony Blinken 2/3") && $0.contains("Antony Blinken arrived") }
  }

  func testResizeRelaysOutAtOnce() throws {
    let tmux = try start("--names names.txt story.txt")
    try tmux.waitFor("80x24") { $0.contains("Entities") }
    try tmux.resize(width: 120, height: 40)
    try tmux.waitFor("120x40 layout") { screen in
      let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
      return rows.count >= 40 && rows[39].contains("h: help") && rows[0].contains("Entities")
        && rows[0].count > 100
    }
    try tmux.resize(width: 50, height: 15)
    try tmux.waitFor("one pane at 50x15") { screen in
      let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
      return rows[0].contains("Updates") && rows[0].contains("[Tab: entities]") && !rows[0].contains("Stories")
        && rows.count >= 15 && rows[14].contains("h: help")
    }
    try tmux.send("Tab")
    try tmux.waitFor("Tab shows the sidebar") { $0.split(separator: "\n").first?.contains("Entities") == true }
    try tmux.resize(width: 20, height: 6)
    try tmux.waitFor("20x6") { $0.split(separator: "\n", omittingEmptySubsequences: false).count >= 6 }
    try tmux.resize(width: 80, height: 24)
    try tmux.waitFor("three panes again") { screen in
      let first = screen.split(separator: "\n").first ?? ""
      return first.contains("Stories") && first.contains("Updates") && first.contains("Entities")
    }
  }

  func testZoomShowsTheUpdatePaneAloneAtFullWidth() throws {
    let tmux = try start("--names names.txt story.txt")
    try tmux.waitFor("three panes") { $0.contains("Stories") && $0.contains("Entities") }
    try tmux.send("z")
    let screen = try tmux.waitFor("the update pane alone") { $0.hasPrefix(" Updates") && !$0.contains("Stories") }
    XCTAssertTrue(screen.contains("One pane at a time"), screen)
    try tmux.send("z")
    try tmux.waitFor("three panes again") { $0.contains("Stories") && $0.contains("Entities") }
  }

  func testQuitLeavesACleanShell() throws {
    let tmux = try start("--names names.txt story.txt")
    try tmux.waitFor("the reader") { $0.contains("Entities") }
    try tmux.send("q")
    let screen = try tmux.waitFor("the shell after q") { $0.contains("exit=0") }
    XCTAssertFalse(screen.contains("Entities"), "the reader's screen is gone (alternate screen left)")
    let styled = try tmux.capture(escapes: true)
    XCTAssertFalse(styled.contains("\u{1B}"), "no attributes or escape sequences left: \(styled.debugDescription)")
  }

  func testSignalsRestoreTheTerminal() throws {
    for (signal, name) in [(SIGTERM, "TERM"), (SIGHUP, "HUP"), (SIGSEGV, "SEGV (a crash)")] {
      let tmux = try start("--names names.txt story.txt")
      try tmux.waitFor("the reader") { $0.contains("Entities") }
      let shell = try XCTUnwrap(try tmux.panePID())
      let child = try XCTUnwrap(Self.childPID(of: shell), "dateline process not found")
      kill(child, signal)
      let screen = try tmux.waitFor("the shell after SIG\(name)") { $0.contains("exit=") }
      XCTAssertTrue(screen.contains("exit=\(128 + signal)"), screen)
      XCTAssertFalse(screen.contains("Entities"), "SIG\(name): the reader's screen is gone")
      XCTAssertFalse(try tmux.capture(escapes: true).contains("\u{1B}"))
      tmux.kill()
    }
    let tmux = try start("--names names.txt story.txt")
    try tmux.waitFor("the reader") { $0.contains("Entities") }
    try tmux.send("C-c")
    let screen = try tmux.waitFor("the shell after Ctrl-C") { $0.contains("exit=") }
    XCTAssertTrue(screen.contains("exit=130"), screen)
    XCTAssertFalse(screen.contains("Entities"))
  }

  func testCtrlZAndFgRestoreAndRepaint() throws {
    // An interactive shell with job control, as a user has: Ctrl-Z stops the reader, fg brings it back.
    let tmux = try TmuxSession(command: "PS1='$ ' exec bash --norc --noprofile -i")
    session = tmux
    try tmux.waitFor("the shell") { $0.contains("$") }
    try tmux.send("-l", "cd \(DatelineBinary.quoted(directory.path)) && \(DatelineBinary.quoted(binary)) --names names.txt story.txt")
    try tmux.send("Enter")
    try tmux.waitFor("the reader") { $0.contains("Entities") && $0.contains("h: help") }
    try tmux.send("C-z")
    try tmux.waitFor("the shell back on Ctrl-Z") { !$0.contains("Entities") && $0.contains("Stopped") }
    try tmux.send("-l", "fg")
    try tmux.send("Enter")
    try tmux.waitFor("the reader repainted after fg") { $0.contains("Entities") && $0.contains("h: help") }
    try tmux.send("q")
    try tmux.waitFor("the shell after q") { !$0.contains("Entities") }
  }

  func testIdleReaderUsesNoCPU() throws {
    let tmux = try start("--names names.txt story.txt")
    try tmux.waitFor("the reader") { $0.contains("Entities") }
    let shell = try XCTUnwrap(try tmux.panePID())
    let child = try XCTUnwrap(Self.childPID(of: shell))
    usleep(200_000)
    let before = try XCTUnwrap(Self.cpuTicks(of: child))
    usleep(1_000_000)
    let after = try XCTUnwrap(Self.cpuTicks(of: child))
    XCTAssertLessThanOrEqual(after - before, 1, "an idle reader blocks on input: no busy loop")
  }

  func testBadKeymapIsReportedInTheStatusLineAndDefaultsKept() throws {
    let config = directory.appendingPathComponent("config/dateline")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    try "bind x quit\nbind j fly-away\n".write(
      to: config.appendingPathComponent("keymap.conf"), atomically: true, encoding: .utf8)
    let tmux = try start(
      "--names names.txt story.txt", environment: ["XDG_CONFIG_HOME": directory.appendingPathComponent("config").path])
    let screen = try tmux.waitFor("the keymap message") { $0.contains("unknown command 'fly-away'") }
    XCTAssertTrue(screen.contains(" dateline/keymap.conf:2: unknown command 'fly-away'"), screen)
    try tmux.send("q")  // the default q still quits
    try tmux.waitFor("exit") { $0.contains("exit=0") }
  }

  func testMissingConfigDirectoryIsFine() throws {
    let tmux = try start("story.txt", environment: ["XDG_CONFIG_HOME": "/nonexistent/dir", "HOME": "/nonexistent"])
    try tmux.waitFor("the reader") { $0.contains("Entities") && $0.contains("h: help") }
  }

  func testDumbTerminalGivesAClearMessage() throws {
    let tmux = try start("story.txt", environment: ["TERM": "dumb"])
    let screen = try tmux.waitFor("the message") { $0.contains("exit=") }
    XCTAssertTrue(screen.contains("dateline: TERM=dumb cannot drive the reader"), screen)
    XCTAssertTrue(screen.contains("exit=1"), screen)
    session?.kill()
    let unknown = try start("story.txt", environment: ["TERM": "no-such-terminal-xyz"])
    let message = try unknown.waitFor("the message") { $0.contains("exit=") }
    XCTAssertTrue(message.contains("TERM=no-such-terminal-xyz cannot drive the reader"), message)
  }

  func testStandardInputNotATerminal() throws {
    let tmux = try start("story.txt < /dev/null")
    let screen = try tmux.waitFor("the message") { $0.contains("exit=") }
    XCTAssertTrue(screen.contains("dateline: standard input is not a terminal"), screen)
    XCTAssertTrue(screen.contains("exit=1"), screen)
  }

  func testOutputNotATerminalPrintsTheStory() throws {
    let text = try runDateline(["story.txt"])
    XCTAssertTrue(text.contains("Blinken in Europe: live updates"))
    XCTAssertFalse(text.contains("\u{1B}"))
  }

  /// User plus system CPU ticks of `pid` (from /proc/PID/stat).
  static func cpuTicks(of pid: Int32) -> Int? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
    return user + system
  }

  /// The first child process of `pid` (from /proc).
  static func childPID(of pid: Int32) -> Int32? {
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline {
      if let children = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8),
        let first = children.split(separator: " ").first, let child = Int32(first)
      {
        return child
      }
      usleep(20_000)
    }
    return nil
  }
}
