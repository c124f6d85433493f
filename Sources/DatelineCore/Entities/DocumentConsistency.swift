/// Story-level consistency of recognised names.
///
/// 1. A surface form has one type throughout the story: the type most of its spans were given.
/// 2. A name seen once is found again wherever the same words recur capitalised and untagged; a person's first
///    or last name alone ("Madden" after "Michael Madden") is found as that person.
enum DocumentConsistency {
  static func apply(to spans: [RecognizedSpan], texts: [EntityRecognizer.Text]) -> [RecognizedSpan] {
    guard !spans.isEmpty else { return [] }
    // Votes per surface form (lower-case token hashes).
    var votes: [[UInt64]: [Int]] = [:]
    var firstType: [[UInt64]: EntityType] = [:]
    for span in spans {
      let key = hashes(span, texts)
      votes[key, default: [0, 0, 0]][index(span.type)] += 1
      if firstType[key] == nil { firstType[key] = span.type }
    }
    func majority(_ key: [UInt64]) -> EntityType? {
      guard let v = votes[key], let best = v.max() else { return nil }
      if let first = firstType[key], v[index(first)] == best { return first }
      return EntityType.allCases[v.firstIndex(of: best) ?? 0]
    }
    // A token that is the first or last word of a person's full name keeps that reading alone.
    // Compared with case: "Un" in "Kim Jong Un" says nothing about "UN".
    var personWords = Set<UInt64>()
    for span in spans where span.type == .person && span.tokens.count > 1 {
      let words = span.tokens.filter { texts[span.part].tokens[$0].isWord }
      if let f = words.first { personWords.insert(texts[span.part].infos[f].cased) }
      if let l = words.last { personWords.insert(texts[span.part].infos[l].cased) }
    }
    // The first word of a longer organisation name that is no known place or organisation by itself: alone, it
    // is that organisation ("Veltrix" after "Veltrix Semiconductor").
    var organizationFirstWords = Set<UInt64>()
    for span in spans where span.type == .organization && span.tokens.count > 1 {
      let info = texts[span.part].infos[span.tokens.lowerBound]
      if info.capitalized,
        info.flags.isDisjoint(with: [.place, .organization, .organizationHead, .givenName, .title, .commonLowercase, .demonym]),
        !NameRules.hasAdjectiveEnding(texts[span.part], span.tokens.lowerBound)
      {
        organizationFirstWords.insert(info.cased)
      }
    }
    var result = spans.map { span -> RecognizedSpan in
      var span = span
      let key = hashes(span, texts)
      let info = texts[span.part].infos[span.tokens.lowerBound]
      let knownOther = !info.flags.isDisjoint(with: [.place, .organization])
      if key.count == 1, organizationFirstWords.contains(info.cased), !personWords.contains(info.cased) {
        span.type = .organization
        return span
      }
      span.type =
        key.count == 1 && personWords.contains(info.cased) && !knownOther ? .person : majority(key) ?? span.type
      return span
    }

    // Known names by first token, longest first; single first/last names of people.
    var byFirst: [UInt64: [([UInt64], EntityType)]] = [:]
    for (key, _) in votes {
      guard let type = majority(key), let head = key.first else { continue }
      byFirst[head, default: []].append((key, type))
    }
    var personFirstLast = Set<UInt64>()
    for span in result where span.type == .person && span.tokens.count > 1 {
      let text = texts[span.part]
      let wordIndices = span.tokens.filter { text.tokens[$0].isWord }
      for k in [wordIndices.first, wordIndices.last].compactMap({ $0 }) where text.tokens[k].end - text.tokens[k].start > 1 {
        let h = text.infos[k].lower
        if votes[[h]] == nil, !text.infos[k].flags.contains(.commonLowercase) {
          byFirst[h, default: []].append(([h], .person))
          personFirstLast.insert(text.infos[k].cased)
        }
      }
    }
    // The first word of a longer organisation name is found again alone ("Harbourline" after "Harbourline
    // Logistics"), with the same capitals.
    for span in result where span.type == .organization && span.tokens.count > 1 {
      let info = texts[span.part].infos[span.tokens.lowerBound]
      if organizationFirstWords.contains(info.cased), votes[[info.lower]] == nil,
        !(byFirst[info.lower] ?? []).contains(where: { $0.0.count == 1 })
      {
        byFirst[info.lower, default: []].append(([info.lower], .organization))
      }
    }
    for key in byFirst.keys { byFirst[key]?.sort { $0.0.count > $1.0.count } }

    var covered: [[Bool]] = texts.map { [Bool](repeating: false, count: $0.tokens.count) }
    for span in result { for k in span.tokens { covered[span.part][k] = true } }
    var added: [RecognizedSpan] = []
    for (p, text) in texts.enumerated() {
      var i = 0
      let n = text.tokens.count
      while i < n {
        let info = text.infos[i]
        // A single letter ("I", "A") is never found again as a name.
        guard !covered[p][i], info.capitalized, text.tokens[i].end - text.tokens[i].start > 1,
          let candidates = byFirst[info.lower]
        else {
          i += 1
          continue
        }
        if info.sentenceStart, info.flags.contains(.commonLowercase) {
          i += 1
          continue
        }
        var matched: ([UInt64], EntityType)?
        for candidate in candidates where i + candidate.0.count <= n {
          var ok = true
          for (offset, h) in candidate.0.enumerated()
          where covered[p][i + offset] || text.infos[i + offset].lower != h {
            ok = false
            break
          }
          if ok {
            matched = candidate
            break
          }
        }
        // A lone word followed by another capitalised word belongs to some other, longer name.
        if let (key, _) = matched, key.count == 1, i + 1 < n, text.tokens[i + 1].isWord,
          text.infos[i + 1].capitalized
        {
          matched = nil
        }
        // A person's first or last name is found again only with the same capitals.
        if let (key, type) = matched, key.count == 1, type == .person, votes[key] == nil,
          !personFirstLast.contains(info.cased)
        {
          matched = nil
        }
        guard let (key, type) = matched else {
          i += 1
          continue
        }
        let start = text.tokens[i].start
        let end = text.tokens[i + key.count - 1].end
        added.append(
          RecognizedSpan(
            part: p, start: start, end: end, tokens: i..<(i + key.count), type: type,
            text: EntityRecognizer.string(text.scalars, start..<end)))
        for k in i..<(i + key.count) { covered[p][k] = true }
        i += key.count
      }
    }
    result += added
    result.sort { ($0.part, $0.start) < ($1.part, $1.start) }
    return result
  }

  private static func index(_ type: EntityType) -> Int {
    switch type {
    case .person: 0
    case .place: 1
    case .organization: 2
    }
  }

  private static func hashes(_ span: RecognizedSpan, _ texts: [EntityRecognizer.Text]) -> [UInt64] {
    span.tokens.map { texts[span.part].infos[$0].lower }
  }
}
