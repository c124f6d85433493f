/// Normalises text for identity and comparison: case, punctuation, quote styles and spacing do not count.
public enum TextFingerprint {
  /// Lower-cased letters and digits, words joined by single hyphens, at most `maxWords` words.
  public static func key(_ text: String, maxWords: Int = .max) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var words = 0
    forEachWordByte(text) { byte, startsWord in
      if startsWord {
        if words == maxWords { return false }
        if words > 0 { bytes.append(0x2D) }
        words += 1
      }
      bytes.append(byte)
      return true
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The words of `text` (the first `limit` of them), lower-cased, letters and digits only.
  public static func words(_ text: String, limit: Int = .max) -> [String] {
    var result: [String] = []
    var current: [UInt8] = []
    forEachWordByte(text) { byte, startsWord in
      if startsWord && !current.isEmpty {
        result.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
        if result.count >= limit { return false }
      }
      current.append(byte)
      return true
    }
    if !current.isEmpty && result.count < limit { result.append(String(decoding: current, as: UTF8.self)) }
    return result
  }

  /// A 64-bit FNV-1a hash of `key(text, maxWords:)`, computed without building the key.
  static func keyHash(_ text: String, maxWords: Int = .max) -> UInt64 {
    var hash = emptyKeyHash
    var words = 0
    forEachWordByte(text) { byte, startsWord in
      if startsWord {
        if words == maxWords { return false }
        if words > 0 { hash = (hash ^ 0x2D) &* 0x100_0000_01b3 }
        words += 1
      }
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      return true
    }
    return hash
  }

  /// A hash of each word of `text` (as `words` splits it): cheap to compare, no allocation per word.
  static func wordHashes(_ text: String) -> [UInt64] {
    var hashes: [UInt64] = []
    _ = wordHashes(text, into: &hashes)
    return hashes
  }

  /// Replaces the contents of `hashes` with the word hashes of `text` (reusing its storage: this runs for
  /// every title of a capture) and returns `keyHash(text)`, computed in the same pass.
  static func wordHashes(_ text: String, into hashes: inout [UInt64]) -> UInt64 {
    hashes.removeAll(keepingCapacity: true)
    var hash: UInt64 = 0
    var key: UInt64 = emptyKeyHash
    var started = false
    forEachWordByte(text) { byte, startsWord in
      if startsWord {
        if started {
          hashes.append(hash)
          key = (key ^ 0x2D) &* 0x100_0000_01b3
        }
        hash = 0xcbf2_9ce4_8422_2325
        started = true
      }
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3  // FNV-1a
      key = (key ^ UInt64(byte)) &* 0x100_0000_01b3
      return true
    }
    if started { hashes.append(hash) }
    return key
  }

  /// A 64-bit FNV-1a hash of the exact bytes of `text`.
  static func byteHash(_ text: String) -> UInt64 {
    var hash = emptyKeyHash
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }

  /// `keyHash` of a text with no letters or digits.
  static let emptyKeyHash: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Calls `body` with each lower-cased UTF-8 byte of each word, flagging the first byte of a word; stops when
  /// `body` returns false. Apostrophes (straight or curly) do not split a word: "Russia's" is one.
  @inline(__always)
  private static func forEachWordByte(_ text: String, _ body: (UInt8, Bool) -> Bool) {
    var text = text
    text.makeContiguousUTF8()
    _ = text.utf8.withContiguousStorageIfAvailable { bytes in
      var inWord = false
      var index = 0
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        if byte < 0x80 {
          // ASCII fast path: most text is, and Unicode property look-ups are slow.
          index += 1
          if byte &- 0x61 < 26 || byte &- 0x30 < 10 {
            if !body(byte, !inWord) { return }
            inWord = true
          } else if byte &- 0x41 < 26 {
            if !body(byte + 0x20, !inWord) { return }
            inWord = true
          } else if byte != 0x27 {
            inWord = false
          }
          continue
        }
        if byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80 {
          index += 3
          if bytes[index - 1] != 0x99 { inWord = false }  // ’ keeps the word; other punctuation ends it
          continue
        }
        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
          index += 1
          inWord = false
          continue
        }
        index += UTF8.width(scalar)
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
          for (offset, lowered) in scalar.properties.lowercaseMapping.utf8.enumerated() {
            if !body(lowered, !inWord && offset == 0) { return }
          }
          inWord = true
        } else {
          inWord = false
        }
      }
    }
  }
}

extension String {
  /// The first `count` words, with an ellipsis when there were more.
  func firstWords(_ count: Int) -> String {
    // One more than needed tells whether there is more; the rest of a long text is never split.
    let parts = split(separator: " ", maxSplits: count, omittingEmptySubsequences: true)
    let head = parts.prefix(count).joined(separator: " ")
    return parts.count > count ? head + "…" : head
  }
}
