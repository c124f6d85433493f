/// Whether two versions of an update are the same post, edited: a title with small edits (a corrected typo, a
/// word changed), or the same opening text. Case, punctuation and spacing never count (`TextFingerprint`).
public enum UpdateSimilarity {
  /// Share of the title's fingerprint characters that must survive an edit (1 − edit distance / length).
  public static let titleThreshold = 0.8
  /// Share of shared words (Jaccard over word sets) above which two opening paragraphs are one, edited.
  public static let openingThreshold = 0.7
  /// How many words of the opening paragraph are compared.
  public static let openingWords = 40
  /// Titles longer than this (in fingerprint bytes) are compared by their first this many bytes.
  static let longestTitle = 300

  /// Jaccard similarity of the word sets of `a` and `b` (1 when both are empty).
  public static func tokenSetSimilarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
    tokenSetSimilarity(Set(a), Set(b))
  }

  /// Jaccard similarity of two word sets (1 when both are empty).
  public static func tokenSetSimilarity(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
    if a.isEmpty && b.isEmpty { return 1 }
    let shared = a.count <= b.count ? a.filter(b.contains).count : b.filter(a.contains).count
    return Double(shared) / Double(a.count + b.count - shared)
  }

  /// 1 − (Levenshtein distance / longer length) over bytes: 1 for equal texts, near 1 for a typo.
  public static func editSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
    if a == b { return 1 }
    if a.isEmpty || b.isEmpty { return 0 }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return 1 - Double(previous[b.count]) / Double(max(a.count, b.count))
  }

  /// The words the merger compares, computed once per update.
  struct Shape {
    var title: [UInt8]
    var opening: Set<UInt64>

    init(_ digest: UpdateDigest) {
      title = Array(TextFingerprint.key(digest.title ?? "").utf8.prefix(UpdateSimilarity.longestTitle))
      opening = Set(TextFingerprint.wordHashes(digest.opening).prefix(UpdateSimilarity.openingWords))
    }
  }

  /// A score in 0...1 when `a` and `b` look like one post edited, or nil when they do not.
  static func score(_ a: Shape, _ b: Shape) -> Double? {
    var best: Double?
    // The edit distance is at least the difference in length: skip pairs that cannot reach the threshold.
    if !a.title.isEmpty, !b.title.isEmpty,
      Double(abs(a.title.count - b.title.count)) <= (1 - titleThreshold) * Double(max(a.title.count, b.title.count))
    {
      let s = editSimilarity(a.title, b.title)
      if s >= titleThreshold { best = s }
    }
    if !a.opening.isEmpty, !b.opening.isEmpty {
      let s = tokenSetSimilarity(a.opening, b.opening)
      if s >= openingThreshold { best = max(best ?? 0, s) }
    }
    return best
  }
}
