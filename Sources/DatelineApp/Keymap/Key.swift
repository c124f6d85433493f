/// A key as the keymap knows it, with the name used in keymap files.
public enum Key: Hashable, Sendable {
  /// A printable character, including space.
  case character(Character)
  /// Ctrl plus a letter (`<C-f>`).
  case control(Character)
  case up, down, left, right, pageUp, pageDown, home, end
  case enter, tab, backTab, escape, backspace, delete
  case function(Int)

  /// The special keys by their `<Name>` (lower-cased) in keymap files.
  static let specialNames: [(String, Key)] = [
    ("up", .up), ("down", .down), ("left", .left), ("right", .right), ("pgup", .pageUp),
    ("pageup", .pageUp), ("pgdn", .pageDown), ("pagedown", .pageDown), ("home", .home), ("end", .end),
    ("enter", .enter), ("return", .enter), ("tab", .tab), ("s-tab", .backTab), ("backtab", .backTab),
    ("esc", .escape), ("escape", .escape), ("backspace", .backspace), ("bs", .backspace), ("del", .delete),
    ("delete", .delete), ("space", .character(" ")), ("hash", .character("#")), ("lt", .character("<")),
  ]

  /// Parses a key name: a single printable character (`j`, `G`, `]`), `<Name>` (`<Down>`, `<PgDn>`, `<Space>`,
  /// `<S-Tab>`, `<F1>`), or a control key (`<C-f>` or `^F`). Nil for an unknown name.
  public init?(name: String) {
    if name.count == 1, let c = name.first {
      guard !Key.isControl(c), c != " " else { return nil }
      self = .character(c)
      return
    }
    if name.count == 2, name.first == "^", let c = name.last, c.isLetter, c.isASCII {
      self = .control(Character(c.lowercased()))
      return
    }
    guard name.hasPrefix("<"), name.hasSuffix(">"), name.count > 2 else { return nil }
    let inner = String(name.dropFirst().dropLast())
    let lower = inner.lowercased()
    if let match = Key.specialNames.first(where: { $0.0 == lower }) {
      self = match.1
      return
    }
    if lower.hasPrefix("c-"), inner.count == 3, let c = inner.last, c.isLetter, c.isASCII {
      self = .control(Character(c.lowercased()))
      return
    }
    if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
      self = .function(n)
      return
    }
    return nil
  }

  /// The name written in keymap files and shown on the help screen.
  public var name: String {
    switch self {
    case .character(" "): "<Space>"
    case .character("#"): "<Hash>"
    case .character("<"): "<LT>"
    case .character(let c): String(c)
    case .control(let c): "<C-\(c)>"
    case .up: "<Up>"
    case .down: "<Down>"
    case .left: "<Left>"
    case .right: "<Right>"
    case .pageUp: "<PgUp>"
    case .pageDown: "<PgDn>"
    case .home: "<Home>"
    case .end: "<End>"
    case .enter: "<Enter>"
    case .tab: "<Tab>"
    case .backTab: "<S-Tab>"
    case .escape: "<Esc>"
    case .backspace: "<Backspace>"
    case .delete: "<Del>"
    case .function(let n): "<F\(n)>"
    }
  }

  static func isControl(_ c: Character) -> Bool {
    c.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
  }
}
