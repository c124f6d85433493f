/// Recognises a line that is only a post's time ("12:45", "9.05am BST", "3 hours ago"), as live blogs print
/// above each post.
enum TimeStamp {
  /// A cheap first test on the line's shape: a time starts with a digit, or is a few words ending in "ago".
  static func mayBe(_ shape: LineShape) -> Bool { shape.startsWithDigit || shape.wordCount <= 4 && shape.endsWithAgo }

  /// The time text, or nil when the line is something else.
  static func parse(_ text: String) -> String? {
    guard text.utf8.count <= 24, let first = text.utf8.first,
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "a") || first == UInt8(ascii: "A")
    else { return nil }
    let words = text.lowercased().split(separator: " ")
    guard (1...3).contains(words.count) else { return nil }
    if isClock(words[0]) {
      let rest = words.dropFirst()
      let allowed = rest.allSatisfy { word in
        ["am", "pm", "a.m.", "p.m."].contains(word) || (2...5).contains(word.count) && word.allSatisfy(\.isLetter)
      }
      return allowed ? text : nil
    }
    if words.count >= 2, words.last == "ago", Int(words[0]) != nil || words[0] == "an" || words[0] == "a" {
      return text
    }
    return nil
  }

  /// "12:45", "9.05", "9:05am", "21:30".
  private static func isClock(_ word: Substring) -> Bool {
    var body = word
    for suffix in ["am", "pm", "a.m.", "p.m."] where body.hasSuffix(suffix) {
      body = body.dropLast(suffix.count)
      break
    }
    let parts = body.split(separator: ":", omittingEmptySubsequences: false)
    let dotted = parts.count == 2 ? parts : body.split(separator: ".", omittingEmptySubsequences: false)
    guard dotted.count == 2, let hours = Int(dotted[0]), let minutes = Int(dotted[1]), dotted[1].count == 2 else {
      return false
    }
    return (0...23).contains(hours) && (0...59).contains(minutes)
  }
}
