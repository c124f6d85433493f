/// The folding under which boilerplate patterns are compared: lower case, straight quotes, one space between
/// words. It works scalar by scalar and remembers where each folded character came from, so a match on the
/// folded text can be cut from the original.
enum LineFolding {
  /// Lines longer than this are never boilerplate: rules only look at short lines.
  static let longestBoilerplate = 1_000

  static func fold(_ text: Substring) -> String {
    String(String.UnicodeScalarView(foldWithOffsets(text).folded))
  }

  /// The folded text and, for each folded character, the scalar offset in `text` just past its source.
  static func foldWithOffsets(_ text: Substring) -> (folded: [Unicode.Scalar], sourceEnds: [Int]) {
    var folded: [Unicode.Scalar] = []
    var ends: [Int] = []
    var lastWasSpace = true
    for (offset, scalar) in text.unicodeScalars.enumerated() {
      if InputLine.isSpace(scalar) {
        if !lastWasSpace {
          folded.append(" ")
          ends.append(offset + 1)
        }
        lastWasSpace = true
        continue
      }
      lastWasSpace = false
      if scalar.isASCII {
        folded.append(foldASCII(scalar))
        ends.append(offset + 1)
        continue
      }
      for piece in foldScalar(scalar) {
        folded.append(piece)
        ends.append(offset + 1)
      }
    }
    if folded.last == " " {
      folded.removeLast()
      ends.removeLast()
    }
    return (folded, ends)
  }

  /// The first `count` scalars of `text` as `fold` gives them, folding no more of the line than that.
  static func foldedPrefix(_ text: Substring, count: Int) -> [Unicode.Scalar] {
    var folded: [Unicode.Scalar] = []
    folded.reserveCapacity(count)
    var lastWasSpace = true
    for scalar in text.unicodeScalars {
      if folded.count >= count { break }
      if InputLine.isSpace(scalar) {
        if !lastWasSpace { folded.append(" ") }
        lastWasSpace = true
        continue
      }
      lastWasSpace = false
      if scalar.isASCII {
        folded.append(foldASCII(scalar))
      } else {
        folded.append(contentsOf: foldScalar(scalar))
      }
    }
    if folded.count > count { folded.removeLast(folded.count - count) }
    return folded
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

  /// A packed form of a line's first one to three folded characters, used to index rules without allocating.
  typealias Key = UInt64

  /// The keys of a line's first word: its first folded character, its first two, and its first three (fewer
  /// when the word is shorter). Empty for a line that starts with a space or '*'.
  static func keys(_ text: Substring) -> [Key] {
    var keys: [Key] = []
    forEachKey(text) { keys.append($0) }
    return keys
  }

  /// Calls `body` with each key of `keys(_:)`, without allocating.
  @inline(__always)
  static func forEachKey(_ text: Substring, _ body: (Key) -> Void) {
    var key: Key = 0
    var taken = 0
    for scalar in text.unicodeScalars {
      if taken == 3 || InputLine.isSpace(scalar) || scalar == "*" { return }
      let folded = scalar.isASCII ? foldASCII(scalar).value : foldScalar(scalar).first?.value ?? scalar.value
      key = key << 21 | Key(folded)  // no folded character is 0, so keys of different lengths never collide
      taken += 1
      body(key)
    }
  }
}
