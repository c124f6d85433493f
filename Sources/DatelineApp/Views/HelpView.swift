/// The help screen, generated from the command table and the live keymap so the two never disagree.
public enum HelpView {
  /// The help text lines: a heading per group, then each command with its keys and help.
  public static func lines(keymap: Keymap) -> [(text: String, isHeading: Bool)] {
    var lines: [(String, Bool)] = [("dateline keys (h, q or Esc closes this screen)", true), ("", false)]
    for group in Command.groups {
      lines.append((group, true))
      for command in Command.allCases where command.group == group {
        let keys = keymap.keys(for: command).map(\.name)
        let keyText = keys.isEmpty ? "(unbound)" : keys.joined(separator: " ")
        let padded = keyText.count < 24 ? keyText + String(repeating: " ", count: 24 - keyText.count) : keyText + " "
        lines.append(("  " + padded + command.help + "  [" + command.name + "]", false))
      }
      lines.append(("", false))
    }
    lines.append(("Over a slow link (SSH)", true))
    lines += bandwidthNote.map { ("  " + $0, false) }
    return lines
  }

  /// Which view costs the fewest bytes, and why (figures from scripts/bench-terminal-bytes.sh).
  static let bandwidthNote = [
    "z (zoom) is the cheapest view: one pane owns whole rows, so a line of scrolling is one terminal",
    "scroll plus the line that comes into view, about 50 bytes at 80x24 (less sends about 70).",
    "With three panes side by side a terminal cannot scroll the middle pane alone, so its changed",
    "rows are sent again (1 to 2.5 KB a line) - except on xterm, which has left/right margins.",
    "Any locale works: without UTF-8, text is shown in ASCII and lines with the terminal's own set.",
  ]

  static func lineCount(keymap: Keymap) -> Int { lines(keymap: keymap).count }

  static func draw(_ state: AppState, into grid: inout Grid, rect: Rect) {
    let all = lines(keymap: state.keymap)
    for row in 0..<rect.height {
      let index = state.helpScroll + row
      guard index < all.count else { break }
      let line = all[index]
      grid.putTruncated(
        line.text, x: rect.x + 1, y: rect.y + row, style: line.isHeading ? Style(.heading, [.bold]) : .plain,
        limit: rect.maxX)
    }
  }
}
