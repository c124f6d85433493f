/// The folding under which boilerplate patterns are compared: lower case, straight quotes, one space between
/// words. It works scalar by scalar and remembers where each folded character came from, so a match on the
/// folded text can be cut from the original.
enum LineFolding {
  /// Lines longer than this are never boilerplate: rules only look at short lines.
  static let longestBoilerplate = 1_000

  static func fold(_ text: Substring) -> String {
    String(scalars: foldWithOffsets(text).folded)
  }

  /// The folded text and, for each folded character, the scalar offset in `text` just past its source.
  static func foldWithOffsets(_ text: Substring) -> (folded: [Unicode.Scalar], sourceEnds: [Int]) {
    // Iterating a native String's scalars is far cheaper than a Substring's: work on a copy.
    let string = String(text)
    var folded: [Unicode.Scalar] = []
    var ends: [Int] = []
    folded.reserveCapacity(string.utf8.count)
    ends.reserveCapacity(string.utf8.count)
    var lastWasSpace = true
    var offset = 0
    for scalar in string.unicodeScalars {
      offset += 1
      if InputLine.isSpace(scalar) {
        if !lastWasSpace {
          folded.append(" ")
          ends.append(offset)
        }
        lastWasSpace = true
        continue
      }
      lastWasSpace = false
      if scalar.isASCII {
        folded.append(foldASCII(scalar))
        ends.append(offset)
        continue
      }
      for piece in foldScalar(scalar) {
        folded.append(piece)
        ends.append(offset)
      }
    }
    if folded.last == " " {
      folded.removeLast()
      ends.removeLast()
    }
    return (folded, ends)
  }

  @inline(__always)
  private static func foldASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
  }

  private static func foldScalar(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
    switch scalar {
    case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": return ["'"]
    case "\u{201C}", "\u{201D}", "\u{201F}", "\u{2033}": return ["\""]
    case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}": return ["-"]
    default:
      if scalar.isASCII {
        let v = scalar.value
        return [(0x41...0x5A).contains(v) ? Unicode.Scalar(v + 0x20)! : scalar]
      }
      return Array(scalar.properties.lowercaseMapping.unicodeScalars)
    }
  }

  /// The UTF-8 bytes of the folded start of `text`, at most `limit` of them (a multi-byte character is never
  /// cut). Folding is `fold`'s: used to compare a line's start with the rules' first literal pieces cheaply.
  static func foldedHead(_ text: String, limit: Int) -> [UInt8] {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { foldedHead($0, limit: limit) } ?? []
  }

  private static func foldedHead(_ source: UnsafeBufferPointer<UInt8>, limit: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(limit + 4)
    var lastWasSpace = true
    var index = 0
    while index < source.count && bytes.count < limit {
      let byte = source[index]
      if byte < 0x80 {
        index += 1
        if byte == 0x20 || byte &- 0x09 < 5 {
          if !lastWasSpace { bytes.append(0x20) }
          lastWasSpace = true
        } else {
          bytes.append(byte &- 0x41 < 26 ? byte + 0x20 : byte)
          lastWasSpace = false
        }
        continue
      }
      // A non-ASCII character: decode it and fold it as `fold` does.
      var iterator = UnsafeBufferPointer(rebasing: source[index...]).makeIterator()
      var decoder = UTF8()
      guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { break }
      index += UTF8.width(scalar)
      if isSpace(scalar) {
        if !lastWasSpace { bytes.append(0x20) }
        lastWasSpace = true
        continue
      }
      for piece in foldScalar(scalar) {
        if let encoded = UTF8.encode(piece) { bytes.append(contentsOf: encoded) }
      }
      lastWasSpace = false
    }
    if bytes.count > limit { bytes.removeLast(bytes.count - limit) }
    return bytes  // lines arrive trimmed, so a trailing space here is one inside the line: it counts
  }

  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { InputLine.isSpace(scalar) }
}
