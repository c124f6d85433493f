/// Recognises a line that is only a post's time ("12:45", "9.05am BST", "3 hours ago"), as live blogs print
/// above each post.
enum TimeStamp {
  /// A cheap first test on the line's shape: a time starts with a digit, or is a few words ending in "ago".
  static func mayBe(_ shape: LineShape) -> Bool { shape.startsWithDigit || shape.wordCount <= 4 && shape.endsWithAgo }

  private static let meridiems: [[UInt8]] = ["am", "pm", "a.m.", "p.m."].map { Array($0.utf8) }

  /// The time text, or nil when the line is something else. Works on ASCII bytes: a time has no other kind.
  static func parse(_ text: String) -> String? {
    let bytes = Array(text.utf8)
    guard bytes.count <= 24, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    let lowered = bytes.map { $0 &- 0x41 < 26 ? $0 + 0x20 : $0 }
    let words = lowered.split(separator: 0x20)
    guard (1...3).contains(words.count) else { return nil }
    if isClock(Array(words[0])) {
      let allowed = words.dropFirst().allSatisfy { word in
        meridiems.contains(Array(word)) || (2...5).contains(word.count) && word.allSatisfy { $0 &- 0x61 < 26 }
      }
      return allowed ? text : nil
    }
    let first = Array(words[0])
    if words.count >= 2, Array(words[words.count - 1]) == Array("ago".utf8),
      first.allSatisfy({ $0 &- 0x30 < 10 }) || first == [0x61] || first == [0x61, 0x6E]  // "3", "a", "an"
    {
      return text
    }
    return nil
  }

  /// "12:45", "9.05", "9:05am", "21:30".
  private static func isClock(_ word: [UInt8]) -> Bool {
    var body = word[...]
    for suffix in meridiems where body.count > suffix.count && body.suffix(suffix.count).elementsEqual(suffix) {
      body = body.dropLast(suffix.count)
      break
    }
    guard let separator = body.firstIndex(where: { $0 == 0x3A || $0 == 0x2E }) else { return false }
    let hours = body[..<separator], minutes = body[(separator + 1)...]
    guard (1...2).contains(hours.count), minutes.count == 2,
      hours.allSatisfy({ $0 &- 0x30 < 10 }), minutes.allSatisfy({ $0 &- 0x30 < 10 })
    else { return false }
    let h = hours.reduce(0) { $0 * 10 + Int($1 - 0x30) }, m = minutes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    return h <= 23 && m <= 59
  }
}
