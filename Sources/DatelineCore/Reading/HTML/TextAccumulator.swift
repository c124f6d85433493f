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
    // Runs of word bytes are copied whole (the same as byte by byte: one space before a run that follows white
    // space, none at the start).
    let count = text.count
    var index = 0
    while index < count {
      var end = index
      while end < count, !Self.isSpace(text[end]) { end += 1 }
      if end > index {
        if pendingSpace {
          if !bytes.isEmpty { bytes.append(0x20) }
          pendingSpace = false
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<end]))
      }
      while end < count, Self.isSpace(text[end]) {
        pendingSpace = true
        end += 1
      }
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
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      index += 1
      if byte < 0x20 || byte == 0x7F { return true }
      guard byte == 0xC2 || byte == 0xE2 || byte == 0xEF else { continue }
      let next = index < count ? bytes[index] : 0
      let third = index + 1 < count ? bytes[index + 1] : 0
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
