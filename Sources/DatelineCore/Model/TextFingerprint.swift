/// Normalises text for identity and comparison: case, punctuation, quote styles and spacing do not count.
public enum TextFingerprint {
  /// Lower-cased letters and digits, words joined by single hyphens, at most `maxWords` words.
  public static func key(_ text: String, maxWords: Int = .max) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var words = 0
    var inWord = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        // ASCII fast path: most text is, and Unicode property look-ups are slow.
        let isLower = value &- 0x61 < 26, isUpper = value &- 0x41 < 26, isDigit = value &- 0x30 < 10
        if isLower || isUpper || isDigit {
          if !inWord {
            if words == maxWords { break }
            if words > 0 { bytes.append(0x2D) }
            words += 1
            inWord = true
          }
          bytes.append(UInt8(isUpper ? value + 0x20 : value))
        } else if value != 0x27 {  // "Russia's" is one word
          inWord = false
        }
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        if !inWord {
          if words == maxWords { break }
          if words > 0 { bytes.append(0x2D) }
          words += 1
          inWord = true
        }
        bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      } else if value != 0x2019 {  // "Russia’s" too
        inWord = false
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A hash of each word of `text` (as `words` splits it): cheap to compare, no allocation per word.
  static func wordHashes(_ text: String) -> [UInt64] {
    var hashes: [UInt64] = []
    var hash: UInt64 = 0
    forEachWordByte(text) { byte, startsWord in
      if startsWord {
        if !hashes.isEmpty || hash != 0 { hashes.append(hash) }
        hash = 0xcbf2_9ce4_8422_2325
      }
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3  // FNV-1a
      return true
    }
    if hash != 0 { hashes.append(hash) }
    return hashes
  }

  /// Calls `body` with each lower-cased UTF-8 byte of each word, flagging the first byte of a word; stops when
  /// `body` returns false.
  private static func forEachWordByte(_ text: String, _ body: (UInt8, Bool) -> Bool) {
    var inWord = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        // ASCII fast path: most text is, and Unicode property look-ups are slow.
        var byte: UInt8?
        if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
          byte = UInt8(value)
        } else if (0x41...0x5A).contains(value) {
          byte = UInt8(value + 0x20)
        } else if value == 0x27 {
          continue  // "Russia's" is one word
        }
        if let byte {
          if !body(byte, !inWord) { return }
          inWord = true
        } else {
          inWord = false
        }
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        for (offset, byte) in scalar.properties.lowercaseMapping.utf8.enumerated() {
          if !body(byte, !inWord && offset == 0) { return }
        }
        inWord = true
      } else if value != 0x2019 {  // "Russia’s" too
        inWord = false
      }
    }
  }

  /// The words of `text` (the first `limit` of them), lower-cased, letters and digits only.
  public static func words(_ text: String, limit: Int = .max) -> [String] {
    var result: [String] = []
    var current: [UInt8] = []
    func endWord() -> Bool {
      guard !current.isEmpty else { return false }
      result.append(String(decoding: current, as: UTF8.self))
      current.removeAll(keepingCapacity: true)
      return result.count >= limit
    }
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        // ASCII fast path: most text is, and Unicode property look-ups are slow.
        if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
          current.append(UInt8(value))
        } else if (0x41...0x5A).contains(value) {
          current.append(UInt8(value + 0x20))
        } else if value != 0x27, endWord() {  // "Russia's" is one word
          return result
        }
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        current.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      } else if value != 0x2019, endWord() {  // "Russia’s" too
        return result
      }
    }
    _ = endWord()
    return result
  }
}

extension String {
  /// The first `count` words, with an ellipsis when there were more.
  func firstWords(_ count: Int) -> String {
    let parts = split(separator: " ", omittingEmptySubsequences: true)
    let head = parts.prefix(count).joined(separator: " ")
    return parts.count > count ? head + "…" : head
  }
}
