/// The identity of a story: a fingerprint of its headline.
public struct StoryID: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(headline: String) { self.rawValue = TextFingerprint.key(headline, maxWords: 12) }
  public var description: String { rawValue }
}

/// The identity of an update within its story: a fingerprint of its title, or of its opening words when it has
/// none. Two captures of the same live blog give the same update the same id unless its title was rewritten.
public struct UpdateID: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(title: String?, firstParagraph: String?) {
    if let title, case let key = TextFingerprint.key(title), !key.isEmpty {
      rawValue = "t:" + key
    } else {
      rawValue = "p:" + TextFingerprint.key(firstParagraph ?? "", maxWords: 10)
    }
  }
  public var description: String { rawValue }
}
