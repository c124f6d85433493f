/// A set of boilerplate rules, indexed for speed: most lines are ruled out by one bit test on their first two
/// bytes, and the rest are only compared with the rules that start as they do.
public struct BoilerplateRules: Sendable {
  public private(set) var rules: [BoilerplateRule] = []
  /// Rules that remove or cut text, indexed by how they start.
  private var removing = RuleIndex()
  /// Picture and video label rules: looked up for every title, so kept apart from the many others.
  private var labels = RuleIndex()

  /// A problem found while parsing a rules file: where, and what is wrong.
  public struct Problem: Sendable, Hashable, CustomStringConvertible {
    public var origin: String
    public var line: Int
    public var message: String
    public var description: String { "\(origin):\(line): \(message)" }
  }

  public init(_ rules: [BoilerplateRule] = []) {
    for rule in rules { append(rule) }
  }

  /// The rules shipped with dateline (`Resources/boilerplate.rules`).
  public static let bundled: BoilerplateRules = {
    parse(BundledResource.text("boilerplate.rules") ?? "", origin: "boilerplate.rules").rules
  }()

  /// Parses a rules file. Bad lines are skipped and reported; the good ones still count.
  public static func parse(_ text: String, origin: String) -> (rules: BoilerplateRules, problems: [Problem]) {
    var result = BoilerplateRules()
    var problems: [Problem] = []
    for line in InputLine.split(text) {
      let content = line.text
      if content.isEmpty || content.hasPrefix("#") { continue }
      func problem(_ message: String) { problems.append(Problem(origin: origin, line: line.number, message: message)) }
      guard let space = content.firstIndex(of: " ") else {
        problem("expected 'KIND NAME: PATTERN'")
        continue
      }
      let kindName = String(content[..<space])
      guard let kind = BoilerplateRule.Kind(rawValue: kindName) else {
        let known = BoilerplateRule.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        problem("unknown kind '\(kindName)' (known: \(known))")
        continue
      }
      let rest = content[space...].drop(while: { $0 == " " })
      guard let colon = rest.firstIndex(of: ":"), colon > rest.startIndex else {
        problem("expected 'NAME:' after the kind")
        continue
      }
      let name = String(rest[..<colon]).trimmingSpaces
      let pattern = String(rest[rest.index(after: colon)...]).trimmingSpaces
      guard !pattern.isEmpty, let rule = BoilerplateRule(kind: kind, name: name, pattern: pattern) else {
        problem("the pattern must start with a word\(kind.matchesPrefix ? " and must not end with '*'" : "")")
        continue
      }
      result.append(rule)
    }
    return (result, problems)
  }

  /// These rules followed by `other`'s.
  public func adding(_ other: BoilerplateRules) -> BoilerplateRules {
    var result = self
    for rule in other.rules { result.append(rule) }
    return result
  }

  private mutating func append(_ rule: BoilerplateRule) {
    if rule.kind == .pictureLabel || rule.kind == .videoLabel {
      labels.insert(rule.head, as: rules.count)
    } else {
      removing.insert(rule.head, as: rules.count)
    }
    rules.append(rule)
  }

  /// The rules that could match a line, in file order: those whose first literal piece the line starts with.
  func candidates(for line: String) -> [BoilerplateRule] {
    candidates(for: line, start: LineStart(line))
  }

  /// The same, for a line whose start was measured already (the common, fast path).
  func candidates(for line: String, start: LineStart) -> [BoilerplateRule] {
    removing.candidates(for: line, start: start).map { rules[$0] }
  }

  /// Labels are a word or two: only this much of a title is folded to test them.
  static let longestLabel = 48

  /// A cheap first test for `postKind`: whether any label rule could match the line at all.
  func mayBeLabel(_ start: LineStart) -> Bool { labels.mayStart(start) }

  /// A cheap first test for boilerplate: whether any removing rule could match a line starting so.
  func mayBeBoilerplate(_ start: LineStart) -> Bool { removing.mayStart(start) }

  /// What kind of post a title announces, from the picture and video label rules.
  public func postKind(ofTitle title: String) -> Update.Kind {
    let candidates = labels.candidates(for: title, start: LineStart(title)).map { rules[$0] }
    guard !candidates.isEmpty else { return .text }
    func kind(of rule: BoilerplateRule) -> Update.Kind { rule.kind == .pictureLabel ? .pictures : .video }
    // A label without '*' is matched by its head alone, and the candidates' heads already matched.
    if let plain = candidates.first(where: { $0.pieces.count == 1 }) { return kind(of: plain) }
    let folded = LineFolding.foldWithOffsets(Substring(title.unicodeScalars.prefix(Self.longestLabel))).folded
    for rule in candidates where rule.matchEnd(folded) != nil { return kind(of: rule) }
    return .text
  }
}

