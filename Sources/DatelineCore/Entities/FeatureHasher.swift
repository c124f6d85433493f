/// The hashing and character classes shared by the tokenizer, the gazetteer and the tagger's features.
///
/// Mirrors `scripts/ner/nerlib.py` exactly: the shipped weights are indexed by these hashes.
enum FeatureHasher {
  static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
  static let prime: UInt64 = 0x100_0000_01B3
  /// Stand-ins for the words before the first and after the last token.
  static let beginning: UInt64 = 0x1111
  static let end: UInt64 = 0x2222

  /// One FNV-1a step over a Unicode scalar value.
  @inline(__always)
  static func step(_ hash: UInt64, _ value: UInt32) -> UInt64 {
    (hash ^ UInt64(value)) &* prime
  }

  /// A feature template and its value, mixed into one well-spread 64-bit number.
  @inline(__always)
  static func mix(_ template: UInt64, _ value: UInt64) -> UInt64 {
    var x = value ^ (template &* 0x9E37_79B9_7F4A_7C15)
    x ^= x >> 31
    x = x &* 0xBF58_476D_1CE4_E5B9
    x ^= x >> 29
    return x
  }

  /// Two hashed values combined into one feature value.
  @inline(__always)
  static func combo(_ a: UInt64, _ b: UInt64) -> UInt64 { a &* 31 &+ b }

  /// Curly apostrophes (and the left single quote, often typed for one) fold to the ASCII one.
  @inline(__always)
  static func normalized(_ value: UInt32) -> UInt32 {
    value == 0x2019 || value == 0x2BC || value == 0x2018 ? 0x27 : value
  }

  /// The scalar lower-cased the way the training script does it (first scalar of the full mapping).
  @inline(__always)
  static func lowered(_ scalar: Unicode.Scalar) -> UInt32 {
    let value = normalized(scalar.value)
    if value < 128 { return value >= 65 && value <= 90 ? value + 32 : value }
    guard isUpper(scalar) else { return value }
    return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
  }

  /// Shape class of a scalar: "X" upper, "x" other letter, "d" digit, nil for a combining mark, else itself.
  @inline(__always)
  static func shapeClass(_ scalar: Unicode.Scalar) -> UInt32? {
    let value = normalized(scalar.value)
    if value < 128 {
      if value >= 65 && value <= 90 { return 88 }
      if value >= 97 && value <= 122 { return 120 }
      if value >= 48 && value <= 57 { return 100 }
      return value
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .titlecaseLetter: return 88
    case .lowercaseLetter, .modifierLetter, .otherLetter: return 120
    case .nonspacingMark, .spacingMark, .enclosingMark: return nil
    case .decimalNumber: return 100
    default: return value
    }
  }

  /// A letter or combining mark.
  @inline(__always)
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 128 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
      .spacingMark, .enclosingMark:
      return true
    default: return false
    }
  }

  /// A decimal digit.
  @inline(__always)
  static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 128 { return v >= 48 && v <= 57 }
    return scalar.properties.generalCategory == .decimalNumber
  }

  /// An upper-case or title-case letter.
  @inline(__always)
  static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 128 { return v >= 65 && v <= 90 }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .titlecaseLetter: return true
    default: return false
    }
  }

  /// A lower-case letter.
  @inline(__always)
  static func isLower(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 128 { return v >= 97 && v <= 122 }
    return scalar.properties.generalCategory == .lowercaseLetter
  }

  /// Whitespace, control and format characters, which separate tokens and are never part of one.
  @inline(__always)
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 128 { return v <= 32 || v == 127 }
    if scalar.properties.isWhitespace { return true }
    switch scalar.properties.generalCategory {
    case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
    default: return false
    }
  }

  /// The lower-case hash of `scalars[range]`, as a gazetteer key for one word.
  static func lowerHash(_ scalars: [Unicode.Scalar], _ range: Range<Int>, from start: UInt64 = offset) -> UInt64 {
    var h = start
    for i in range { h = step(h, lowered(scalars[i])) }
    return h
  }

  /// The lower-case hash of a string's words joined by single spaces (a gazetteer key).
  static func phraseHash(_ text: String) -> UInt64 {
    let scalars = Array(text.unicodeScalars)
    var h = offset
    for (n, token) in Tokenizer.tokens(in: scalars).enumerated() {
      if n > 0 { h = step(h, 0x20) }
      h = lowerHash(scalars, token.start..<token.end, from: h)
    }
    return h
  }
}
