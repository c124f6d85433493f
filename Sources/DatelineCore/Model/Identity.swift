/// The identity of a story: a fingerprint of its headline.
public struct StoryID: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(headline: String) { self.rawValue = TextFingerprint.key(headline, maxWords: 12) }
  /// The identity of a web page by its canonical URL: "url:" and the URL with its scheme and host in lower
  /// case, without its fragment, tracking parameters or a trailing slash (none of which make another page).
  public init(url: String) { self.rawValue = "url:" + Self.normalized(url) }

  static func normalized(_ url: String) -> String {
    var rest = Substring(url.trimmingASCIISpace())
    if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
    var query: Substring = ""
    if let mark = rest.firstIndex(of: "?") {
      query = rest[rest.index(after: mark)...]
      rest = rest[..<mark]
    }
    var head = "", path = String(rest)
    if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
      let afterScheme = rest[rest.index(colon, offsetBy: 3)...]
      let slash = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
      head = rest[..<afterScheme.startIndex].lowercased() + afterScheme[..<slash].lowercased()
      path = String(afterScheme[slash...])
    }
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    if path == "/" { path = "" }
    let kept = query.split(separator: "&").filter { !$0.lowercased().hasPrefix("utm_") && !$0.isEmpty }
    return head + path + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
  }
  public var description: String { rawValue }
}

/// The identity of an update within its story: a hash of its title's fingerprint, or of its opening words when
/// it has none. Two captures of the same live blog give the same update the same id unless its title was
/// rewritten. A hash, not the fingerprint itself, so that it fits in a string's inline storage: a large capture
/// has hundreds of thousands of updates.
public struct UpdateID: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  /// The identity of a post by the page's own id for it (an element id, a JSON-LD `@id` fragment): stable
  /// whatever the post's title or text becomes. Long ids are hashed, so every id fits in little space.
  public init(pageID: String) {
    let trimmed = pageID.trimmingASCIISpace()
    rawValue = trimmed.utf8.count <= 48 ? "id:" + trimmed : Self.format("h", TextFingerprint.byteHash(trimmed))
  }

  /// Whether the id is the page's own id for the post (`init(pageID:)`), not one derived from its text.
  public var isPageID: Bool { rawValue.hasPrefix("id:") || rawValue.hasPrefix("h:") }

  public init(title: String?, firstParagraph: String?) {
    self.init(titleKeyHash: title.map { TextFingerprint.keyHash($0) }, firstParagraph: firstParagraph)
  }

  /// The same, with the title's `TextFingerprint.keyHash` already computed.
  init(titleKeyHash: UInt64?, firstParagraph: String?) {
    self = Self.withHash(titleKeyHash: titleKeyHash, firstParagraph: firstParagraph).id
  }

  /// The same, with the hash the id is made of. Equal ids have equal hashes, so hashes that are all different
  /// show cheaply that the ids are too.
  static func withHash(titleKeyHash: UInt64?, firstParagraph: String?) -> (id: UpdateID, hash: UInt64) {
    if let titleKeyHash, titleKeyHash != TextFingerprint.emptyKeyHash {
      return (UpdateID(rawValue: format("t", titleKeyHash)), titleKeyHash)
    }
    let hash = TextFingerprint.keyHash(firstParagraph ?? "", maxWords: 10)
    return (UpdateID(rawValue: format("p", hash)), hash)
  }

  /// "t:" or "p:" and the hash in base 36: at most 15 bytes, so the string needs no heap storage.
  private static func format(_ prefix: Unicode.Scalar, _ hash: UInt64) -> String {
    var count = 1
    var rest = hash / 36
    while rest > 0 {
      count += 1
      rest /= 36
    }
    return String(unsafeUninitializedCapacity: count + 2) { buffer in
      buffer[0] = UInt8(ascii: prefix)
      buffer[1] = UInt8(ascii: ":")
      var value = hash
      for position in stride(from: count + 1, through: 2, by: -1) {
        let digit = UInt8(value % 36)
        buffer[position] = digit < 10 ? 0x30 + digit : 0x57 + digit  // 0-9, then a-z
        value /= 36
      }
      return count + 2
    }
  }
  public var description: String { rawValue }
}
