/// Whether a line repeats a post's title: the same words, a shortened form, or the title with a word or two
/// added, as related-story cards under a post do.
enum TitleSimilarity {
  /// Share of the shorter text's words that must appear in the other.
  static let overlap = 0.8
  static let fewestWords = 3

  static func isRepeat(_ line: String, of title: String) -> Bool {
    isRepeat(TextFingerprint.wordHashes(line), of: TextFingerprint.wordHashes(title))
  }

  /// The same test on word hashes (`TextFingerprint.wordHashes`).
  static func isRepeat(_ a: [UInt64], of b: [UInt64]) -> Bool {
    guard min(a.count, b.count) >= fewestWords else { return a == b && !a.isEmpty }
    let shorter = a.count <= b.count ? a : b
    let longer = a.count <= b.count ? b : a
    // Titles are a few dozen words at most: a linear scan beats building a set.
    let shared = shorter.reduce(0) { $0 + (longer.contains($1) ? 1 : 0) }
    return Double(shared) >= overlap * Double(shorter.count)
  }
}
