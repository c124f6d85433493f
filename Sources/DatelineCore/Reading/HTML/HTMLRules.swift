import Foundation

/// Site-independent hints for reading web pages, as data (`Resources/html.rules`): which class and id words
/// mark boilerplate, which the article's text, and which labels on live-blog posts are not titles.
public struct HTMLRules: Sendable {
  /// A pattern over an element's class and id: a part of them, or a whole word of them.
  struct Pattern: Sendable, Hashable {
    var text: [UInt8]
    var wholeWord: Bool
  }

  private(set) var drop: [Pattern] = []
  private(set) var keep: [Pattern] = []
  private(set) var content: [Pattern] = []
  private(set) var noise: [Pattern] = []
  /// Class and id words of a related-story card ("rich-link", "related-story"): inside a live-blog post it
  /// is kept as the post's link card, not dropped with the boilerplate the same words mark elsewhere.
  private(set) var cards: [Pattern] = []
  /// Post labels, lower case.
  private(set) var badges: [String] = []
  /// The length in bytes of the longest badge: a longer text is never only a badge.
  private(set) var longestBadgeBytes = 0
  /// Words that open a page's dateline ("Published 4 June 2026"), lower case.
  private(set) var datelines: [String] = []
  /// Words that open a byline ("By", "Par", "Von"), lower case.
  private(set) var bylines: [String] = []

  public static let fileName = "html.rules"

  /// The rules compiled into the binary.
  public static let bundled: HTMLRules = parse(BundledResource.text(fileName) ?? "").rules

  public init() {}

