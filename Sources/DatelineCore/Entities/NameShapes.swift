/// Names found by their shape where the tagger missed them or cut them short.
enum NameShapes {
  typealias Text = EntityRecognizer.Text

  /// Token indices covered by `spans`.
  private static func coverage(_ spans: [RecognizedSpan], count: Int) -> [Int] {
    var owner = [Int](repeating: -1, count: count)
    for (s, span) in spans.enumerated() { for k in span.tokens { owner[k] = s } }
    return owner
  }

  private static func isNameWord(_ text: Text, _ k: Int) -> Bool {
    text.tokens[k].isWord && text.infos[k].capitalized && !NameRules.isFunctionWord(text.infos[k].lower)
      && !(text.infos[k].sentenceStart && text.infos[k].flags.contains(.commonLowercase))
  }

  /// Capitalised words ending in an organisation head ("Federal Trade Commission", "Rapid Support Forces",
  /// "Office for National Statistics") are an organisation; a tagger span that ends in such a head grows to the
  /// left over the capitalised words before it ("State Meteorological Agency").
  static func addOrganizations(in text: Text, part: Int, to spans: inout [RecognizedSpan], recognizer: EntityRecognizer) {
    let n = text.tokens.count
    var owner = coverage(spans, count: n)
    var changed = false
    var k = 0
    while k < n {
      guard text.infos[k].flags.contains(.organizationHead), text.infos[k].capitalized, text.tokens[k].isWord else {
        k += 1
        continue
      }
      // Walk left over capitalised words and inner connectors.
      var a = k
      while a > 0 {
        let p = a - 1
        // A title word right before the head belongs to the name ("General Staff", "Reconnaissance General
        // Bureau"); further left it is a person's rank.
        if isNameWord(text, p) && (!text.infos[p].flags.contains(.title) || p == k - 1)
          || NameRules.isPossessiveToken(text, p) && p > 0
        {
          a = p
        } else if p > 0, text.tokens[p].isWord, !text.infos[p].capitalized,
          NameRules.isConnector(text.infos[p].lower), isNameWord(text, p - 1)
        {
          a = p
        } else {
          break
        }
      }
      while a < k, !text.infos[a].capitalized || NameRules.isPossessiveToken(text, a) { a += 1 }
      var existing = owner[k]
      // The head alone taken as a person ("Bureau" is also a surname) gives way to the organisation.
      if existing >= 0, spans[existing].type == .person, spans[existing].tokens == k..<(k + 1), a < k,
        (a..<k).allSatisfy({ owner[$0] < 0 })
      {
        owner[k] = -1
        spans[existing].tokens = k..<k
        existing = -1
        changed = true
      }
      if existing >= 0 {
        // Grow an organisation span that ends at this head.
        let span = spans[existing]
        if span.type == .organization, span.tokens.upperBound == k + 1, a < span.tokens.lowerBound,
          (a..<span.tokens.lowerBound).allSatisfy({ owner[$0] < 0 }),
          let grown = recognizer.cleaned(a..<(k + 1), type: .organization, in: text, part: part)
        {
          spans[existing] = grown
          for t in grown.tokens { owner[t] = existing }
          changed = true
        }
      } else if a < k, (a...k).allSatisfy({ owner[$0] < 0 }),
        let span = recognizer.cleaned(a..<(k + 1), type: .organization, in: text, part: part), span.tokens.count > 1
      {
        spans.append(span)
        for t in span.tokens { owner[t] = spans.count - 1 }
        changed = true
      }
      k += 1
    }
    if changed {
      spans.removeAll { $0.tokens.isEmpty }
      spans.sort { $0.start < $1.start }
    }
  }

