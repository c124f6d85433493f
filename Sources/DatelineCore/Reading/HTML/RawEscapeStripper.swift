/// Removes raw terminal escape sequences (ESC and what follows it: CSI `ESC [ ... final`, OSC/DCS strings up
/// to BEL or `ESC \`) from a page's bytes before parsing. libxml2 drops the ESC byte itself as an invalid
/// character but keeps the rest ("[31m"), which would then read as text; `TextSanitizer` still guards every
/// line afterwards, this only keeps the leftovers out.
enum RawEscapeStripper {
  /// The bytes without escape sequences, or nil when they hold no ESC byte (the usual case: nothing copied).
  static func strip(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard bytes.contains(0x1B) else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      guard byte == 0x1B else {
        out.append(byte)
        index += 1
        continue
      }
      index += 1
      guard index < bytes.count else { break }
      switch bytes[index] {
      case UInt8(ascii: "["):
        index += 1
        while index < bytes.count, (0x20...0x3F).contains(bytes[index]) { index += 1 }
        if index < bytes.count, (0x40...0x7E).contains(bytes[index]) { index += 1 }
      case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"):
        index += 1
        // A string runs to BEL or ST; one that never ends takes at most 4 KB with it, not the page.
        let limit = min(bytes.count, index + 4096)
        var end = index
        while end < limit, bytes[end] != 0x07, bytes[end] != 0x1B { end += 1 }
        if end < bytes.count, bytes[end] == 0x07 {
          index = end + 1
        } else if end + 1 < bytes.count, bytes[end] == 0x1B, bytes[end + 1] == UInt8(ascii: "\\") {
          index = end + 2
        } else {
          index = end
        }
      default:
        while index < bytes.count, (0x20...0x2F).contains(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x7E { index += 1 }
      }
    }
    return out
  }
}
