/// Drops a body block that only repeats words of another, longer block of the same body: a pull quote (a
/// sentence of the article set large between paragraphs, often with the attribution cut out). Readers see the
/// sentence twice; the article has it once. Templates mark pull quotes in too many ways (`<aside>`,
/// `<figure>`, a styled `<blockquote>`, a plain `<p>` in a box) for class hints alone, but the repetition
/// itself is the same on every site.
///
/// Compared by 4-word shingles (word hashes), so an attribution inserted in the original ("…library,” he
/// says. “People…") still leaves most of the quote's shingles in it.
struct RepeatedTextFilter {
  /// The element a block's own element lies in (its paragraph's container), from the page's element table.
  let container: (HTMLBlock) -> Int

  /// A block repeats another when at least this share of its shingles occurs in it.
  static let repeatedShare = 0.7
  /// Blocks shorter than this in words are left alone: a short phrase set apart ("People living in the centre
  /// will spend money in the centre") costs a reader little, is kept by annotators as a quote, and is too short
  /// to tell a repeat from a common phrase; a repeated sentence or two doubles real text.
  static let fewestWords = 12
  /// Pull quotes are a sentence or two: longer blocks are never dropped as repeats.
  static let longestRepeatBytes = 400
  /// At most this many blocks of a page are checked as repeats.
  static let mostCandidates = 64

  func filter(_ blocks: [HTMLBlock]) -> [HTMLBlock] {
    guard blocks.count > 2 else { return blocks }
    let containers = blocks.map(container)
    // The repeat must be set apart from its original: a quotation, or in a container of its own. Two alike
    // paragraphs side by side ("met on Tuesday…", "met on Friday…") are both the article's. Most pages have
    // no candidate at all, and then no shingle is computed (this runs for every page).
    // The longest block, and the longest in any other container: whether a longer block set apart from a
    // block exists is then known at once for each.
    var longest = (bytes: 0, container: -1)
    for (index, block) in blocks.enumerated() where block.byteCount > longest.bytes { longest = (block.byteCount, containers[index]) }
    var longestElsewhere = 0
    for (index, block) in blocks.enumerated() where containers[index] != longest.container {
      longestElsewhere = max(longestElsewhere, block.byteCount)
    }
    var candidates: [Int] = []
    for (index, block) in blocks.enumerated() {
      guard !block.isHeading, block.byteCount <= Self.longestRepeatBytes, block.byteCount >= Self.fewestWords * 3 else { continue }
      let longerApart = block.kind == .quote || containers[index] != longest.container ? longest.bytes : longestElsewhere
      if longerApart > block.byteCount { candidates.append(index) }
      // Pull quotes are a few a page: a bound keeps a page of thousands of list items linear.
      if candidates.count == Self.mostCandidates { break }
    }
    guard !candidates.isEmpty else { return blocks }
    var shingles: [[UInt64]?] = Array(repeating: nil, count: blocks.count)
    func shinglesOf(_ index: Int) -> [UInt64] {
      if let known = shingles[index] { return known }
      let computed = Self.shingles(of: blocks[index].text)
      shingles[index] = computed
      return computed
    }
    var dropped = Set<Int>()
    for index in candidates {
      let block = blocks[index]
      let own = shinglesOf(index)
      guard own.count + 3 >= Self.fewestWords else { continue }
      let needed = Int((Self.repeatedShare * Double(own.count)).rounded(.up))
      for other in blocks.indices where other != index && !dropped.contains(other) {
        let original = blocks[other]
        guard original.byteCount > block.byteCount, block.kind == .quote || containers[index] != containers[other] else { continue }
        let theirs = shinglesOf(other)
        if Self.shared(own, theirs) >= needed {
          dropped.insert(index)
          break
        }
      }
    }
    guard !dropped.isEmpty else { return blocks }
    return blocks.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
  }

  /// How many of the sorted, distinct `own` occur in the sorted `other` (a merge of the two).
  static func shared(_ own: [UInt64], _ other: [UInt64]) -> Int {
    var i = 0, j = 0, count = 0
    while i < own.count && j < other.count {
      if own[i] == other[j] {
        count += 1
        i += 1
        j += 1
      } else if own[i] < other[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return count
  }

  /// The distinct 4-word shingles of `text`, sorted, each a hash of its four word hashes.
  static func shingles(of text: String) -> [UInt64] {
    let words = TextFingerprint.wordHashes(text)
    guard words.count >= 4 else { return [] }
    var result: [UInt64] = []
    result.reserveCapacity(words.count - 3)
    for start in 0...(words.count - 4) {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for word in words[start..<(start + 4)] { hash = (hash ^ word) &* 0x100_0000_01b3 }
      result.append(hash)
    }
    result.sort()
    var distinct: [UInt64] = []
    distinct.reserveCapacity(result.count)
    for hash in result where distinct.last != hash { distinct.append(hash) }
    return distinct
  }
}
