/// One token of a text: a half-open range of Unicode scalar offsets.
public struct Token: Sendable, Hashable {
  /// Offset of the first scalar.
  public var start: Int
  /// Offset just past the last scalar.
  public var end: Int
  /// True for a word (it starts with a letter or digit), false for punctuation and symbols.
  public var isWord: Bool

  public init(start: Int, end: Int, isWord: Bool) {
    self.start = start
    self.end = end
    self.isWord = isWord
  }
}

/// Splits text into words and punctuation the way the tagger was trained (see `scripts/ner/nerlib.py`).
///
/// - Curly and straight apostrophes inside a word keep it whole ("O’Brien", "hasn't"); a final possessive
///   "'s" / "’s" is a token of its own, so a name's span never includes it.
/// - Hyphens join words ("Hyung-Jin", "Kim Yong-bok"), except before a suffix such as "-based" or "-led" after a
///   capitalised word ("U.S.-based" gives "U.S.", "-", "based").
/// - Initialisms keep their periods ("U.S.", "U.N."), as do common abbreviations ("Mr.", "Gen.").
/// - Numbers keep inner commas and periods ("10,000", "3.5"); every other symbol is a token by itself.
public enum Tokenizer {
  /// The tokens of `text`, with offsets in Unicode scalars.
  public static func tokens(in text: String) -> [Token] { tokens(in: Array(text.unicodeScalars)) }

  /// The tokens of a text given as its Unicode scalars.
  public static func tokens(in scalars: [Unicode.Scalar]) -> [Token] {
    var result: [Token] = []
    result.reserveCapacity(scalars.count / 5 + 1)
    let n = scalars.count
    var i = 0
    while i < n {
      let c = scalars[i]
      if FeatureHasher.isSpace(c) {
        i += 1
        continue
      }
      guard FeatureHasher.isLetter(c) || FeatureHasher.isDigit(c) else {
        result.append(Token(start: i, end: i + 1, isWord: false))
        i += 1
        continue
      }
      let start = i
      i += 1
      scan: while i < n {
        let c = scalars[i]
        if FeatureHasher.isLetter(c) || FeatureHasher.isDigit(c) {
          i += 1
          continue
        }
        let next: Unicode.Scalar? = i + 1 < n ? scalars[i + 1] : nil
        let nextIsLetter = next.map(FeatureHasher.isLetter) ?? false
        let nextIsDigit = next.map(FeatureHasher.isDigit) ?? false
        let v = c.value
        if (v == 0x27 || v == 0x2019 || v == 0x2BC || v == 0x2018) && nextIsLetter {
          i += 1
        } else if (v == 0x2D || v == 0x2010 || v == 0x2011) && (nextIsLetter || nextIsDigit) {
          i += 1
        } else if v == 0x2C && nextIsDigit && FeatureHasher.isDigit(scalars[i - 1]) {
          i += 1
        } else if v == 0x2E {
          if nextIsDigit && FeatureHasher.isDigit(scalars[i - 1]) {
            i += 1
          } else if isInitialism(scalars, start..<i) && (nextIsLetter || contains(scalars, start..<i, 0x2E)) {
            i += 1
          } else if FeatureHasher.isUpper(scalars[start]) && isAbbreviation(scalars, start..<i) {
            i += 1
            break scan
          } else {
            break scan
          }
        } else {
          break scan
        }
      }
      appendWord(scalars, start, i, to: &result)
    }
    return result
  }

  private static func contains(_ s: [Unicode.Scalar], _ r: Range<Int>, _ value: UInt32) -> Bool {
    for i in r where s[i].value == value { return true }
    return false
  }

  /// Single letters separated by periods: "U", "U.S", "U.S.".
  private static func isInitialism(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
    var letters = 0
    for i in r {
      if s[i].value == 0x2E {
        if letters != 1 { return false }
        letters = 0
      } else if FeatureHasher.isLetter(s[i]) {
        letters += 1
        if letters > 1 { return false }
      } else {
        return false
      }
    }
    return letters <= 1
  }

  private static let abbreviationHashes: Set<UInt64> = Set(
    ["mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "st", "jr", "sr", "prof", "rep", "sen", "gov", "maj",
     "capt", "adm", "rev", "vs", "inc", "ltd", "co", "corp", "mt", "ft", "pres", "cpl", "pvt", "cmdr"]
      .map(asciiHash))

  private static let hyphenSuffixHashes: Set<UInt64> = Set(
    ["based", "led", "backed", "controlled", "occupied", "held", "run", "owned", "made", "born", "funded",
     "allied", "aligned", "bound", "friendly", "sponsored", "linked", "supported", "style", "era", "area",
     "annexed", "installed", "appointed", "brokered", "registered", "listed", "headquartered", "operated"]
      .map(asciiHash))

  private static func asciiHash(_ word: String) -> UInt64 {
    word.unicodeScalars.reduce(FeatureHasher.offset) { FeatureHasher.step($0, $1.value) }
  }

  private static func isAbbreviation(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
    r.count <= 4 && abbreviationHashes.contains(FeatureHasher.lowerHash(s, r))
  }

  private static func isHyphen(_ s: Unicode.Scalar) -> Bool {
    s.value == 0x2D || s.value == 0x2010 || s.value == 0x2011
  }

  private static func appendWord(_ s: [Unicode.Scalar], _ start: Int, _ endIn: Int, to result: inout [Token]) {
    var end = endIn
    var possessives: [Token] = []
    while end - start > 2, [0x27, 0x2019, 0x2BC, 0x2018].contains(s[end - 2].value), s[end - 1] == "s" || s[end - 1] == "S" {
      possessives.insert(Token(start: end - 2, end: end, isWord: true), at: 0)
      end -= 2
    }
    var lastHyphen = -1
    for i in start..<end where isHyphen(s[i]) { lastHyphen = i }
    if lastHyphen > start, FeatureHasher.isUpper(s[start]),
      hyphenSuffixHashes.contains(FeatureHasher.lowerHash(s, (lastHyphen + 1)..<end))
    {
      result.append(Token(start: start, end: lastHyphen, isWord: true))
      result.append(Token(start: lastHyphen, end: lastHyphen + 1, isWord: false))
      result.append(Token(start: lastHyphen + 1, end: end, isWord: true))
    } else {
      result.append(Token(start: start, end: end, isWord: true))
    }
    result += possessives
  }
}
