import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A feed's bytes turned into UTF-8 before any XML parser sees them, so that every encoding problem is handled
/// once and the same way: the BOM wins, then the HTTP charset, then the XML declaration, then UTF-8. Bytes that
/// are not UTF-8 in a feed read as UTF-8 are read as Windows-1252 (what the feed's author almost always typed),
/// ISO-8859-1 is read as Windows-1252 (as browsers do), and control characters XML forbids are dropped.
/// The XML declaration is removed from the result: the parser is told the text is UTF-8.
struct FeedBytes {
  /// The document as UTF-8, without BOM or XML declaration: a slice of the bytes given when they were UTF-8
  /// already and clean (most feeds), so that they are checked once and never copied.
  var utf8: ArraySlice<UInt8>
  /// The encoding the bytes were read in (lowercased IANA name).
  var encoding: String
  var errors: [String]

  init(_ bytes: [UInt8], httpCharset: String?) {
    var errors: [String] = []
    var body = bytes[...]
    var encoding: String
    if let (bom, length) = Self.byteOrderMark(body) {
      encoding = bom
      body = body.dropFirst(length)
    } else if let sniffed = Self.unmarkedUTF16(body) {
      encoding = sniffed
    } else if let charset = httpCharset.map(Self.normalized), !charset.isEmpty {
      encoding = charset
    } else if let declared = Self.declaredEncoding(body).map(Self.normalized) {
      // A declaration of UTF-16 or UTF-32 on bytes that are not (no BOM, `<?` in single bytes) is a mistake.
      encoding = declared.hasPrefix("utf-16") || declared.hasPrefix("utf-32") || declared == "utf16" ? "utf-8" : declared
    } else {
      encoding = "utf-8"
    }
    var text: ArraySlice<UInt8>
    var clean = false
    switch encoding {
    case "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968":
      // One fast pass says whether the repair and the control filter below would change anything.
      if Self.isCleanUTF8(body) {
        text = body
        clean = true
      } else {
        text = Self.repairedUTF8(body, errors: &errors)[...]
      }
    case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "windows-1252", "cp1252", "iso_8859-1", "l1":
      text = Self.windows1252(body)[...]
    default:
      if let converted = Self.iconvToUTF8(body, from: encoding, errors: &errors) {
        text = converted[...]
      } else {
        errors.append("unknown encoding '\(encoding)': read as UTF-8")
        encoding = "utf-8"
        text = Self.repairedUTF8(body, errors: &errors)[...]
      }
    }
    if !clean { Self.dropForbiddenControls(&text, errors: &errors) }
    Self.removeDeclaration(&text)
    self.utf8 = text
    self.encoding = encoding
    self.errors = errors
  }

