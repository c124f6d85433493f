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
    let cleaned = TextSanitizer.clean(text[...])
    // Removing controls can leave doubled or outer spaces behind.
    if cleaned.utf8.count == bytes.count { return cleaned }
    return cleaned.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }
}
