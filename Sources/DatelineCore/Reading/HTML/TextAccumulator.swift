/// Gathers the text of HTML nodes into one line: runs of ASCII white space (as HTML collapses them) become one
/// space, and block boundaries separate words; a no-break space (U+00A0) is text, not white space, and stays.
/// The line it gives has been through `TextSanitizer`.
struct TextAccumulator {
  private(set) var bytes: [UInt8] = []
  private var pendingSpace = false
  /// Bytes of text appended while inside a link, for link density.
  private(set) var linkBytes = 0

  var isEmpty: Bool { bytes.isEmpty }
  var count: Int { bytes.count }

  /// Appends the NUL-terminated UTF-8 text of a text node.
  mutating func append(_ text: UnsafePointer<UInt8>, inLink: Bool = false) {
    let before = bytes.count
    // Runs of non-space bytes are copied whole (every text node of every page comes through here).
    var index = 0
    var runStart = 0
    while true {
      let byte = text[index]
      let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
      if byte == 0 || isSpace {
        if index > runStart {
          if pendingSpace {
            if !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
          }
          bytes.append(contentsOf: UnsafeBufferPointer(start: text + runStart, count: index - runStart))
        }
        if byte == 0 { break }
        pendingSpace = true
        runStart = index + 1
      }
      index += 1
    }
    if inLink { linkBytes += bytes.count - before }
  }

  /// Appends UTF-8 text given by length (a SAX parser's characters).
  mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
    // Stretches of words with single spaces between them (most of any text) are already collapsed: each is
    // copied whole. The result is the same as byte by byte: one space before a word that follows white space,
    // none at the start.
    guard let base = text.baseAddress else { return }
    let count = text.count
    var index = 0
    while index < count {
      while index < count, Self.isSpace(base[index]) {
        pendingSpace = true
        index += 1
      }
      guard index < count else { break }
      var end = index + 1
      while end < count {
        // Eight bytes at a time while they hold no white space but single spaces between words: no byte below
        // 0x20, no two spaces side by side, and the last not a space (the byte before them never is).
        if end + 8 <= count {
          let word = UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self)
          let high: UInt64 = 0x8080_8080_8080_8080
          let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
          let spaces = word ^ 0x2020_2020_2020_2020
          // The high bit of each byte that is a space, exactly.
          let spaceBits = ~(((spaces & low) &+ low) | spaces) & high
          let controls = (word &- 0x2020_2020_2020_2020) & ~word & high
          if controls == 0, spaceBits & (spaceBits << 8) == 0, spaceBits >> 63 == 0 {
            end += 8
            continue
          }
        }
        let byte = base[end]
        if !Self.isSpace(byte) {
          end += 1
        } else if byte == 0x20, end + 1 < count, !Self.isSpace(base[end + 1]) {
          end += 2  // one plain space between two words stays as it is
        } else {
          break
        }
      }
      if pendingSpace {
        if !bytes.isEmpty { bytes.append(0x20) }
        pendingSpace = false
      }
      bytes.append(contentsOf: UnsafeBufferPointer(start: base + index, count: end - index))
      index = end
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
  }

  /// Appends Swift text (collapsing white space the same way).
  mutating func append(_ text: String) {
    for byte in text.utf8 { append(byte) }
  }

  private mutating func append(_ byte: UInt8) {
    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
      pendingSpace = true
      return
    }
    if pendingSpace {
      if !bytes.isEmpty { bytes.append(0x20) }
      pendingSpace = false
    }
    bytes.append(byte)
  }

  /// A block boundary: the next text starts a new word.
  mutating func breakWord() { pendingSpace = true }

  /// Empties the accumulator.
  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    pendingSpace = false
    linkBytes = 0
  }

  /// The line gathered so far, cleaned, and empties the accumulator.
  mutating func take() -> String {
    defer {
      bytes.removeAll(keepingCapacity: true)
      pendingSpace = false
      linkBytes = 0
    }
    return Self.clean(bytes)
  }

  /// UTF-8 bytes (valid: they come from libxml2) as one sanitized line.
  static func clean(_ bytes: [UInt8]) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    // Most lines hold nothing the sanitiser removes: one pass over the bytes says so without it (bytes that
    // were not valid UTF-8, repaired into other bytes, still take the whole way).
    if text.utf8.count == bytes.count, !bytes.withUnsafeBufferPointer(Self.mayNeedSanitizing) { return text }
    let cleaned = TextSanitizer.clean(text[...])
    // Removing controls can leave doubled or outer spaces behind.
    if cleaned.utf8.count == bytes.count { return cleaned }
    return cleaned.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }

  /// `TextSanitizer.mayNeedWork` on bytes: a byte below 0x20 or 0x7F, a C1 control (0xC2 0x80–0x9F), U+2028–U+202E
  /// or U+2066–U+2069 (0xE2 …), or a byte-order mark (0xEF 0xBB 0xBF).
  static func mayNeedSanitizing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let count = bytes.count
    var index = 0
    while index < count {
      // Eight printable ASCII bytes (none below 0x20, none 0x7F, none above) at a time.
      if index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
        if word & high == 0, (word &- 0x2020_2020_2020_2020) & ~word & high == 0,
          (delete &- 0x0101_0101_0101_0101) & ~delete & high == 0
        {
          index += 8
          continue
        }
      }
      let byte = base[index]
      index += 1
      if byte < 0x20 || byte == 0x7F { return true }
      guard byte == 0xC2 || byte == 0xE2 || byte == 0xEF else { continue }
      let next = index < count ? base[index] : 0
      let third = index + 1 < count ? base[index + 1] : 0
      switch byte {
      case 0xC2: if next >= 0x80 && next <= 0x9F { return true }
      case 0xE2:
        if (next == 0x80 && third >= 0xA8 && third <= 0xAE) || (next == 0x81 && third >= 0xA6 && third <= 0xA9) { return true }
      default: if next == 0xBB && third == 0xBF { return true }
      }
    }
    return false
  }
}
