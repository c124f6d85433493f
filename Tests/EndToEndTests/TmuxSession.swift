import Foundation
import XCTest

/// A detached tmux server of its own (a unique socket) running one command, for driving the real binary.
final class TmuxSession {
  let socket = "dateline-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
  let target = "e2e"
  static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux", "/bin/tmux"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// Starts `command` (run by sh) at `width` x `height` with LANG=C.UTF-8 and TERM=xterm-256color plus `environment`.
  init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
    var env = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]
    env.merge(environment) { $1 }
    // Exported inside the command: tmux sets TERM in a pane itself, so `-e TERM=...` would not stick.
    // The locale is the one asked for here: LC_ALL or LC_CTYPE inherited from the test run (scripts/test sets
    // LC_ALL=C.UTF-8) would override a LANG=C given in `environment`.
    let exports = "unset LC_ALL LC_CTYPE LC_MESSAGES; "
      + env.sorted(by: { $0.key < $1.key }).map { "export \($0.key)='\($0.value)'; " }.joined()
    let arguments = ["new-session", "-d", "-s", target, "-x", String(width), "-y", String(height), exports + command]
    let status = try startServer(arguments)
    guard status == 0 else { throw TmuxError.failed("tmux new-session failed with status \(status)") }
    _ = try? tmux(["set-option", "-t", target, "remain-on-exit", "on"])
  }

  /// Runs the tmux command that forks the server through `system()`: the server outlives the client and would
  /// inherit Foundation.Process's internal descriptors, which keeps `waitUntilExit` from ever returning.
  private func startServer(_ arguments: [String]) throws -> Int32 {
    guard let path = Self.tmuxPath else { throw TmuxError.failed("tmux not installed") }
    let words = [path, "-L", socket, "-f", "/dev/null"] + arguments
    let line = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    return system(line + " </dev/null >/dev/null 2>&1")
  }

  /// Runs tmux on this session's socket; returns the exit status and output.
  @discardableResult
  func tmux(_ arguments: [String]) throws -> (Int32, String) {
    guard let path = Self.tmuxPath else { throw TmuxError.failed("tmux not installed") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
    process.standardInput = FileHandle.nullDevice
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Sends keys (tmux key names: "Tab", "Enter", "]", "C-c").
  func send(_ keys: String...) throws { try tmux(["send-keys", "-t", target] + keys) }

  /// The visible screen as text (with escape sequences for attributes when `escapes`).
  func capture(escapes: Bool = false) throws -> String {
    try tmux(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : [])).1
  }

  /// Polls the screen every 30 ms until `condition` holds; fails after `timeout` seconds with the last screen.
  @discardableResult
  func waitFor(
    _ what: String, timeout: TimeInterval = 10, escapes: Bool = false, file: StaticString = #filePath,
    line: UInt = #line, _ condition: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = ""
    while Date() < deadline {
      screen = try capture(escapes: escapes)
      if condition(screen) { return screen }
      usleep(30_000)
    }
    XCTFail("timed out waiting for \(what); screen:\n\(screen)", file: file, line: line)
    throw TmuxError.timeout(what)
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
  }

  /// The pid of the pane's process (the shell running the command).
  func panePID() throws -> Int32? {
    Int32(try tmux(["list-panes", "-t", target, "-F", "#{pane_pid}"]).1.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  func kill() { _ = try? tmux(["kill-server"]) }
}

enum TmuxError: Error {
  case failed(String)
  case timeout(String)
}
