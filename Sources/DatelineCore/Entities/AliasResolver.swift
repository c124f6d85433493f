import Foundation

/// Merges the surface forms of a story's names into entities, as ENTITIES.md says.
///
/// One entity: typographic variants (curly or straight apostrophe, hyphen or space, a leading "the", case,
/// diacritics), transliteration variants ("Berdyansk" / "Berdiansk", "Ri Chang Ho" / "Ri Changho"), one-letter
/// misspellings of long single-word places, abbreviations introduced in brackets or matching a name's initials
/// ("ISW", "KPA") or commonly known ("UN", "US"), and a person's first or last name alone after the full name.
/// Different people sharing a token stay apart; a bare shared token goes to the person last named nearby, or to
/// no one.
public struct AliasResolver: Sendable {
  public init() {}

  /// One mention to resolve: the span and where it falls in reading order.
  public struct Input: Sendable {
    public var span: RecognizedSpan
    public init(span: RecognizedSpan) { self.span = span }
  }

  /// The result: entities, and for each input span the index of its entity (nil when left out).
  public struct Resolution: Sendable {
    public var entities: [Entity]
    public var assignment: [Int?]
  }

  private final class Group {
    var key: String
    var rawKey: String
    var words: [String]
    var forms: [String: Int] = [:]
    var firstSeen: Int
    var typeVotes: [EntityType: Int] = [:]
    var members: [Int] = []
    var mergedInto: Group?
    init(key: String, words: [String], firstSeen: Int) {
      self.key = key
      self.rawKey = words.joined()
      self.words = words
      self.firstSeen = firstSeen
    }
    /// The group this one was merged into, transitively (merges never form a cycle; the bound is a guard).
    var root: Group {
      var group = self
      for _ in 0..<64 {
        guard let next = group.mergedInto else { break }
        group = next
      }
      return group
    }
    var type: EntityType {
      typeVotes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? .organization
    }
  }

  /// Resolves spans (in reading order) into entities.
  public func resolve(_ spans: [RecognizedSpan]) -> Resolution {
    var groups: [String: Group] = [:]
    var ordered: [Group] = []
    var spanGroup: [Group] = []
    var introduced: [String: String] = [:]  // abbreviation key -> group key
    var keyOfText: [String: String] = [:]
    for (n, span) in spans.enumerated() {
      let key: String
      if let known = keyOfText[span.text] {
        key = known
      } else {
        key = Self.key(span.text)
        keyOfText[span.text] = key
      }
      let group: Group
      if let g = groups[key] {
        group = g
      } else {
        group = Group(key: key, words: Self.words(span.text), firstSeen: n)
        groups[key] = group
        ordered.append(group)
      }
      group.forms[span.text, default: 0] += 1
      group.typeVotes[span.type, default: 0] += 1
      group.members.append(n)
      spanGroup.append(group)
      if let abbreviation = span.introducedAbbreviation { introduced[Self.key(abbreviation)] = key }
    }

    // Abbreviations: introduced in brackets, commonly known, or the initials of exactly one longer name.
    for group in ordered where group.words.count == 1 && Self.isAbbreviationLike(group.forms.keys) {
      var target: Group?
      if let full = introduced[group.key], let g = groups[full], g !== group {
        target = g
      } else if let known = Self.knownAbbreviations[group.key], let g = groups[known] {
        target = g
      } else {
        let matches = ordered.filter {
          $0 !== group && $0.words.count > 1 && $0.type != .person && Self.initials($0.words) == group.key
        }
        if matches.count == 1 { target = matches[0] }
      }
      if let target, target.root !== group { group.mergedInto = target.root }
    }

    // Spelling variants of long single-word names of one type.
    let singles = ordered.filter { $0.mergedInto == nil && $0.words.count == 1 && $0.key.count >= 7 }
    for (i, a) in singles.enumerated() {
      for b in singles[(i + 1)...] where a.root !== b.root && (a.type == b.type || min(a.members.count, b.members.count) == 1) {
        if Self.withinOneEdit(a.rawKey, b.rawKey) || Self.withinOneEdit(a.key, b.key) {
          let (keep, drop) = a.members.count >= b.members.count ? (a, b) : (b, a)
          drop.root.mergedInto = keep.root
        }
      }
    }

    // A shorter form of exactly one longer person name ("Kim Jong" of "Kim Jong Un").
    let longPeople = ordered.filter { $0.mergedInto == nil && $0.type == .person && $0.words.count > 2 }
    for group in ordered where group.mergedInto == nil && group.type == .person && group.words.count == 2 {
      let matches = longPeople.filter {
        $0 !== group && ($0.words.starts(with: group.words) || $0.words.reversed().starts(with: group.words.reversed()))
      }
      if matches.count == 1 { group.mergedInto = matches[0] }
    }

    // A person's first or last name alone.
    var assignment: [Int?] = []
    var rootOfSpan: [Group?] = spanGroup.map { $0.root }
    let people = ordered.filter { $0.mergedInto == nil && $0.type == .person && $0.words.count > 1 }
    for group in ordered where group.mergedInto == nil && group.type == .person && group.words.count == 1 {
      let word = group.words[0]
      let candidates = people.filter { $0.words.first == word || $0.words.last == word }
      if candidates.count == 1 {
        group.mergedInto = candidates[0]
        for m in group.members { rootOfSpan[m] = candidates[0] }
      } else if candidates.count > 1 {
        // Each mention goes to the candidate named most recently nearby, or to no one.
        for m in group.members {
          let span = spans[m]
          var choice: Group?
          var k = m - 1
          while k >= 0, spans[k].part >= span.part - 2 {
            if let g = rootOfSpan[k], candidates.contains(where: { $0 === g }) {
              choice = g
              break
            }
            k -= 1
          }
          rootOfSpan[m] = choice
        }
      }
    }
    for m in spans.indices where rootOfSpan[m] != nil { rootOfSpan[m] = rootOfSpan[m]?.root }

    // Entities: one per root group that still has mentions.
    var entityIndex: [ObjectIdentifier: Int] = [:]
    var forms: [[String: Int]] = []
    var firsts: [Int] = []
    var votes: [[EntityType: Int]] = []
    for m in spans.indices {
      guard let root = rootOfSpan[m] else {
        assignment.append(nil)
        continue
      }
      let id = ObjectIdentifier(root)
      let index: Int
      if let known = entityIndex[id] {
        index = known
      } else {
        index = forms.count
        entityIndex[id] = index
        forms.append([:])
        firsts.append(m)
        votes.append([:])
      }
      forms[index][spans[m].text, default: 0] += 1
      votes[index][spans[m].type, default: 0] += 1
      assignment.append(index)
    }
    // Votes of the mentions written exactly as each entity's fullest name, and first positions of forms.
    var firstIndex: [String: Int] = [:]
    for (m, span) in spans.enumerated() where firstIndex[span.text] == nil { firstIndex[span.text] = m }
    let names = forms.map { Self.fullest($0, firstIndex: firstIndex) }
    var nameVotes = [[EntityType: Int]](repeating: [:], count: forms.count)
    for (m, span) in spans.enumerated() {
      guard let index = assignment[m], span.text == names[index] else { continue }
      nameVotes[index][span.type, default: 0] += 1
    }
    var entities: [Entity] = []
    for (index, formCounts) in forms.enumerated() {
      let name = names[index]
      // The type the fullest name was given wins ("ISW" follows "Institute for the Study of War").
      let pool = nameVotes[index].isEmpty ? votes[index] : nameVotes[index]
      let type = pool.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? .organization
      let aliases = formCounts.keys.filter { $0 != name }.sorted()
      entities.append(Entity(name: name, type: type, aliases: aliases, id: Self.entityID(name: name, type: type)))
    }
    return Resolution(entities: entities, assignment: assignment)
  }

