import Foundation
import XCTest

/// The reader under each kind of terminal it claims (TERM of the xterm, screen/tmux, linux, rxvt and VT100
/// families; 8, 16 and 256 colours, none, and NO_COLOR; UTF-8 and C locales), driven in tmux: every screen
/// readable, the current mention told apart without colour, and what scrolling left on the screen the same as a
/// full redraw of it (no stray or missing bytes).
final class TerminalCoverageTests: XCTestCase {
  private var sessions: [TmuxSession] = []
  private var directory: URL!
  private var binary = ""

  override func setUpWithError() throws {
    guard TmuxSession.tmuxPath != nil else {
      throw XCTSkip("tmux is not installed: the terminal coverage tests need it (apt-get install tmux)")
    }
    binary = try XCTUnwrap(DatelineBinary.path, "the dateline binary was not built next to the tests")
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-terms-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try SSHRoundTripTests.capture.write(to: directory.appendingPathComponent("ferry.txt"), atomically: true, encoding: .utf8)
    try "person Ferry Union | union\norganization Operator | operator\nplace Harbour | harbour\n"
      .write(to: directory.appendingPathComponent("names.txt"), atomically: true, encoding: .utf8)
  }

  override func tearDown() {
    for session in sessions { session.kill() }
    sessions = []
    if let directory { try? FileManager.default.removeItem(at: directory) }
  }

  /// TERM, extra environment, whether colours are expected.
  static let cases: [(term: String, environment: [String: String], colors: Bool)] = [
    ("xterm", [:], true),
    ("xterm-256color", [:], true),
    ("xterm-16color", [:], true),
    ("xterm-256color", ["NO_COLOR": "1"], false),
    ("screen", [:], true),
    ("tmux-256color", [:], true),
    ("linux", [:], true),
    ("vt100", [:], false),
    ("vt220", [:], false),
    ("rxvt-unicode", [:], true),
    ("xterm-256color", ["LANG": "C"], true),
    ("linux", ["LANG": "C"], true),
    ("vt100", ["LANG": "C"], false),
  ]

  func testEveryTerminalKind() throws {
    // Every session starts at once; then each is driven in turn (the reader waits for keys meanwhile).
    var started: [(TmuxSession, String, [String: String], Bool)] = []
    for (term, environment, colors) in Self.cases {
      let path = "/usr/share/terminfo/\(term.prefix(1))/\(term)"
      let system = "/lib/terminfo/\(term.prefix(1))/\(term)"
      guard FileManager.default.fileExists(atPath: path) || FileManager.default.fileExists(atPath: system) else {
        print("TerminalCoverageTests: no terminfo for \(term) here (ncurses-term); skipped")
        continue
      }
      var env = environment
      env["TERM"] = term
      let command = "cd \(DatelineBinary.quoted(directory.path)) && \(DatelineBinary.quoted(binary)) --names names.txt ferry.txt"
      let tmux = try TmuxSession(command: command, width: 100, height: 30, environment: env)
      sessions.append(tmux)
      started.append((tmux, term, environment, colors))
    }
    for (tmux, term, environment, colors) in started {
      try check(tmux, name: "TERM=\(term) \(environment)", ascii: environment["LANG"] == "C", colors: colors)
    }
  }

  private func check(_ tmux: TmuxSession, name: String, ascii: Bool, colors: Bool) throws {
    let first = try tmux.waitFor("\(name): three panes") { $0.contains("Entities") && $0.contains("h: help") }
    assertReadable(first, name: name, ascii: ascii)
    XCTAssertTrue(first.contains("Ferry strike live"), "\(name):\n\(first)")
    // The sidebar's first entity, then its next mention: the current one in reverse video, on any terminal.
    try tmux.send("Tab", "Enter")
    try tmux.send("]")
    let jumped = try tmux.waitFor("\(name): a mention selected") { $0.contains(" 2/") }
    assertReadable(jumped, name: name, ascii: ascii)
    let styled = try tmux.capture(escapes: true)
    XCTAssertNotNil(styled.range(of: "\u{1B}\\[([0-9;]*;)?7[;m]", options: .regularExpression), "\(name): no reverse video")
    if !colors {
      XCTAssertNil(styled.range(of: "\u{1B}\\[([0-9;]*;)?3[0-7][;m]", options: .regularExpression), "\(name): colours sent")
    }
    // Scrolling zoomed and with three panes, then the same screen redrawn from nothing: they must agree.
    try tmux.send("z", "Tab", "Tab")  // the sidebar has the focus: zoomed, Tab twice goes round to the updates
    try tmux.waitFor("\(name): zoomed") { $0.hasPrefix(" Updates") }
    try tmux.tmux(["send-keys", "-t", tmux.target, "j", "j", "j", "j", "j", "k", "j", "j", "}", "j", "k", "k"])
    try compareWithRedraw(tmux, name: "\(name) zoomed", ascii: ascii)
    try tmux.send("z")
    try tmux.waitFor("\(name): three panes again") { $0.contains("Entities") && $0.contains("Stories") }
    try tmux.tmux(["send-keys", "-t", tmux.target, "j", "j", "k", "j", "}", "j"])
    try compareWithRedraw(tmux, name: "\(name) three panes", ascii: ascii)
    try tmux.send("q")
    tmux.kill()
  }

