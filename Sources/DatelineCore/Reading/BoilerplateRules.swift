/// A set of boilerplate rules, indexed for speed: a line is only compared with the rules whose pattern starts
/// as the line does (the first three characters, or the whole first word when shorter), so most body lines
/// cost a few dictionary look-ups.
public struct BoilerplateRules: Sendable {
  public private(set) var rules: [BoilerplateRule] = []
  /// Rules that remove or cut text, by key.
  private var byKey: [LineFolding.Key: [Int]] = [:]
  /// Picture and video label rules, by key: looked up for every title, so kept apart from the many others.
  private var labelsByKey: [LineFolding.Key: [Int]] = [:]
  /// Which pairs of leading ASCII characters (folded) any rule starts with: most lines are ruled out by one
  /// bit test, before any hashing.
  private var leadingPairs = LeadingPairs()
  private var labelLeadingPairs = LeadingPairs()

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
      labelsByKey[rule.key, default: []].append(rules.count)
      labelLeadingPairs.insert(rule.pattern)
    } else {
      byKey[rule.key, default: []].append(rules.count)
      leadingPairs.insert(rule.pattern)
    }
    rules.append(rule)
  }

  /// The rules that could match a line, in file order: those whose key the line starts with.
  func candidates(for line: String) -> [BoilerplateRule] {
    guard leadingPairs.mayStart(line) else { return [] }
    return candidates(for: line, in: byKey)
  }

  private func candidates(for line: String, in index: [LineFolding.Key: [Int]]) -> [BoilerplateRule] {
    var indices: [Int] = []
    LineFolding.forEachKey(line[...]) { key in
      if let found = index[key] { indices += found }
    }
    if indices.isEmpty { return [] }
    return indices.sorted().compactMap { rules[$0].mayMatch(line[...]) ? rules[$0] : nil }
  }

  /// What kind of post a title announces, from the picture and video label rules.
  public func postKind(ofTitle title: String) -> Update.Kind {
    guard labelLeadingPairs.mayStart(title) else { return .text }
    let candidates = candidates(for: title, in: labelsByKey)
    guard !candidates.isEmpty else { return .text }
    let folded = LineFolding.foldWithOffsets(Substring(title.unicodeScalars.prefix(200))).folded
    for rule in candidates {
      if rule.matchEnd(folded) != nil { return rule.kind == .pictureLabel ? .pictures : .video }
    }
    return .text
  }
}

/// A bit set of the first two UTF-8 bytes (ASCII letters lower-cased) that patterns start with, so most lines
/// are ruled out by one bit test before any hashing. A pattern too short to say, or starting with a quote or dash
/// (which folding makes from several characters), makes every line a candidate, so nothing is missed.
struct LeadingPairs: Sendable {
  private var bits = [UInt64](repeating: 0, count: 65_536 / 64)
  private var matchesAll = false

  mutating func insert(_ pattern: String) {
    let bytes = Array(pattern.utf8.prefix(2))
    guard bytes.count == 2, !bytes.contains(where: { "*'\"-".utf8.contains($0) }) else {
      matchesAll = true
      return
    }
    let index = Int(bytes[0]) << 8 | Int(bytes[1])
    bits[index >> 6] |= 1 << UInt64(index & 63)
  }

  func mayStart(_ line: String) -> Bool {
    if matchesAll { return true }
    var iterator = line.utf8.makeIterator()
    guard let a = iterator.next(), let b = iterator.next() else { return true }
    let index = Int(Self.lower(a)) << 8 | Int(Self.lower(b))
    return bits[index >> 6] & (1 << UInt64(index & 63)) != 0
  }

  private static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
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