  /// Parses rules text; lines that are not rules are reported, not fatal.
  public static func parse(_ text: String) -> (rules: HTMLRules, problems: [String]) {
    var rules = HTMLRules()
    var problems: [String] = []
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r"))
      if line.isEmpty || line.hasPrefix("#") { continue }
      let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        problems.append("\(fileName):\(number + 1): a rule is a kind and a pattern")
        continue
      }
      let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t")).lowercased()
      let pattern = Pattern(text: Array(value.drop { $0 == "=" }.utf8), wholeWord: value.hasPrefix("="))
      switch parts[0] {
      case "drop": rules.drop.append(pattern)
      case "keep": rules.keep.append(pattern)
      case "content": rules.content.append(pattern)
      case "noise": rules.noise.append(pattern)
      case "card": rules.cards.append(pattern)
      case "badge": rules.badges.append(value)
      case "dateline": rules.datelines.append(value)
      case "byline": rules.bylines.append(value)
      default: problems.append("\(fileName):\(number + 1): unknown kind '\(parts[0])'")
      }
    }
    // Longest first, so that "breaking news" is taken off whole before "breaking" is tried.
    rules.badges.sort { ($0.unicodeScalars.count, $0) > ($1.unicodeScalars.count, $1) }
    rules.longestBadgeBytes = rules.badges.map(\.utf8.count).max() ?? 0
    rules.tables = Tables(
      drop: PatternTable(rules.drop), keep: PatternTable(rules.keep), content: PatternTable(rules.content),
      noise: PatternTable(rules.noise), card: PatternTable(rules.cards))
    return (rules, problems)
  }

  /// What the hints say of an element with these class and id attributes.
  enum Verdict {
    case drop
    case content
    case noise
    case none
  }

  func verdict(classAndID: String) -> Verdict {
    let bytes = Array(classAndID.utf8).map { $0 &- 0x41 < 26 ? $0 + 0x20 : $0 }
    if bytes.isEmpty { return .none }
    if tables.drop.matches(bytes) && !tables.keep.matches(bytes) { return .drop }
    if tables.content.matches(bytes) { return .content }
    if tables.noise.matches(bytes) { return .noise }
    return .none
  }

  /// Whether an element with these class and id attributes is a related-story card.
  func isCard(classAndID: String) -> Bool {
    let bytes = Array(classAndID.utf8).map { $0 &- 0x41 < 26 ? $0 + 0x20 : $0 }
    return !bytes.isEmpty && tables.card.matches(bytes)
  }

  /// The patterns of each kind indexed by first byte, built once when the rules are parsed.
  private var tables = Tables()

  private struct Tables: Sendable {
    var drop = PatternTable([])
    var keep = PatternTable([])
    var content = PatternTable([])
    var noise = PatternTable([])
    var card = PatternTable([])
  }

  struct PatternTable: Sendable {
    private var byFirstByte: [[Pattern]] = Array(repeating: [], count: 256)
    private var isEmpty = true

    init(_ patterns: [Pattern]) {
      for pattern in patterns where !pattern.text.isEmpty {
        byFirstByte[Int(pattern.text[0])].append(pattern)
        isEmpty = false
      }
    }

    func matches(_ bytes: [UInt8]) -> Bool {
      if isEmpty { return false }
      for index in bytes.indices {
        for pattern in byFirstByte[Int(bytes[index])] where HTMLRules.matches(pattern, bytes, at: index) { return true }
      }
      return false
    }
  }

  /// The text with a leading badge removed ("Key event Ceasefire talks" -> "Ceasefire talks"); nil when the
  /// text is nothing but a badge.
  func removingBadge(from text: String) -> String? {
    let lowered = text.lowercased()
    for badge in badges where lowered.hasPrefix(badge) {
      let rest = text.unicodeScalars.dropFirst(badge.unicodeScalars.count)
      guard let first = rest.first else { return nil }
      // Only a whole word: "Liverpool" does not start with the badge "live".
      if first.properties.isAlphabetic || first.properties.numericType != nil { continue }
      let trimmed = String(String.UnicodeScalarView(rest)).trimmingCharacters(in: CharacterSet(charactersIn: " :-–—|·•\u{00A0}"))
      return trimmed.isEmpty ? nil : trimmed
    }
    return text
  }

  func isBadge(_ text: String) -> Bool {
    text.utf8.count <= longestBadgeBytes + 4 && removingBadge(from: text) == nil
  }

  /// A short line that opens with a dateline word and holds a digit: when the page was published or updated,
  /// not article text.
  func isDateline(_ text: String) -> Bool {
    guard text.utf8.count <= 64, text.utf8.contains(where: { $0 &- 0x30 < 10 }) else { return false }
    let lowered = text.lowercased()
    return datelines.contains { word in
      lowered.hasPrefix(word) && lowered.unicodeScalars.dropFirst(word.unicodeScalars.count).first.map { !$0.properties.isAlphabetic } ?? false
    }
  }

  /// A short line that opens with a byline word and then a capitalised name ("By Glen Hollis, Reporter",
  /// "Par Étienne Marival, le 25 novembre"), and is not a sentence (no full stop at its end): who wrote the
  /// article, not article text. Only meaningful at the top of a body (the extractor checks the position).
  func isByline(_ text: String) -> Bool {
    guard text.utf8.count <= 100, !bylines.isEmpty else { return false }
    let trimmed = text.trimmingASCIISpace()
    if trimmed.hasSuffix(".") || trimmed.hasSuffix("?") || trimmed.hasSuffix("!") { return false }
    let lowered = trimmed.lowercased()
    for word in bylines where lowered.hasPrefix(word + " ") {
      let rest = trimmed.unicodeScalars.dropFirst(word.unicodeScalars.count + 1)
      if let first = rest.first, first.properties.isUppercase { return true }
    }
    return false
  }

  private func matches(_ patterns: [Pattern], _ bytes: [UInt8]) -> Bool {
    // Patterns by their first byte, so that each position of the text is compared only with the patterns that
    // can start there (a page has hundreds of class attributes, the rules a hundred patterns).
    let table = PatternTable(patterns)
    return table.matches(bytes)
  }

  static func matches(_ pattern: Pattern, _ bytes: [UInt8]) -> Bool {
    bytes.indices.contains { matches(pattern, bytes, at: $0) }
  }

  /// Whether `pattern` occurs in `bytes` at `index` (as a whole word when it must be one).
  static func matches(_ pattern: Pattern, _ bytes: [UInt8], at index: Int) -> Bool {
    let needle = pattern.text
    guard !needle.isEmpty, index + needle.count <= bytes.count else { return false }
    var offset = 0
    while offset < needle.count {
      if bytes[index + offset] != needle[offset] { return false }
      offset += 1
    }
    if !pattern.wholeWord { return true }
    let before = index == 0 || isWordBreak(bytes[index - 1])
    let after = index + needle.count == bytes.count || isWordBreak(bytes[index + needle.count])
    return before && after
  }

  private static func isWordBreak(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x2D || byte == 0x5F || byte == 0x09 || byte == 0x0A
  }
}