  // MARK: - Keys

  /// The id of an entity: its type and the folded key of its name, so that spelling variants named differently
  /// in two captures ("Ri Chang Ho", "Ri Changho") are one entity across stories.
  public static func entityID(name: String, type: EntityType) -> EntityID {
    let folded = key(name)
    return EntityID(rawValue: type.rawValue + ":" + (knownAbbreviations[folded] ?? folded))
  }

  /// The comparison key of a surface form: no leading "the", no possessive, lower case, no diacritics, letters
  /// and digits only, with common transliteration pairs folded ("ya"/"ia", "yu"/"iu", "ye"/"ie").
  public static func key(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in foldedWords(text).joined().unicodeScalars { scalars.append(scalar) }
    var bytes = Array(String(scalars).utf8)
    for (from, to) in transliterationPairs { replaceASCIIPair(from, with: to, in: &bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Spelling pairs that transliterations of one name disagree on, applied in this order (each pass left to
  /// right, as `replacingOccurrences` would: "yya" becomes "yia" in the first pass and "ia" in the fourth).
  private static let transliterationPairs: [((UInt8, UInt8), [UInt8])] = [
    ((0x79, 0x61), [0x69, 0x61]),  // ya → ia
    ((0x79, 0x75), [0x69, 0x75]),  // yu → iu
    ((0x79, 0x65), [0x69, 0x65]),  // ye → ie
    ((0x79, 0x69), [0x69]),  // yi → i
    ((0x69, 0x79), [0x69]),  // iy → i
    ((0x6B, 0x68), [0x68]),  // kh → h
  ]

  /// Replaces every non-overlapping occurrence of an ASCII byte pair, left to right. Working on UTF-8 bytes is
  /// safe because ASCII bytes never occur inside a multi-byte character; it is done bytewise because this runs
  /// for every mention before the first frame, where Foundation's `replacingOccurrences` was a visible cost.
  private static func replaceASCIIPair(_ pair: (UInt8, UInt8), with replacement: [UInt8], in bytes: inout [UInt8]) {
    guard bytes.count > 1 else { return }
    var output: [UInt8] = []
    var index = 0
    var changed = false
    while index < bytes.count {
      if index + 1 < bytes.count, bytes[index] == pair.0, bytes[index + 1] == pair.1 {
        if !changed {
          output.reserveCapacity(bytes.count)
          output.append(contentsOf: bytes[..<index])
          changed = true
        }
        output.append(contentsOf: replacement)
        index += 2
      } else {
        if changed { output.append(bytes[index]) }
        index += 1
      }
    }
    if changed { bytes = output }
  }

  /// `text` with every `scalar` replaced by `replacement` (or removed), in the standard library: Foundation's
  /// `replacingOccurrences` goes through NSString, whose first use before the first frame cost more than the work.
  private static func replacingScalar(_ scalar: Unicode.Scalar, with replacement: Unicode.Scalar?, in text: String)
    -> String
  {
    guard text.unicodeScalars.contains(scalar) else { return text }
    var result = String.UnicodeScalarView()
    for each in text.unicodeScalars {
      if each != scalar {
        result.append(each)
      } else if let replacement {
        result.append(replacement)
      }
    }
    return String(result)
  }

  /// Lower-case words of a surface form split at spaces (hyphens kept), without "the" and possessives.
  static func words(_ text: String) -> [String] {
    var words = text.split(whereSeparator: { $0 == " " }).map { word -> String in
      var w = replacingScalar("\u{2019}", with: "'", in: String(word).lowercased())
      if w.hasSuffix("'s") { w.removeLast(2) }
      return w
    }
    if words.count > 1, words.first == "the" { words.removeFirst() }
    return words
  }

  /// `text` without case and diacritics. ASCII text (almost every name) is only lower-cased, which is what
  /// Foundation's folding does to it: that folding goes through ICU, whose first use cost more than half a
  /// millisecond on the way to the first frame. `AliasResolverTests` compares the two on every ASCII character.
  static func folded(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
    return text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
  }

  private static func foldedWords(_ text: String) -> [String] {
    let folded = folded(text)
    var words: [String] = []
    var current = ""
    for scalar in folded.unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        current.unicodeScalars.append(scalar)
      } else if scalar == "'" || scalar == "\u{2019}" {
        if !current.isEmpty { current += "'" }
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    words = words.map { $0.hasSuffix("'s") ? String($0.dropLast(2)) : $0 }
      .map { replacingScalar("'", with: nil, in: $0) }
    if words.count > 1, words.first == "the" { words.removeFirst() }
    return words
  }

  private static let knownAbbreviations: [String: String] = [
    "us": "unitedstates", "usa": "unitedstates", "uk": "unitedkingdom", "un": "unitednations",
    "eu": "europeanunion", "dprk": "northkorea", "rok": "southkorea", "uae": "unitedarabemirates",
    "prc": "china", "nato": "northatlantictreatyorganization",
  ]

  private static func isAbbreviationLike(_ forms: Dictionary<String, Int>.Keys) -> Bool {
    forms.contains { form in
      let letters = form.unicodeScalars.filter { $0.properties.isAlphabetic }
      return letters.count >= 2 && letters.count <= 6 && letters.allSatisfy { $0.properties.isUppercase }
    }
  }

  private static let minorWords: Set<String> = ["of", "the", "for", "and", "on", "in", "de", "to", "&"]

  private static func initials(_ words: [String]) -> String {
    var s = ""
    for word in words where !minorWords.contains(word) {
      for part in word.split(separator: "-") { if let c = part.first { s.append(c) } }
    }
    return key(s)
  }

  private static func withinOneEdit(_ a: String, _ b: String) -> Bool {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if abs(x.count - y.count) > 1 || x.first != y.first { return false }
    var i = 0
    var j = 0
    var edits = 0
    while i < x.count && j < y.count {
      if x[i] == y[j] {
        i += 1
        j += 1
        continue
      }
      edits += 1
      if edits > 1 { return false }
      if x.count > y.count { i += 1 } else if y.count > x.count { j += 1 } else {
        i += 1
        j += 1
      }
    }
    return edits + (x.count - i) + (y.count - j) <= 1
  }

  /// The fullest form: most scalars, then not in capitals throughout ("Rome" over a dateline's "ROME"), then most
  /// frequent, then first seen.
  private static func fullest(_ counts: [String: Int], firstIndex: [String: Int]) -> String {
    counts.keys.max { a, b in
      let ka = (a.unicodeScalars.count, hasLowercase(a) ? 1 : 0, counts[a] ?? 0, -(firstIndex[a] ?? 0))
      let kb = (b.unicodeScalars.count, hasLowercase(b) ? 1 : 0, counts[b] ?? 0, -(firstIndex[b] ?? 0))
      return ka < kb
    } ?? ""
  }

  private static func hasLowercase(_ s: String) -> Bool { s.unicodeScalars.contains { FeatureHasher.isLower($0) } }
}