/// Rules indexed by the folded bytes they must start with. Bit sets of the first four (or, for short heads,
/// two) bytes rule out almost every line at once; the rest fold their start once and compare it with each rule
/// of their bucket.
struct RuleIndex: Sendable {
  /// Heads of four or more plain ASCII bytes, by a 16-bit hash of their first four.
  private var quads = [UInt64](repeating: 0, count: 65_536 / 64)
  /// Other heads (shorter, or not ASCII at the start), by their first two bytes.
  private var pairs = [UInt64](repeating: 0, count: 65_536 / 64)
  private var hasPairs = false
  /// Whether any head starts with a quotation mark (which a curly quote at a line's start folds to).
  private var hasQuoteHeads = false
  private var buckets: [UInt16: [(head: [UInt8], rule: Int)]] = [:]
  /// Rules whose head is a single byte: tested against every line.
  private var short: [(head: [UInt8], rule: Int)] = []
  private var longestHead = 0

  mutating func insert(_ head: [UInt8], as rule: Int) {
    longestHead = max(longestHead, head.count)
    if let first = head.first, first == 0x22 || first == 0x27 { hasQuoteHeads = true }
    guard head.count >= 2 else {
      short.append((head, rule))
      return
    }
    if head.count >= 4, let quad = Self.quad(head[0], head[1], head[2], head[3]) {
      Self.set(&quads, quad)
    } else {
      Self.set(&pairs, Self.pair(head[0], head[1]))
      hasPairs = true
    }
    buckets[Self.pair(head[0], head[1]), default: []].append((head, rule))
  }

  /// Whether any rule could match a line starting so: a cheap test on its first bytes, case-folded for ASCII.
  /// A line starting with anything that folding changes beyond ASCII case is let through.
  func mayStart(_ start: LineStart) -> Bool {
    if !short.isEmpty { return true }
    guard start.count >= 2 else { return false }
    // A line opening with a curly quotation mark (E2 80 98/99/9C/9D) can only match a head that starts with a
    // quote, and most rule sets have none: the commonest non-ASCII start is settled here too.
    if start.bytes.0 == 0xE2 && start.bytes.1 == 0x80 && [0x98, 0x99, 0x9C, 0x9D].contains(start.bytes.2) {
      return hasQuoteHeads
    }
    let (la, lb) = (Self.lower(start.bytes.0), Self.lower(start.bytes.1))
    guard Self.isPlain(la), Self.isPlain(lb) else { return true }
    if hasPairs && pairs[Int(Self.pair(la, lb)) >> 6] & (1 << UInt64(Self.pair(la, lb) & 63)) != 0 { return true }
    guard start.count == 4 else { return false }
    let (lc, ld) = (Self.lower(start.bytes.2), Self.lower(start.bytes.3))
    // Two spaces fold into one, so the raw bytes would not be the folded head's: let such a line through.
    guard !(lc == 0x20 && ld == 0x20), let quad = Self.quad(la, lb, lc, ld) else { return true }
    // Read the stored bit sets in place (passing them to a function would retain and release them per line).
    return quads[Int(quad) >> 6] & (1 << UInt64(quad & 63)) != 0
  }

  /// The rules (by number, in file order) whose head the folded line starts with. `start` is the line's
  /// measured start: the quick test on it comes first.
  func candidates(for line: String, start: LineStart) -> [Int] {
    guard mayStart(start) else { return [] }
    let folded = LineFolding.foldedHead(line, limit: longestHead)
    var found: [Int] = []
    for entry in short where folded.starts(with: entry.head) { found.append(entry.rule) }
    if folded.count >= 2, let bucket = buckets[Self.pair(folded[0], folded[1])] {
      for entry in bucket where folded.starts(with: entry.head) { found.append(entry.rule) }
    }
    return found.count > 1 ? found.sorted() : found
  }

  /// Printable ASCII other than space, quotes and dashes (which folding may produce from other characters).
  private static func isPlain(_ byte: UInt8) -> Bool {
    byte > 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x27 && byte != 0x2D
  }

  /// A 16-bit hash of four plain bytes, or nil when they are not all plain.
  private static func quad(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> UInt16? {
    guard isPlain(a), isPlain(b), isPlain(c) || c == 0x20, isPlain(d) || d == 0x20 else { return nil }
    let value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    return UInt16(truncatingIfNeeded: (value &* 0x9E37_79B1) >> 16)
  }

  private static func pair(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a) << 8 | UInt16(b) }
  private static func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte + 0x20 : byte }
  private static func set(_ bits: inout [UInt64], _ index: UInt16) { bits[Int(index) >> 6] |= 1 << UInt64(index & 63) }
}

extension String {
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !InputLine.isSpace($0) }),
      let last = scalars.lastIndex(where: { !InputLine.isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