  /// An organisation ending in a head word grows right over "of"/"for" (and "the") and the capitalised words after
  /// it: "Institute" + "for the Study of War", "Bank" + "of England", "Assembly" + "of the Republic". A place or
  /// organisation found inside ("England") becomes part of the body's name.
  static func extendOrganizationsRight(in text: Text, part: Int, spans: inout [RecognizedSpan], recognizer: EntityRecognizer) {
    let n = text.tokens.count
    var owner = coverage(spans, count: n)
    var removed = Set<Int>()
    for s in spans.indices where spans[s].type == .organization && !removed.contains(s) {
      let b = spans[s].tokens.upperBound
      guard b > 0, b + 1 < n, text.infos[b - 1].capitalized, text.infos[b - 1].flags.contains(.organizationHead),
        text.tokens[b].isWord, !text.infos[b].capitalized,
        text.infos[b].lower == NameRules.ofHash || text.infos[b].lower == NameRules.forHash
      else { continue }
      var k = b + 1
      if k < n, !text.infos[k].capitalized, text.infos[k].lower == theHash { k += 1 }
      var end = k
      while end < n, end - k < 6 {
        if isNameWord(text, end), !text.infos[end].flags.contains(.title), !NameRules.isCalendarWord(text.infos[end].lower),
          owner[end] < 0 || spans[owner[end]].type != .person
        {
          end += 1
        } else if end > k, end + 1 < n, text.tokens[end].isWord, !text.infos[end].capitalized,
          NameRules.isConnector(text.infos[end].lower), text.infos[end].lower != NameRules.onHash, isNameWord(text, end + 1),
          !NameRules.isCalendarWord(text.infos[end + 1].lower)
        {
          end += 1
        } else {
          break
        }
      }
      guard end > k else { continue }
      // Spans inside must lie wholly inside.
      let inside = Set((b..<end).compactMap { owner[$0] >= 0 ? owner[$0] : nil })
      guard inside.allSatisfy({ spans[$0].tokens.lowerBound >= b && spans[$0].tokens.upperBound <= end }),
        let grown = recognizer.cleaned(spans[s].tokens.lowerBound..<end, type: .organization, in: text, part: part),
        grown.tokens.upperBound == end
      else { continue }
      spans[s] = grown
      removed.formUnion(inside)
      for t in grown.tokens { owner[t] = s }
    }
    if !removed.isEmpty {
      spans = spans.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }
  }

  private static let theHash = FeatureHasher.phraseHash("the")

  /// Words that name a unit of a media or other organisation right after its name: "BBC Verify", "Sky Sports".
  private static let unitWords: Set<UInt64> = Set(
    ["verify", "news", "sport", "sports", "business", "world", "radio", "online", "digital", "investigations",
     "monitoring", "politics", "breakingviews", "magazine"]
      .map { FeatureHasher.phraseHash($0) })

  /// A known organisation grows over a capitalised unit word after it ("BBC" + "Verify").
  static func extendOrganizationUnits(in text: Text, spans: inout [RecognizedSpan], recognizer: EntityRecognizer) {
    let n = text.tokens.count
    let owner = coverage(spans, count: n)
    for s in spans.indices where spans[s].type == .organization {
      let b = spans[s].tokens.upperBound
      guard b < n, owner[b] < 0, text.tokens[b].isWord, text.infos[b].capitalized, unitWords.contains(text.infos[b].lower),
        !(b + 1 < n && text.tokens[b + 1].isWord && text.infos[b + 1].capitalized),
        let grown = recognizer.cleaned(spans[s].tokens.lowerBound..<(b + 1), type: .organization, in: text, part: spans[s].part)
      else { continue }
      spans[s] = grown
    }
  }

  /// An organisation span grows left over "<Capitalised words> for|of" ("Office for" + "National Statistics").
  static func growOrganizationsLeft(in text: Text, spans: inout [RecognizedSpan], recognizer: EntityRecognizer) {
    let owner = coverage(spans, count: text.tokens.count)
    for s in spans.indices where spans[s].type == .organization {
      var a = spans[s].tokens.lowerBound
      guard a >= 2, owner[a - 1] < 0, text.tokens[a - 1].isWord, !text.infos[a - 1].capitalized,
        text.infos[a - 1].lower == NameRules.forHash || text.infos[a - 1].lower == NameRules.ofHash,
        isNameWord(text, a - 2), owner[a - 2] < 0, text.infos[a - 2].flags.contains(.organizationHead)
      else { continue }
      a -= 2
      while a > 0, owner[a - 1] < 0, isNameWord(text, a - 1), !text.infos[a - 1].flags.contains(.title) { a -= 1 }
      if let grown = recognizer.cleaned(a..<spans[s].tokens.upperBound, type: .organization, in: text, part: spans[s].part) {
        spans[s] = grown
      }
    }
  }

