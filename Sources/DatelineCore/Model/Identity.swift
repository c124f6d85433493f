/// The identity of a story: a fingerprint of its headline.
public struct StoryID: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(headline: String) { self.rawValue = TextFingerprint.key(headline, maxWords: 12) }
  public var description: String { rawValue }
}

/// The identity of an update within its story: a hash of its title's fingerprint, or of its opening words when
/// it has none. Two captures of the same live blog give the same update the same id unless its title was
/// rewritten. A hash, not the fingerprint itself, so that it fits in a string's inline storage: a large capture
/// has hundreds of thousands of updates.
public struct UpdateID: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(title: String?, firstParagraph: String?) {
    if let title, case let key = TextFingerprint.key(title), !key.isEmpty {
      rawValue = "t:" + Self.hash(key)
    } else {
      rawValue = "p:" + Self.hash(TextFingerprint.key(firstParagraph ?? "", maxWords: 10))
    }
  }
  public var description: String { rawValue }

  /// A 64-bit FNV-1a hash in base 36 (at most 13 characters).
  static func hash(_ key: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return String(hash, radix: 36)
  }
}
