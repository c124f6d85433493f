/// A terminal's answer to the DECRQM query for mode 69 (left/right margins), read after its ESC.
enum TerminalAnswer: Equatable {
  /// `ESC [ ? 69 ; Ps $ y`: the terminal knows the mode (Ps 1 set, 2 reset) or not (0, 4).
  case marginsMode(known: Bool)
  /// Anything else: the bytes read after the ESC, to hand back as keys.
  case other([UInt8])

  /// Reads the rest of an answer from `next` (nil when no byte came in time); stops at the first byte that
  /// cannot belong to it.
  static func read(next: () -> UInt8?) -> TerminalAnswer {
    let expected = Array("[?69;".utf8)
    var bytes: [UInt8] = []
    for byte in expected {
      guard let got = next() else { return .other(bytes) }
      bytes.append(got)
      if got != byte { return .other(bytes) }
    }
    var value: UInt8?
    while let got = next() {
      bytes.append(got)
      switch got {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = got - UInt8(ascii: "0")
      case UInt8(ascii: "$"): continue
      case UInt8(ascii: "y"): return .marginsMode(known: value == 1 || value == 2)
      default: return .other(bytes)
      }
      if bytes.count > 12 { break }
    }
    return .other(bytes)
  }
}