  /// A known place the tagger left untagged, written with a capital inside a sentence ("... hits Kyiv"): a
  /// gazetteer place phrase that is no common word, given name or surname.
  static func addGazetteerPlaces(in text: Text, part: Int, to spans: inout [RecognizedSpan], recognizer: EntityRecognizer) {
    let n = text.tokens.count
    let owner = coverage(spans, count: n)
    var added: [RecognizedSpan] = []
    var k = 0
    while k < n {
      guard text.infos[k].phrase == 1 else {
        k += 1
        continue
      }
      var end = k + 1
      while end < n, text.infos[end].phrase == 2 { end += 1 }
      let first = text.infos[k]
      let blocked: GazetteerFlags = [.givenName, .surname, .commonLowercase, .title, .organizationHead, .demonym]
      if (k..<end).allSatisfy({ owner[$0] < 0 }), isNameWord(text, k), !first.sentenceStart,
        end - k > 1 || first.flags.isDisjoint(with: blocked),
        !(k + 1 == end && end < n && text.tokens[end].isWord && text.infos[end].capitalized),
        !(k > 0 && text.tokens[k - 1].isWord && text.infos[k - 1].capitalized),
        end == n || !text.tokens[end].isWord || k > 0 && NameRules.isPlacePreposition(text.infos[k - 1].lower),
        let span = recognizer.cleaned(k..<end, type: .place, in: text, part: part)
      {
        added.append(span)
      }
      k = end
    }
    if !added.isEmpty { spans = (spans + added).sorted { $0.start < $1.start } }
  }

  /// Two or three capitalised words that no list knows and no rule explains ("Scottie Scheffler", "Bidzina
  /// Ivanishvili"), untagged, are most often a person in news text.
  static func addUnknownNamePairs(in text: Text, part: Int, to spans: inout [RecognizedSpan], recognizer: EntityRecognizer) {
    let n = text.tokens.count
    let owner = coverage(spans, count: n)
    let known: GazetteerFlags = [.place, .organization, .organizationHead, .title, .demonym, .commonLowercase]
    func unknownWord(_ k: Int) -> Bool {
      guard owner[k] < 0, isNameWord(text, k), !isAllCaps(text, k), !NameRules.isPossessiveToken(text, k) else {
        return false
      }
      let t = text.tokens[k]
      return t.end - t.start >= 2 && text.infos[k].flags.isDisjoint(with: known)
        && !NameRules.isCalendarWord(text.infos[k].lower) && !NameRules.isEventWord(text.infos[k].lower)
        && !NameRules.isPlaceHead(text.infos[k].lower)
    }
    var added: [RecognizedSpan] = []
    var k = 0
    while k < n {
      guard unknownWord(k) else {
        k += 1
        continue
      }
      var end = k + 1
      while end < n, end - k < 3, unknownWord(end) { end += 1 }
      let boundedLeft = k == 0 || !(text.tokens[k - 1].isWord && text.infos[k - 1].capitalized)
      let boundedRight = end == n || !(text.tokens[end].isWord && text.infos[end].capitalized)
      if end - k >= 2, boundedLeft, boundedRight, let span = recognizer.cleaned(k..<end, type: .person, in: text, part: part) {
        added.append(span)
      }
      k = end
    }
    if !added.isEmpty { spans = (spans + added).sorted { $0.start < $1.start } }
  }

