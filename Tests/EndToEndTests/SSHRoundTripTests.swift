import Foundation
import XCTest

/// The reader over a real OpenSSH connection on loopback, in tmux: driven, then the client killed (the
/// connection drops). The reader must end within 5 s, keep its reading position, and leave no temporary library
/// or process behind; in a UTF-8 locale and with LANG=C on the remote side.
final class SSHRoundTripTests: XCTestCase {
  private var server: SSHServer?
  private var sessions: [TmuxSession] = []
  private var directory: URL!
  private var binary = ""

  override func setUpWithError() throws {
    guard TmuxSession.tmuxPath != nil else {
      throw XCTSkip("tmux is not installed: the SSH round trip needs it (apt-get install tmux)")
    }
    binary = try XCTUnwrap(DatelineBinary.path, "the dateline binary was not built next to the tests")
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-ssh-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Self.capture.write(to: directory.appendingPathComponent("ferry.txt"), atomically: true, encoding: .utf8)
    server = try SSHServer()
  }

  override func tearDown() {
    for session in sessions { session.kill() }
    sessions = []
    server?.stop()
    server = nil
    if let directory { try? FileManager.default.removeItem(at: directory) }
  }

  /// A live blog of our own with typographic punctuation, so LANG=C has something to transliterate.
  static let capture: String = {
    var lines = [
      "Ferry strike live: crossings to the islands halted",
      "Crews walked out at dawn over rosters \u{2013} the operator calls it \u{201C}regrettable\u{201D}.",
      "Unions and the operator are due to meet later today.",
    ]
    for n in stride(from: 12, through: 1, by: -1) {
      lines.append("Update \(n) from the harbour")
      lines.append("Passengers were told about development number \(n)\u{2026} and the union\u{2019}s answer.")
      lines.append("The union said development \(n) changed nothing about the dispute.")
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  func testConnectionDropInAUTF8Locale() throws {
    try dropConnection(lang: "C.UTF-8")
  }

  func testConnectionDropWithLANGCOnTheRemoteSide() throws {
    try dropConnection(lang: "C")
  }

  func dropConnection(lang: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let server = try XCTUnwrap(server)
    try runDateline(["add", "--library", "lib.sqlite", "ferry.txt"])

    // The library: read three updates down, then the connection drops.
    var tmux = try remote("--library lib.sqlite", lang: lang, pidFile: "library.pid", server: server)
    let first = try tmux.waitFor("the reader over ssh") { $0.contains("Stories (1)") && $0.contains("h: help") }
    if lang == "C" {
      XCTAssertTrue(first.contains("\"regrettable\""), "curly quotes as ASCII quotes:\n\(first)")
      XCTAssertFalse(first.contains("?"), "nothing unreadable in LANG=C:\n\(first)")
      let styled = try tmux.capture(escapes: true)
      XCTAssertFalse(styled.contains("\u{2502}"), "no UTF-8 line characters reach a C-locale screen")
    } else {
      XCTAssertTrue(first.contains("\u{201C}regrettable\u{201D}"), first)
    }
    for _ in 0..<3 { try tmux.send("}") }
    try tmux.waitFor("three updates down") { $0.contains("update 3/13") }
    try dropClient(of: tmux, remotePIDFile: "library.pid")
    // Back in the library (locally): the reader opens where it was when the connection dropped.
    let local = try TmuxSession(
      command: "cd \(DatelineBinary.quoted(directory.path)) && \(DatelineBinary.quoted(binary)) --library lib.sqlite")
    sessions.append(local)
    try local.waitFor("the reading position kept across the drop") { $0.contains("update 3/13") }
    local.kill()

    // Captures named on the command line: a temporary library, which must go with the reader.
    tmux = try remote("ferry.txt", lang: lang, pidFile: "file.pid", server: server)
    try tmux.waitFor("the capture over ssh") { $0.contains("Ferry strike") && $0.contains("h: help") }
    let pid = try dropClient(of: tmux, remotePIDFile: "file.pid")
    let left = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
      .filter { $0.hasPrefix("dateline-read-\(pid)-") }
    XCTAssertEqual(left, [], "the temporary library of the reader that lost its connection is gone", file: file, line: line)
  }

  /// Runs `dateline ARGUMENTS` through `ssh -tt` in a new tmux session, with `LANG=lang` on the remote side;
  /// the remote shell writes its pid (which exec keeps for dateline) to `pidFile`.
  private func remote(_ arguments: String, lang: String, pidFile: String, server: SSHServer) throws -> TmuxSession {
    let folder = DatelineBinary.quoted(directory.path)
    let command =
      "cd \(folder) && echo $$ > \(pidFile) && unset LC_ALL LC_CTYPE LC_MESSAGES && export LANG=\(lang) "
      + "XDG_DATA_HOME=\(folder)/data && exec \(DatelineBinary.quoted(binary)) \(arguments)"
    let tmux = try TmuxSession(command: "exec " + server.sshCommand(command))
    sessions.append(tmux)
    return tmux
  }

  /// Kills the ssh client of `tmux` (the pane's process) and checks that the remote reader ends within 5 s.
  @discardableResult
  private func dropClient(of tmux: TmuxSession, remotePIDFile: String) throws -> Int32 {
    let text = try String(contentsOf: directory.appendingPathComponent(remotePIDFile), encoding: .utf8)
    let reader = try XCTUnwrap(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), "remote pid")
    let client = try XCTUnwrap(try tmux.panePID(), "the ssh client's pid")
    kill(client, SIGKILL)
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline, kill(reader, 0) == 0 { usleep(20_000) }
    XCTAssertFalse(kill(reader, 0) == 0, "the reader still runs 5 s after its connection dropped")
    tmux.kill()
    return reader
  }

  private func runDateline(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "dateline \(arguments.joined(separator: " "))")
  }
}
