@preconcurrency import CNcurses
import DatelineApp

/// Turns what curses reads into `Key`s.
enum KeyDecoder {
  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    default:
      for n in 1...12 where code == dateline_key_f(Int32(n)) { return .function(n) }
      return nil
    }
  }

  static func character(_ value: UInt32) -> Key? {
    switch value {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return Unicode.Scalar(value + 96).map { .control(Character($0)) }
    case 0..<32: return nil
    default:
      guard let scalar = Unicode.Scalar(value), !(0x7F..<0xA0).contains(value) else { return nil }
      return .character(Character(scalar))
    }
  }
}