  /// An untagged all-capitals word of two to six letters that is not a common abbreviation ("ISW", "RSF") is an
  /// organisation (countries such as "US" and "DPRK" are in the gazetteer and tagged as places).
  static func addAcronyms(in text: Text, part: Int, to spans: inout [RecognizedSpan], recognizer: EntityRecognizer) {
    let n = text.tokens.count
    let owner = coverage(spans, count: n)
    var added: [RecognizedSpan] = []
    for k in 0..<n where owner[k] < 0 && text.tokens[k].isWord {
      let t = text.tokens[k]
      let length = t.end - t.start
      guard length >= 2, length <= 6, !NameRules.isCommonAcronym(text.infos[k].lower) else { continue }
      var upper = 0
      for i in t.start..<t.end where FeatureHasher.isUpper(text.scalars[i]) { upper += 1 }
      guard upper == length else { continue }
      // Part of a longer capitalised name, or a headline label ("ICYMI:").
      if k > 0, isNameWord(text, k - 1) { continue }
      if k + 1 < n, isNameWord(text, k + 1) { continue }
      var type = EntityType.organization
      if text.infos[k].flags.contains(.place) { type = .place }
      if let span = recognizer.cleaned(k..<(k + 1), type: type, in: text, part: part) { added.append(span) }
    }
    if !added.isEmpty { spans = (spans + added).sorted { $0.start < $1.start } }
  }

  /// A person's span grows over what the tagger left off: "da Silva", "al-Burhan", or a last title-case word
  /// ("Kim Jong" + "Un").
  static func extendPeople(in text: Text, spans: inout [RecognizedSpan], recognizer: EntityRecognizer) {
    let n = text.tokens.count
    var owner = coverage(spans, count: n)
    for s in spans.indices where !spans[s].tokens.isEmpty {
      var b = spans[s].tokens.upperBound
      var grew = false
      let isPerson = spans[s].type == .person
      while b < n {
        let info = text.infos[b]
        if isPerson, text.tokens[b].isWord, !info.capitalized, NameRules.isNameParticle(info.lower), b + 1 < n,
          isNameWord(text, b + 1), owner[b] < 0
        {
          b += 2
          grew = true
        } else if text.tokens[b].isWord, !info.capitalized, isArabicArticleName(text, b), owner[b] < 0 {
          b += 1
          grew = true
        } else if isPerson, isNameWord(text, b), !isAllCaps(text, b), owner[b] < 0 || spans[owner[b]].tokens.count == 1,
          info.flags.isDisjoint(with: [.title, .organizationHead, .demonym]), !NameRules.isCalendarWord(info.lower),
          grew || spans[s].tokens.count >= 2
        {
          b += 1
          grew = true
          break
        } else {
          break
        }
      }
      guard grew,
        let grown = recognizer.cleaned(spans[s].tokens.lowerBound..<b, type: spans[s].type, in: text, part: spans[s].part)
      else { continue }
      for t in spans[s].tokens.upperBound..<b where owner[t] >= 0 && owner[t] != s {
        spans[owner[t]].tokens = 0..<0
      }
      spans[s] = grown
      for t in grown.tokens { owner[t] = s }
    }
    spans.removeAll { $0.tokens.isEmpty }
  }

  /// "al-Burhan", "el-Sisi": a lower-case article, a hyphen and a capital.
  private static func isArabicArticleName(_ text: Text, _ k: Int) -> Bool {
    let t = text.tokens[k]
    guard t.end - t.start > 3 else { return false }
    let s = text.scalars
    let article = (s[t.start] == "a" && s[t.start + 1] == "l") || (s[t.start] == "e" && s[t.start + 1] == "l")
    return article && s[t.start + 2] == "-" && FeatureHasher.isUpper(s[t.start + 3])
  }

  private static func isAllCaps(_ text: Text, _ k: Int) -> Bool {
    let t = text.tokens[k]
    guard t.end - t.start > 1 else { return false }
    for i in t.start..<t.end where FeatureHasher.isLower(text.scalars[i]) { return false }
    return true
  }
}
