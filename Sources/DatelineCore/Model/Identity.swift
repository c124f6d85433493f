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
    let empty: UInt64 = 0xcbf2_9ce4_8422_2325  // the hash of no bytes: a title with no letters or digits
    if let title, case let hash = TextFingerprint.keyHash(title), hash != empty {
      rawValue = "t:" + String(hash, radix: 36)
    } else {
      rawValue = "p:" + String(TextFingerprint.keyHash(firstParagraph ?? "", maxWords: 10), radix: 36)
    }
  }
  public var description: String { rawValue }
}
