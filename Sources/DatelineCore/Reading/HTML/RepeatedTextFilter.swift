/// Drops a body block that only repeats words of another, longer block of the same body: a pull quote (a
/// sentence of the article set large between paragraphs, often with the attribution cut out), or a teaser
/// line repeating the opening. Readers see the sentence twice; the article has it once. Templates mark pull
/// quotes in too many ways (`<aside>`, `<figure>`, a styled `<blockquote>`, a plain `<p>`) for class hints
/// alone, but the repetition itself is the same on every site.
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
  /// A shingle held by more blocks than this is a common phrase, not a quotation.
  static let commonHolders = 3

  func filter(_ blocks: [HTMLBlock]) -> [HTMLBlock] {
    guard blocks.count > 2 else { return blocks }
    let shingles = blocks.map { Self.shingles(of: $0.text) }
    // Which blocks hold each shingle: one pass over the body's words.
    // A shingle many blocks share is a phrase of the template or of the writer ("said the council on"), not a
    // quotation of one block: past `commonHolders` it is ignored, which also keeps a page of 20,000 alike
    // paragraphs linear.
    var holders: [UInt64: [Int]] = [:]
    for (index, set) in shingles.enumerated() {
      for shingle in set {
        var list = holders[shingle, default: []]
        if list.count <= Self.commonHolders { list.append(index) }
        holders[shingle] = list
      }
    }
    var dropped = Set<Int>()
    for (index, block) in blocks.enumerated() where !block.isHeading && block.byteCount <= Self.longestRepeatBytes {
      let own = shingles[index]
      guard own.count + 3 >= Self.fewestWords else { continue }
      var shared: [Int: Int] = [:]
      for shingle in own {
        guard let list = holders[shingle], list.count <= Self.commonHolders else { continue }
        for holder in list where holder != index && !dropped.contains(holder) {
          shared[holder, default: 0] += 1
        }
      }
      let repeated = shared.contains { holder, count in
        // The original is longer, and the repeat is set apart from it: a quotation, or in a container of its
        // own. Two alike paragraphs side by side ("met on Tuesday…", "met on Friday…") are both the article's.
        blocks[holder].byteCount > block.byteCount && (block.kind == .quote || container(block) != container(blocks[holder]))
          && Double(count) >= Self.repeatedShare * Double(own.count)
      }
      if repeated { dropped.insert(index) }
    }
    guard !dropped.isEmpty else { return blocks }
    return blocks.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
  }

  /// The distinct 4-word shingles of `text`, each a hash of its four word hashes.
  static func shingles(of text: String) -> Set<UInt64> {
    let words = TextFingerprint.wordHashes(text)
    guard words.count >= 4 else { return [] }
    var result = Set<UInt64>(minimumCapacity: words.count - 3)
    for start in 0...(words.count - 4) {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for word in words[start..<(start + 4)] { hash = (hash ^ word) &* 0x100_0000_01b3 }
      result.insert(hash)
    }
    return result
  }
}
