import CLibXML2

/// Feed text in whichever form it is declared or guessed to be, turned into one line of plain text: HTML loses
/// its tags and entities (block tags separate words) through the HTML reader; runs of ASCII whitespace become
/// one space (a no-break space survives); control characters and escape sequences never pass.
enum FeedText {
  enum Kind {
    /// Literal text: `<blink>` stays `<blink>`.
    case text
    /// HTML markup.
    case html
    /// RSS's undeclared text: HTML only when it looks like HTML (a closing tag or an entity), so `1 < 2` stays.
    case guess
    /// An RSS description, which is HTML more often than not: as `guess`, and HTML also when it opens a tag
    /// HTML knows (`a<br>b`, `<img src=...>`).
    case description
  }

  /// `raw` as HTML or text, by its kind (a guess settled by looking).
  static func markup(_ raw: String, as kind: Kind) -> FeedMarkup {
    switch kind {
    case .text: .text(raw)
    case .html: .html(raw)
    case .guess: looksLikeHTML(raw) ? .html(raw) : .text(raw)
    case .description: looksLikeHTML(raw) || opensHTMLTag(raw) ? .html(raw) : .text(raw)
    }
  }

  /// The plain text of `raw`, or nil when nothing is left. HTML is parsed by `parser` (one for a whole feed)
  /// when given.
  static func plain(_ raw: String, as kind: Kind, using parser: HTMLFragmentParser? = nil) -> String? {
    switch kind {
    case .text: return collapsed(raw)
    case .html:
      // The HTML reader's text is collapsed, trimmed and sanitised already (`TextAccumulator`).
      let text = HTMLFragmentText.plainText(fromHTML: raw, using: parser)
      return text.isEmpty ? nil : text
    case .guess: return looksLikeHTML(raw) ? plain(raw, as: .html, using: parser) : collapsed(raw)
    case .description:
      return looksLikeHTML(raw) || opensHTMLTag(raw) ? plain(raw, as: .html, using: parser) : collapsed(raw)
    }
  }

  /// Whether text declares nothing but reads as HTML: it holds a closing tag (`</b>`) or an entity (`&amp;`,
  /// `&#233;`), and every named entity in it is one HTML knows. feedparser's rule, which readers of feeds expect.
  static func looksLikeHTML(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return false }
    var found = false
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "<"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
        var cursor = index + 2
        while cursor < bytes.count, isWordByte(bytes[cursor]) { cursor += 1 }
        if cursor > index + 2, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") { found = true }
      } else if byte == UInt8(ascii: "&") {
        var cursor = index + 1
        let numeric = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "#")
        if numeric { cursor += 1 }
        let start = cursor
        while cursor < bytes.count, isWordByte(bytes[cursor]) { cursor += 1 }
        if cursor > start, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";") {
          if !numeric, !isHTMLEntity(String(decoding: bytes[start..<cursor], as: UTF8.self)) { return false }
          found = true
        }
      }
      index += 1
    }
    return found
  }

  /// Whether text holds a start tag of an element HTML knows (`<br>`, `<p class=x>`, `<img/>`).
  static func opensHTMLTag(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    var index = 0
    while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
      var cursor = open + 1
      while cursor < bytes.count, cursor - open <= 12, isWordByte(bytes[cursor]) { cursor += 1 }
      if cursor > open + 1, cursor < bytes.count,
        [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "/"), UInt8(ascii: "\n")].contains(bytes[cursor])
      {
        // The tag must close before anything else opens: `if a <b then c` is no tag.
        let close = bytes[cursor...].firstIndex(of: UInt8(ascii: ">"))
        let nextOpen = bytes[cursor...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
        guard let close, close < nextOpen else {
          index = open + 1
          continue
        }
        let name = String(decoding: bytes[(open + 1)..<cursor], as: UTF8.self).lowercased()
        let known = name.withCString {
          xml2_htmlTagLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) != nil
        }
        if known { return true }
      }
      index = open + 1
    }
    return false
  }

  private static func isHTMLEntity(_ name: String) -> Bool {
    name == "apos"
      || name.withCString { pointer in
        xml2_htmlEntityLookup(UnsafeRawPointer(pointer).assumingMemoryBound(to: xmlChar.self)) != nil
      }
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "_")
  }

  /// An attribute value compared as a keyword (`rel`, `type`, `mode`, `isPermaLink`): trimmed of white space and
  /// lowercased. A value of printable ASCII with no capital and no space, as nearly all are, is that already and
  /// is given back as it is, without Foundation's work.
  static func keyword(_ value: String) -> String {
    let plain = value.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !($0 >= 0x41 && $0 <= 0x5A) }
    return plain ? value : value.trimmingCharacters(in: .whitespaces).lowercased()
  }

  /// ASCII whitespace runs as one space, trimmed, sanitised; nil when empty. Works on UTF-8 bytes and calls
  /// `TextSanitizer` only when a byte sequence it removes is present (feeds are full of dashes and quotes whose
  /// lead byte sends the sanitiser down its slow path for nothing).
  static func collapsed(_ text: String) -> String? {
    var text = text
    // Most feed text (titles, names, categories) is one line already: then it is given back as it is.
    let alreadyCollapsed = text.withUTF8 { bytes -> Bool in
      let count = bytes.count
      guard count > 0, bytes[0] != 0x20, bytes[count - 1] != 0x20, !TextAccumulator.mayNeedSanitizing(bytes) else {
        return false
      }
      // No other white space is left (the check above finds every byte below 0x20): only doubled spaces.
      var index = 1
      while index < count {
        if bytes[index] == 0x20, bytes[index - 1] == 0x20 { return false }
        index += 1
      }
      return true
    }
    return alreadyCollapsed ? text : collapsedByteByByte(text)
  }

  /// `collapsed` the whole way, byte by byte (the reference its shortcut is tested against).
  static func collapsedByteByByte(_ text: String) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var pendingSpace = false
      var needsSanitizing = false
      let count = bytes.count
      var index = 0
      while index < count {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
          pendingSpace = !out.isEmpty
          index += 1
          continue
        }
        if pendingSpace {
          out.append(0x20)
          pendingSpace = false
        }
        if byte < 0x20 || byte == 0x7F {
          needsSanitizing = true
        } else if byte >= 0xC2, !needsSanitizing {
          let next = index + 1 < count ? bytes[index + 1] : 0
          let third = index + 2 < count ? bytes[index + 2] : 0
          switch byte {
          case 0xC2: needsSanitizing = (0x80...0x9F).contains(next)  // C1 controls
          case 0xE2:  // line and paragraph separators, bidi embeddings, overrides and isolates
            needsSanitizing = (next == 0x80 && (0xA8...0xAE).contains(third)) || (next == 0x81 && (0xA6...0xA9).contains(third))
          case 0xEF: needsSanitizing = next == 0xBB && third == 0xBF  // a stray byte-order mark
          default: break
          }
        }
        out.append(byte)
        index += 1
      }
      guard !out.isEmpty else { return nil }
      let result = String(decoding: out, as: UTF8.self)
      guard needsSanitizing else { return result }
      let cleaned = TextSanitizer.clean(Substring(result))
      return cleaned.isEmpty ? nil : cleaned
    }
  }

}
