/// A set of boilerplate rules, indexed for speed: a line is only compared with the rules whose pattern starts
/// with the line's first word.
public struct BoilerplateRules: Sendable {
  public private(set) var rules: [BoilerplateRule] = []
  private var byFirstWord: [String: [Int]] = [:]

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
    byFirstWord[rule.firstWord, default: []].append(rules.count)
    rules.append(rule)
  }

  /// The rules that could match a line, in file order: those whose first word is the line's.
  func candidates(for line: String) -> [BoilerplateRule] {
    guard let word = LineFolding.firstWord(line[...]), let indices = byFirstWord[word] else { return [] }
    return indices.map { rules[$0] }
  }

  /// What kind of post a title announces, from the picture and video label rules.
  public func postKind(ofTitle title: String) -> Update.Kind {
    let candidates = candidates(for: title)
    guard !candidates.isEmpty else { return .text }
    let folded = LineFolding.foldWithOffsets(title.prefix(200)).folded
    for rule in candidates where rule.kind == .pictureLabel || rule.kind == .videoLabel {
      if rule.matchEnd(folded) != nil { return rule.kind == .pictureLabel ? .pictures : .video }
    }
    return .text
  }
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
