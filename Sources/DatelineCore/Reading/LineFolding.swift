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

  /// The first word of a line, lower-cased (up to the first space or the pattern's '*'), or nil for an
  /// empty line. Cheap: it looks only at the line's start.
  static func firstWord(_ text: Substring) -> String? {
    var word = ""
    for scalar in text.unicodeScalars.prefix(40) {
      if InputLine.isSpace(scalar) || scalar == "*" { break }
      word.unicodeScalars.append(contentsOf: foldScalar(scalar))
    }
    return word.isEmpty ? nil : word
  }
}
