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
    return lines
  }

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
