import CLibXML2

/// Decides a page's character encoding and turns its bytes into UTF-8 for libxml2.
///
/// The order is the one browsers use (WHATWG "encoding sniffing"): a byte-order mark, which cannot be wrong;
/// then the HTTP Content-Type's charset; then a `<meta charset>` or `http-equiv` declaration in the first
/// bytes; else the bytes themselves (valid UTF-8 is UTF-8, anything else the Windows-1252 that old pages use).
/// Pages are decoded here, not by libxml2, so that a page declared UTF-8 with a few bad bytes is repaired
/// byte by byte instead of being re-read as Latin-1 from the first bad byte on (which libxml2 does).
enum HTMLCharset: Equatable {
  case utf8
  case utf16(bigEndian: Bool)
  case windows1252
  /// An encoding libxml2 knows (through iconv or ICU), given by its label.
  case other(String)

  /// How far into the page a `<meta>` declaration is looked for (browsers look at 1024 bytes; pages put
  /// long scripts before it often enough that a little more pays).
  static let metaWindow = 4096

  /// The encoding of `bytes`, and where the content starts (past a byte-order mark).
  static func detect(_ bytes: UnsafeBufferPointer<UInt8>, contentType: String?) -> (HTMLCharset, bodyStart: Int) {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
    if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16(bigEndian: false), 2) }
    if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16(bigEndian: true), 2) }
    if let label = contentType.flatMap(charsetParameter), let charset = named(label, fromHeader: true) {
      return (charset, 0)
    }
    if let label = metaCharset(bytes), let charset = named(label, fromHeader: false) { return (charset, 0) }
    return (sniff(bytes), 0)
  }

  /// The encoding a label names, when dateline or libxml2 can decode it. A `<meta>` cannot truly declare
  /// UTF-16 (it could not have been read as ASCII then), so browsers take UTF-8 for it.
  static func named(_ label: String, fromHeader: Bool) -> HTMLCharset? {
    let label = label.lowercased().trimmingASCIISpace()
    switch label {
    case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8": return .utf8
    case "utf-16", "utf-16le", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff":
      return fromHeader ? .utf16(bigEndian: false) : .utf8
    case "utf-16be", "unicodefffe": return fromHeader ? .utf16(bigEndian: true) : .utf8
    // Browsers read all of these as Windows-1252, a superset of Latin-1 for printable text.
    case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252",
      "iso_8859-1", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "ansi_x3.4-1968":
      return .windows1252
    case "": return nil
    default:
      // Only an encoding libxml2 has a converter for; otherwise the declaration is useless and the bytes decide.
      guard let handler = xml2_xmlFindCharEncodingHandler(label) else { return nil }
      xml2_xmlCharEncCloseFunc(handler)
      return .other(label)
    }
  }

  /// `utf-8` of `text/html; charset="UTF-8"`.
  static func charsetParameter(_ contentType: String) -> String? {
    let lowered = Array(contentType.lowercased().utf8)
    return charsetValue(in: lowered[...])
  }

  /// The label after the first `charset=` in `bytes` (quoted or not), as in `content="text/html; charset=x"`
  /// and `<meta charset="x">` alike.
  static func charsetValue(in bytes: ArraySlice<UInt8>) -> String? {
    let key = Array("charset".utf8)
    var index = bytes.startIndex
    while index + key.count <= bytes.endIndex {
      guard bytes[index..<(index + key.count)].elementsEqual(key) else {
        index += 1
        continue
      }
      var cursor = index + key.count
      while cursor < bytes.endIndex, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
      guard cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "=") else {
        index = cursor
        continue
      }
      cursor += 1
      while cursor < bytes.endIndex, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 || bytes[cursor] == 0x22 || bytes[cursor] == 0x27 {
        cursor += 1
      }
      let start = cursor
      while cursor < bytes.endIndex, isLabelByte(bytes[cursor]) { cursor += 1 }
      return cursor > start ? String(decoding: bytes[start..<cursor], as: UTF8.self) : nil
    }
    return nil
  }

  /// The charset declared by the first `<meta>` in the page's opening bytes that declares one.
  static func metaCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    // Only the bytes of each `<meta ...>` tag are lower-cased and read: no copy of the whole window.
    let window = UnsafeBufferPointer(rebasing: bytes.prefix(metaWindow))
    let meta = Array("meta".utf8)
    var index = 0
    while index + 5 <= window.count {
      guard window[index] == 0x3C, window[index + 1] | 0x20 == meta[0], window[index + 2] | 0x20 == meta[1],
        window[index + 3] | 0x20 == meta[2], window[index + 4] | 0x20 == meta[3]
      else {
        index += 1
        continue
      }
      var end = index
      while end < window.count && window[end] != UInt8(ascii: ">") { end += 1 }
      let tag = window[index..<end].map { $0 &- 0x41 < 26 ? $0 + 0x20 : $0 }
      if let label = charsetValue(in: tag[...]) { return label }
      index = end
    }
    return nil
  }

  /// UTF-8 when the bytes are (or mostly are) UTF-8, else Windows-1252.
  static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> HTMLCharset {
    if String(validating: bytes, as: UTF8.self) != nil { return .utf8 }
    return CaptureDecoder.containsValidMultibyteSequence(ArraySlice(bytes)) ? .utf8 : .windows1252
  }

  /// The page as valid UTF-8 bytes (nil for `.other`, which libxml2 converts itself).
  func utf8Bytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    switch self {
    case .utf8:
      if String(validating: bytes, as: UTF8.self) != nil { return nil }  // already valid: parse in place
      return Array(String(decoding: bytes, as: UTF8.self).utf8)
    case .utf16(let bigEndian):
      let even = bytes.count & ~1
      let text = (try? CaptureDecoder.decodeUTF16(ArraySlice(bytes.prefix(even)), bigEndian: bigEndian, source: "")) ?? ""
      return Array(text.utf8)
    case .windows1252:
      if !bytes.contains(where: { $0 >= 0x80 }) { return nil }  // ASCII is the same in UTF-8
      return CaptureDecoder.windows1252UTF8(bytes)
    case .other:
      return nil
    }
  }

  /// The label to hand libxml2 for the bytes it is given.
  var libxml2Label: String {
    if case .other(let label) = self { return label }
    return "UTF-8"
  }

  private static func isLabelByte(_ byte: UInt8) -> Bool {
    byte &- 0x61 < 26 || byte &- 0x41 < 26 || byte &- 0x30 < 10 || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A
  }
}

extension String {
  func trimmingASCIISpace() -> String {
    let bytes = Array(utf8)
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(decoding: bytes[first...last], as: UTF8.self)
  }
}