  /// Waits for the screen to settle, redraws it (Ctrl-L) and checks that text and attributes did not change.
  private func compareWithRedraw(_ tmux: TmuxSession, name: String, ascii: Bool) throws {
    let before = try settled(tmux)
    assertReadable(try tmux.capture(), name: name, ascii: ascii)
    try tmux.send("C-l")
    usleep(200_000)  // the redraw itself is one write; then the screen must hold still
    let after = try settled(tmux)
    XCTAssertEqual(Self.cells(before), Self.cells(after), "\(name): the screen differs from a full redraw of it")
  }

  /// The screen (with escapes) once it has not changed for 0.4 s (at most 6 s): on a loaded machine the reader
  /// may pause between the frames of the keys sent.
  private func settled(_ tmux: TmuxSession) throws -> String {
    var last = try tmux.capture(escapes: true)
    var stable = 0
    var waited = 0
    while stable < 13 && waited < 200 {
      usleep(30_000)
      waited += 1
      let now = try tmux.capture(escapes: true)
      stable = now == last ? stable + 1 : 0
      last = now
    }
    return last
  }

  /// The screen from capture-pane -e as rows of cells (character and look), blanks that look blank made plain
  /// and dropped at the end of a row: two ways of writing the same picture (erased or written spaces, where a
  /// reset falls) compare equal, a wrong character or look anywhere does not.
  static func cells(_ styled: String) -> [String] {
    styled.split(separator: "\n", omittingEmptySubsequences: false).map { row in
      var cells: [String] = []
      var attributes = Set<String>()
      var foreground = ""
      var background = ""
      var lines = false
      var characters = Array(row)[...]
      while let character = characters.popFirst() {
        if character == "\u{0E}" || character == "\u{0F}" {
          lines = character == "\u{0E}"
          continue
        }
        if character == "\u{1B}" {
          var sequence = ""
          while let next = characters.popFirst() {
            sequence.append(next)
            if next.isLetter && next != "[" { break }
          }
          guard sequence.hasPrefix("["), sequence.hasSuffix("m") else { continue }
          let codes = sequence.dropFirst().dropLast().split(separator: ";", omittingEmptySubsequences: false)
          for code in codes.map(String.init) {
            switch code {
            case "", "0":
              attributes = []
              foreground = ""
              background = ""
            case "22": attributes.subtract(["1", "2"])
            case "24", "27": attributes.remove(String(code.dropFirst()))
            case "39": foreground = ""
            case "49": background = ""
            default:
              if code.count == 2, code.hasPrefix("3") { foreground = code }
              else if code.count == 2, code.hasPrefix("4") { background = code }
              else { attributes.insert(code) }
            }
          }
          continue
        }
        let showsOnBlank = attributes.contains("7") || attributes.contains("4") || !background.isEmpty
        if character == " " && !showsOnBlank {
          cells.append(" ")
        } else {
          cells.append("\(character)\(lines ? "+acs" : "")[\(attributes.sorted().joined(separator: ","))\(foreground)\(background)]")
        }
      }
      while cells.last == " " { cells.removeLast() }
      return cells.joined(separator: "|")
    }
  }

  private func assertReadable(_ screen: String, name: String, ascii: Bool, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertFalse(screen.contains("\u{1B}"), "\(name): an escape character on screen", file: file, line: line)
    for stray in ["[?69", "$p", "$y", "^[", "\u{FFFD}"] {
      XCTAssertFalse(screen.contains(stray), "\(name): stray \(stray.debugDescription) on screen:\n\(screen)", file: file, line: line)
    }
    if ascii {
      XCTAssertFalse(screen.contains("?"), "\(name): an unreadable character in LANG=C:\n\(screen)", file: file, line: line)
      XCTAssertTrue(screen.contains("\"regrettable\"") || !screen.contains("regrettable"), "\(name):\n\(screen)", file: file, line: line)
    }
  }
}