  /// The charset parameter of a Content-Type header (`application/rss+xml; charset="ISO-8859-1"`), or nil.
  static func charset(ofContentType contentType: String?) -> String? {
    guard let contentType else { return nil }
    for parameter in contentType.split(separator: ";").dropFirst() {
      let pair = parameter.split(separator: "=", maxSplits: 1)
      guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
      let value = pair[1].trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\"'")))
      return value.isEmpty ? nil : value
    }
    return nil
  }

  static func normalized(_ name: String) -> String {
    name.trimmingCharacters(in: .whitespaces).lowercased()
  }

  private static func byteOrderMark(_ bytes: ArraySlice<UInt8>) -> (String, Int)? {
    let b = Array(bytes.prefix(4))
    if b.starts(with: [0xEF, 0xBB, 0xBF]) { return ("utf-8", 3) }
    if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("utf-32be", 4) }
    if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("utf-32le", 4) }
    if b.starts(with: [0xFE, 0xFF]) { return ("utf-16be", 2) }
    if b.starts(with: [0xFF, 0xFE]) { return ("utf-16le", 2) }
    return nil
  }

  /// UTF-16 without a BOM, recognised by `<?` written in two bytes a character.
  private static func unmarkedUTF16(_ bytes: ArraySlice<UInt8>) -> String? {
    let b = Array(bytes.prefix(4))
    if b == [0x00, 0x3C, 0x00, 0x3F] { return "utf-16be" }
    if b == [0x3C, 0x00, 0x3F, 0x00] { return "utf-16le" }
    return nil
  }

  /// The `encoding` pseudo-attribute of an XML declaration at the start, or nil.
  static func declaredEncoding(_ bytes: ArraySlice<UInt8>) -> String? {
    guard let range = declarationRange(bytes) else { return nil }
    let declaration = String(decoding: bytes[range], as: UTF8.self)
    guard let key = declaration.range(of: "encoding") else { return nil }
    var rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    let value = rest.dropFirst().prefix { $0 != quote }
    return value.isEmpty ? nil : String(value)
  }

  /// Where `<?xml ... ?>` sits, after any leading whitespace.
  private static func declarationRange(_ bytes: ArraySlice<UInt8>) -> Range<Int>? {
    var start = bytes.startIndex
    while start < bytes.endIndex, FeedDate.isSpace(bytes[start]) { start += 1 }
    let opening: [UInt8] = Array("<?xml".utf8)
    guard bytes[start...].starts(with: opening), start + 5 < bytes.endIndex, FeedDate.isSpace(bytes[start + 5])
    else { return nil }
    let limit = min(bytes.endIndex, start + 512)
    var index = start + 5
    while index + 1 < limit {
      if bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: ">") { return start..<(index + 2) }
      index += 1
    }
    return nil
  }

  /// Drops the XML declaration (and whitespace before it, which XML forbids) from UTF-8 text.
  private static func removeDeclaration(_ text: inout ArraySlice<UInt8>) {
    if let range = declarationRange(text) {
      text = text[range.upperBound...]
    }
  }

  /// Whether `bytes` are valid UTF-8 without a control character XML forbids: then `repairedUTF8` and
  /// `dropForbiddenControls` would give them back unchanged and report nothing. ASCII is checked eight bytes at
  /// a time; other bytes go through `validSequenceLength` as the repair does.
  static func isCleanUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress else { return true }
      let count = buffer.count
      let high: UInt64 = 0x8080_8080_8080_8080
      let spaces: UInt64 = 0x2020_2020_2020_2020
      var index = 0
      while index < count {
        if index + 8 <= count {
          let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
          // Eight ASCII bytes none of which is below 0x20 (the test is exact for bytes below 0x80).
          if word & high == 0, (word &- spaces) & ~word & high == 0 {
            index += 8
            continue
          }
        }
        let byte = base[index]
        if byte < 0x20 {
          guard byte == 0x09 || byte == 0x0A || byte == 0x0D else { return false }
          index += 1
        } else if byte < 0x80 {
          index += 1
        } else {
          let length = validSequenceLength(buffer, at: index)
          guard length > 0 else { return false }
          index += length
        }
      }
      return true
    }
  }

  /// UTF-8 with every byte that is not part of a valid sequence read as Windows-1252.
  static func repairedUTF8(_ bytes: ArraySlice<UInt8>, errors: inout [String]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 16)
    var index = bytes.startIndex
    let end = bytes.endIndex
    var repaired = 0
    while index < end {
      let byte = bytes[index]
      if byte < 0x80 {
        // A run of ASCII is copied in one go.
        var runEnd = index + 1
        while runEnd < end, bytes[runEnd] < 0x80 { runEnd += 1 }
        out.append(contentsOf: bytes[index..<runEnd])
        index = runEnd
        continue
      }
      let length = validSequenceLength(bytes, at: index)
      if length > 0 {
        out.append(contentsOf: bytes[index..<(index + length)])
        index += length
      } else {
        appendScalar(windows1252Scalar(byte), to: &out)
        repaired += 1
        index += 1
      }
    }
    if repaired > 0 { errors.append("\(repaired) bytes that are not UTF-8 were read as Windows-1252") }
    return out
  }

  /// The length of the valid UTF-8 sequence starting at `index`, or 0.
  private static func validSequenceLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> Int
  where Bytes.Index == Int {
    let byte = bytes[index]
    let end = bytes.endIndex
    func continuation(_ offset: Int) -> Bool {
      index + offset < end && bytes[index + offset] & 0xC0 == 0x80
    }
    switch byte {
    case 0xC2...0xDF: return continuation(1) ? 2 : 0
    case 0xE0:
      return continuation(1) && bytes[index + 1] >= 0xA0 && continuation(2) ? 3 : 0
    case 0xED:
      return continuation(1) && bytes[index + 1] < 0xA0 && continuation(2) ? 3 : 0
    case 0xE1...0xEF: return continuation(1) && continuation(2) ? 3 : 0
    case 0xF0:
      return continuation(1) && bytes[index + 1] >= 0x90 && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4:
      return continuation(1) && bytes[index + 1] < 0x90 && continuation(2) && continuation(3) ? 4 : 0
    default: return 0
    }
  }

  static func windows1252(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 { out.append(byte) } else { appendScalar(windows1252Scalar(byte), to: &out) }
    }
    return out
  }

  /// Windows-1252's 0x80–0x9F; the five bytes it leaves undefined keep their Latin-1 (C1) meaning.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D,
    0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
    0x017E, 0x0178,
  ]

  static func windows1252Scalar(_ byte: UInt8) -> UInt32 {
    (0x80...0x9F).contains(byte) ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
  }

  static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
    guard let scalar = Unicode.Scalar(value) else { return }
    out.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  /// Text in any encoding iconv knows, as UTF-8; an undecodable byte becomes U+FFFD. Nil when iconv does not
  /// know the encoding.
  private static func iconvToUTF8(_ bytes: ArraySlice<UInt8>, from encoding: String, errors: inout [String]) -> [UInt8]? {
    let converter = iconv_open("UTF-8", encoding)
    guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var input = Array(bytes)
    var output = [UInt8](repeating: 0, count: max(64, input.count * 4 + 16))
    var result: [UInt8] = []
    result.reserveCapacity(input.count)
    var bad = 0
    input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
        var inLeft = inBuffer.count
        while inLeft > 0 {
          var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(
            to: CChar.self)
          var outLeft = outBuffer.count
          let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
          result.append(contentsOf: UnsafeBufferPointer(start: outBase, count: outBuffer.count - outLeft))
          if status == -1 {
            let code = errno
            if code == E2BIG { continue }
            // An invalid or truncated sequence: one replacement character, then carry on after the byte.
            result.append(contentsOf: [0xEF, 0xBF, 0xBD])
            bad += 1
            inPointer = inPointer.map { $0 + 1 }
            inLeft -= 1
          }
        }
      }
    }
    if bad > 0 { errors.append("\(bad) bytes could not be read as \(encoding)") }
    return result
  }

  /// Removes C0 controls other than tab, newline and carriage return: no XML parser accepts them.
  private static func dropForbiddenControls(_ text: inout ArraySlice<UInt8>, errors: inout [String]) {
    guard text.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return }
    let before = text.count
    text = text.filter { !($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) }[...]
    errors.append("\(before - text.count) control characters removed")
  }
}
