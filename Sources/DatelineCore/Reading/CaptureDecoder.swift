/// Turns the bytes of a capture into text: byte-order marks, UTF-16/UTF-32, damaged UTF-8 and legacy 8-bit
/// encodings are handled; binary files are refused.
public enum CaptureDecoder {
  /// Decodes `bytes`. `source` names the capture in errors.
  public static func decode(_ bytes: [UInt8], source: String) throws(CaptureReadError) -> String {
    if bytes.isEmpty { throw .empty(source: source) }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try decodeUTF8(bytes[3...], source: source) }
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return try decodeUTF32(bytes.dropFirst(4), bigEndian: false, source: source) }
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return try decodeUTF32(bytes.dropFirst(4), bigEndian: true, source: source) }
    if bytes.starts(with: [0xFF, 0xFE]) { return try decodeUTF16(bytes.dropFirst(2), bigEndian: false, source: source) }
    if bytes.starts(with: [0xFE, 0xFF]) { return try decodeUTF16(bytes.dropFirst(2), bigEndian: true, source: source) }
    return try decodeUTF8(bytes[...], source: source)
  }

  /// The bytes of a capture that is UTF-8 if anything (no UTF-16 or UTF-32 byte-order mark), without a UTF-8
  /// one, for reading straight from the bytes; nil for the other encodings, which go through `decode`. They are
  /// not yet known to be valid UTF-8.
  static func utf8Body(_ bytes: [UInt8], source: String) throws(CaptureReadError) -> ArraySlice<UInt8>? {
    if bytes.isEmpty { throw .empty(source: source) }
    guard !bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF])
      && !bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
    else { return nil }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    if looksBinary(body) { throw .binary(source: source) }
    return body
  }

  /// True when the first bytes look like a binary file rather than text: NUL bytes or many control bytes.
  /// (UTF-16 text has NULs too, so callers check for its byte-order mark first.)
  static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
    let sample = bytes.prefix(65_536)
    var controls = 0
    for byte in sample {
      if byte == 0 { return true }
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B { controls += 1 }
    }
    return controls * 20 > sample.count  // more than 5% control bytes: no text capture looks like that
  }

  private static func decodeUTF8(_ bytes: ArraySlice<UInt8>, source: String) throws(CaptureReadError) -> String {
    if looksBinary(bytes) { throw .binary(source: source) }
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    // Not valid UTF-8. If it holds valid multi-byte sequences too, it is UTF-8 with some damage: repair the bad
    // bytes. If it has none, it is a legacy 8-bit file (Windows-1252, a superset of Latin-1 for printable text).
    if containsValidMultibyteSequence(bytes) {
      return String(decoding: bytes, as: UTF8.self)
    }
    return decodeWindows1252(bytes)
  }

  static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, source: String) throws(CaptureReadError) -> String {
    guard bytes.count % 2 == 0 else {
      throw .invalidEncoding(source: source, detail: "UTF-16 byte-order mark but an odd number of bytes")
    }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
      units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
      index += 2
    }
    return String(decoding: units, as: UTF16.self)
  }

  private static func decodeUTF32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, source: String) throws(CaptureReadError) -> String {
    guard bytes.count % 4 == 0 else {
      throw .invalidEncoding(source: source, detail: "UTF-32 byte-order mark but a length not a multiple of 4")
    }
    var scalars = String.UnicodeScalarView()
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let b = bytes[index..<index + 4].map(UInt32.init)
      let value = bigEndian ? (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) : (b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0])
      scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
      index += 4
    }
    return String(scalars)
  }

  static func containsValidMultibyteSequence(_ bytes: ArraySlice<UInt8>) -> Bool {
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let lead = bytes[index]
      let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0
      if length > 0, index + length <= bytes.endIndex,
        bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 })
      {
        return true
      }
      index += 1
    }
    return false
  }

  /// Windows-1252's 0x80–0x9F block; the rest of the bytes map to the same code points as Latin-1.
  static let windows1252High: [UInt32] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
    0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0xFFFD, 0x017E, 0x0178,
  ]

  /// Windows-1252 bytes as UTF-8 bytes, written directly (no String built scalar by scalar: web pages in this
  /// charset are read on every load).
  static func windows1252UTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        result.append(byte)
        continue
      }
      let value = byte < 0xA0 ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
      // Every Windows-1252 character lies below U+10000: two or three bytes.
      if value < 0x800 {
        result.append(UInt8(0xC0 | (value >> 6)))
        result.append(UInt8(0x80 | (value & 0x3F)))
      } else {
        result.append(UInt8(0xE0 | (value >> 12)))
        result.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
        result.append(UInt8(0x80 | (value & 0x3F)))
      }
    }
    return result
  }

  static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
      scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
    return String(scalars)
  }
}
