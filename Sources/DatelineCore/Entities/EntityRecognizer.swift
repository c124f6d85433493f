/// Finds people, places and organisations in a list of texts (the parts of one story) and types them.
///
/// The statistical tagger (`SequenceTagger`, weights in `Resources/ner/`) proposes spans; rules then trim titles,
/// possessives and trailing common nouns, drop words that are capitalised only because they open a sentence or a
/// headline ("Meanwhile", "ICYMI:"), nationalities and lower-case spans, add names that follow a title or role
/// ("spokesperson Jane Roe"), and make the story consistent: a surface form keeps one type everywhere, and a
/// name (or a person's first or last name) found once is found again wherever it recurs capitalised.
public struct EntityRecognizer: Sendable {
  let tagger: SequenceTagger

  /// A recogniser using `model`.
  public init(model: TaggerModel) { tagger = SequenceTagger(model: model) }

  /// A recogniser using the model compiled into the binary, or nil if it is missing.
  public init?() {
    guard let model = TaggerModel.bundled else { return nil }
    self.init(model: model)
  }

  /// One text, prepared: its scalars, tokens and per-token values.
  struct Text: Sendable {
    var scalars: [Unicode.Scalar]
    var tokens: [Token]
    var infos: [TokenInfo]
    /// Most words in capitals: a shouted line, where capitals say nothing about names.
    var isShouting: Bool
  }

  /// The names in `texts`, in text order then position.
  public func recognize(_ texts: [String]) -> [RecognizedSpan] {
    recognize(prepared: texts.enumerated().map { prepare($0.element, part: $0.offset) })
  }

  /// One text after the work that needs only itself, before the story-wide steps of `recognize(prepared:)`.
  /// Texts can be prepared on different threads and in any order: `recognize(prepared:)` on all of them, in
  /// text order, gives what `recognize` gives.
  public struct PreparedText: Sendable {
    let text: Text
    let spans: [RecognizedSpan]
  }

  /// Prepares the text that is part `index` of its story.
  public func prepare(_ string: String, part index: Int) -> PreparedText {
    let scalars = Array(string.unicodeScalars)
    let tokens = Tokenizer.tokens(in: scalars)
    let infos = tagger.infos(scalars, tokens)
    let text = Text(scalars: scalars, tokens: tokens, infos: infos, isShouting: Self.isShouting(scalars, tokens))
    if text.isShouting || tokens.isEmpty { return PreparedText(text: text, spans: []) }
    let tags = tagger.tag(scalars, tokens, infos)
    var found = spansFromTags(tags, in: text, part: index)
    addTitledNames(in: text, part: index, to: &found)
    addGivenNameNames(in: text, part: index, to: &found)
    NameShapes.addOrganizations(in: text, part: index, to: &found, recognizer: self)
    NameShapes.growOrganizationsLeft(in: text, spans: &found, recognizer: self)
    NameShapes.extendOrganizationsRight(in: text, part: index, spans: &found, recognizer: self)
    NameShapes.extendOrganizationUnits(in: text, spans: &found, recognizer: self)
    NameShapes.addAcronyms(in: text, part: index, to: &found, recognizer: self)
    NameShapes.addGazetteerPlaces(in: text, part: index, to: &found, recognizer: self)
    NameShapes.addUnknownNamePairs(in: text, part: index, to: &found, recognizer: self)
    NameShapes.extendPeople(in: text, spans: &found, recognizer: self)
    SportsContext.apply(in: text, part: index, spans: &found, recognizer: self)
    return PreparedText(text: text, spans: found)
  }

  /// The names in the texts `prepared` (all of a story's first texts, in order): the story-wide steps.
  public func recognize(prepared: some Collection<PreparedText>) -> [RecognizedSpan] {
    let texts = prepared.map(\.text)
    return SportsContext.propagate(DocumentConsistency.apply(to: prepared.flatMap(\.spans), texts: texts), texts: texts)
  }

  /// The names in one text.
  public func recognize(_ text: String) -> [RecognizedSpan] { recognize([text]) }

  // MARK: - From tags to spans

  private func spansFromTags(_ tags: [BIOTag], in text: Text, part: Int) -> [RecognizedSpan] {
    var result: [RecognizedSpan] = []
    var i = 0
    let n = tags.count
    while i < n {
      guard let type = tags[i].entityType else {
        i += 1
        continue
      }
      var j = i + 1
      while j < n, tags[j].isInside, tags[j].entityType == type { j += 1 }
      // A known multi-word place or organisation the tagger caught only part of ("South Korea").
      var a = i
      while a > 0, text.infos[a].phrase == 2 || text.infos[a].phrase == 4, tags[a - 1] == .outside { a -= 1 }
      var b = j
      while b < n, text.infos[b].phrase == 2 || text.infos[b].phrase == 4, tags[b] == .outside { b += 1 }
      let phraseKind = text.infos[a].phrase
      var spanType = a < i || b > j ? (phraseKind == 1 ? EntityType.place : phraseKind == 3 ? .organization : type) : type
      // A place head the tagger left out ("Bilhorod-Dnistrovskyi" + "Estuary", "Patapsco" + "River").
      if b < n, tags[b] == .outside, text.infos[b].capitalized, NameRules.isPlaceHead(text.infos[b].lower),
        !text.infos[b].sentenceStart
      {
        b += 1
        spanType = .place
      }
      for (range, pieceType) in NameRules.pieces(of: a..<b, type: spanType, in: text) {
        if let span = cleaned(range, type: pieceType, in: text, part: part) { result.append(span) }
      }
      i = b
    }
    return result
  }

  /// Trims a proposed span to the name and decides whether to keep it.
  func cleaned(_ range: Range<Int>, type: EntityType, in text: Text, part: Int) -> RecognizedSpan? {
    var a = range.lowerBound
    var b = range.upperBound
    var type = type
    let infos = text.infos
    // Leading "the", titles before a person, and sentence-opening common words.
    while a < b {
      let t = infos[a]
      if !text.tokens[a].isWord || !t.capitalized && !isDigitStart(text, a) {
        a += 1
      } else if type == .person, t.flags.contains(.title), b - a > 1 {
        a += 1
      } else if type == .person, t.flags.contains(.demonym), b - a > 2, infos[a + 1].flags.contains(.givenName) {
        // "Dane Mads Lindgaard": a nationality before a full name.
        a += 1
      } else if t.flags.contains(.title), b - a > 1, infos[a + 1].capitalized,
        !infos[a + 1].flags.contains(.organizationHead),
        !infos[a + 1].flags.isDisjoint(with: [.givenName, .surname, .title])
      {
        // "Supreme Leader Ali Khamenei" tagged as one organisation: the title goes, a person stays.
        a += 1
        if !infos[a].flags.contains(.title) { type = .person }
      } else if t.sentenceStart, t.flags.contains(.commonLowercase), b - a > 1,
        t.flags.isDisjoint(with: [.place, .organization, .givenName, .surname]) || NameRules.isFunctionWord(t.lower)
      {
        a += 1
      } else {
        break
      }
    }
    // Trailing possessives, punctuation and lower-case common nouns ("Kursk region").
    while b > a {
      let k = b - 1
      if !text.tokens[k].isWord || isPossessive(text, k) || !infos[k].capitalized && !isDigitStart(text, k) {
        b -= 1
      } else {
        break
      }
    }
    // Trailing day and month names ("... Council on Wednesday" was cut at "on"; "Kyiv Monday"), and dates or
    // years ("LONDON 1996-08-30", "Kyiv 2024"); a plain number stays ("Channel 4").
    while b - a > 1, NameRules.isCalendarWord(infos[b - 1].lower) || isDateLike(text, b - 1) { b -= 1 }
    guard a < b else { return nil }
    let first = infos[a]
    // Nationalities: "North Korean", "Russians", or "North" before "Korean".
    if infos[b - 1].flags.contains(.demonym) { return nil }
    if b < infos.count, infos[b].capitalized, infos[b].flags.contains(.demonym) { return nil }
    // Events and calendar words are not entities ("Summit on Peace", "Thursday").
    if NameRules.isEventWord(first.lower) || NameRules.isCalendarWord(first.lower) { return nil }
    if b - a > 1, infos[b - 1].capitalized, NameRules.isEventHead(infos[b - 1].lower),
      !first.flags.contains(.organizationHead), !(type == .organization && first.flags.contains(.organization))
    {
      return nil
    }
    if b - a == 1, NameRules.isPlaceCompound(text, a, model: tagger.model) { return nil }
    if b - a == 1 {
      if first.flags.contains(.demonym) || NameRules.isFunctionWord(first.lower) { return nil }
      let known = !first.flags.isDisjoint(with: [.place, .organization, .givenName, .surname])
      if first.sentenceStart, first.flags.contains(.commonLowercase), !known { return nil }
      // "ICYMI:", "Pictured:" opening a text.
      if a == 0, b < text.tokens.count, text.scalars[text.tokens[b].start] == ":", !known { return nil }
      // A lone letter or number is never a name.
      if text.tokens[a].end - text.tokens[a].start < 2 || isDigitStart(text, a) { return nil }
    }
    guard hasLetter(text, a..<b) else { return nil }
    type = repairedType(type, a..<b, in: text)
    let start = text.tokens[a].start
    let end = text.tokens[b - 1].end
    var span = RecognizedSpan(
      part: part, start: start, end: end, tokens: a..<b, type: type, text: Self.string(text.scalars, start..<end))
    span.introducedAbbreviation = abbreviation(after: b, in: text)
    return span
  }

  /// Corrects a type that the words themselves contradict: a name ending in an organisation head ("... Forces",
  /// "... Institute") is an organisation; a "person" whose words are a known place and no known name is a place;
  /// a "place" that opens with a known given name that is no place is a person.
  private func repairedType(_ type: EntityType, _ r: Range<Int>, in text: Text) -> EntityType {
    let infos = text.infos
    let last = infos[r.upperBound - 1]
    if r.count >= 2, last.capitalized, last.flags.contains(.organizationHead) { return .organization }
    if r.count >= 2, last.capitalized, NameRules.isPlaceHead(last.lower) { return .place }
    // "Institute for the Study of War", "Bank of England": a head word, then "for" or "of".
    let first = infos[r.lowerBound]
    if r.count >= 3, first.capitalized, first.flags.contains(.organizationHead), !infos[r.lowerBound + 1].capitalized,
      NameRules.isConnector(infos[r.lowerBound + 1].lower)
    {
      return .organization
    }
    let nameFlags: GazetteerFlags = [.givenName, .surname]
    var h = FeatureHasher.offset
    for (n, k) in r.enumerated() {
      if n > 0 { h = FeatureHasher.step(h, 0x20) }
      h = FeatureHasher.lowerHash(text.scalars, text.tokens[k].start..<text.tokens[k].end, from: h)
    }
    let phrase = tagger.model.flags(h)
    if type == .person, r.count > 1,
      r.allSatisfy({ infos[$0].flags.isDisjoint(with: nameFlags) || !text.tokens[$0].isWord })
    {
      if phrase.contains(.place) { return .place }
      if phrase.contains(.organization) { return .organization }
    }
    // A known place that is no known organisation ("Storms hit Lisbon"): capitals standing for governments
    // stay places too.
    if type == .organization, phrase.contains(.place), !phrase.contains(.organization),
      !(r.count == 1 && isAllCapitals(text, r.lowerBound))
    {
      return .place
    }
    // An unknown single word with a surname ending ("-sky", "-enko", "-wicz") is a person, not a place.
    if type == .place, r.count == 1, !phrase.contains(.place), hasSurnameEnding(text, r.lowerBound) { return .person }
    if type == .place, r.count >= 2, infos[r.lowerBound].flags.contains(.givenName),
      !infos[r.lowerBound].flags.contains(.place), infos[r.lowerBound + 1].flags.isDisjoint(with: [.place, .organizationHead])
    {
      return .person
    }
    return type
  }

  private func hasSurnameEnding(_ text: Text, _ k: Int) -> Bool {
    let t = text.tokens[k]
    var word = ""
    for i in t.start..<t.end { word.unicodeScalars.append(text.scalars[i]) }
    word = word.lowercased()
    return ["sky", "skiy", "skyi", "enko", "chuk", "wicz", "vich", "ovic", "ski"].contains { word.hasSuffix($0) }
      && word.count > 5
  }

  private func isAllCapitals(_ text: Text, _ k: Int) -> Bool {
    let t = text.tokens[k]
    for i in t.start..<t.end where FeatureHasher.isLower(text.scalars[i]) { return false }
    return t.end - t.start > 1
  }

  /// "(ISW)" right after a name.
  private func abbreviation(after k: Int, in text: Text) -> String? {
    guard k + 2 < text.tokens.count, text.scalars[text.tokens[k].start] == "(",
      text.scalars[text.tokens[k + 2].start] == ")"
    else { return nil }
    let word = text.tokens[k + 1]
    let count = word.end - word.start
    guard count >= 2, count <= 8 else { return nil }
    for i in word.start..<word.end where FeatureHasher.isLower(text.scalars[i]) { return nil }
    return Self.string(text.scalars, word.start..<word.end)
  }

  /// Capitalised words after a title or role ("Colonel General Kim Yong Bok", "spokesperson Sabrina Sigh") that
  /// the tagger left untagged become a person.
  private func addTitledNames(in text: Text, part: Int, to spans: inout [RecognizedSpan]) {
    var covered = [Bool](repeating: false, count: text.tokens.count)
    for span in spans { for k in span.tokens { covered[k] = true } }
    var added: [RecognizedSpan] = []
    var i = 0
    let n = text.tokens.count
    while i < n {
      guard text.infos[i].flags.contains(.title), !covered[i] else {
        i += 1
        continue
      }
      var j = i + 1
      while j < n, text.infos[j].flags.contains(.title), text.infos[j].capitalized == text.infos[i].capitalized {
        j += 1
      }
      var k = j
      while k < n, k - j < 4, text.tokens[k].isWord, text.infos[k].capitalized, !covered[k],
        !text.infos[k].flags.contains(.title), !text.infos[k].flags.contains(.demonym),
        !text.infos[k].flags.contains(.organizationHead), !isPossessive(text, k)
      {
        k += 1
      }
      if k > j, k - j <= 3, let span = cleaned(j..<k, type: .person, in: text, part: part) {
        added.append(span)
        for t in span.tokens { covered[t] = true }
      }
      i = max(k, i + 1)
    }
    if !added.isEmpty { spans = (spans + added).sorted { $0.start < $1.start } }
  }

  /// A known given name followed by capitalised words that are not places, organisations or titles
  /// ("Vladimir Putin", "Antony Blinken") is a person, whatever the tagger said about those tokens alone.
  private func addGivenNameNames(in text: Text, part: Int, to spans: inout [RecognizedSpan]) {
    let n = text.tokens.count
    var owner = [Int](repeating: -1, count: n)
    for (s, span) in spans.enumerated() { for k in span.tokens { owner[k] = s } }
    var removed = Set<Int>()
    var added: [RecognizedSpan] = []
    var i = 0
    while i < n {
      let t = text.infos[i]
      guard t.capitalized, t.flags.contains(.givenName), text.tokens[i].isWord,
        !(t.sentenceStart && t.flags.contains(.commonLowercase)),
        owner[i] < 0 || spans[owner[i]].type != .person || spans[owner[i]].tokens.count == 1
      else {
        i += 1
        continue
      }
      var k = i + 1
      let blocked: GazetteerFlags = [.place, .organization, .title, .organizationHead, .demonym, .commonLowercase]
      while k < n, k - i < 4, text.tokens[k].isWord, text.infos[k].capitalized, !isPossessive(text, k),
        text.infos[k].flags.isDisjoint(with: blocked) || text.infos[k].flags.contains(.surname)
          && !text.infos[k].flags.contains(.commonLowercase)
      {
        k += 1
      }
      // Every span touching i..<k must lie inside it and not be a longer person already.
      var touched = Set<Int>()
      for m in i..<k where owner[m] >= 0 { touched.insert(owner[m]) }
      let inside = touched.allSatisfy { spans[$0].tokens.lowerBound >= i && spans[$0].tokens.upperBound <= k }
      // Words running on into an organisation head ("India Meteorological Department") are no person.
      let runsIntoOrganization = k < n && text.infos[k].capitalized && text.infos[k].flags.contains(.organizationHead)
      if k - i >= 2, inside, !runsIntoOrganization, !touched.contains(where: { spans[$0].type == .person && spans[$0].tokens == i..<k }),
        let span = cleaned(i..<k, type: .person, in: text, part: part)
      {
        removed.formUnion(touched)
        added.append(span)
        i = k
      } else {
        i += 1
      }
    }
    guard !added.isEmpty else { return }
    spans = (spans.enumerated().filter { !removed.contains($0.offset) }.map(\.element) + added)
      .sorted { $0.start < $1.start }
  }

  // MARK: - Small helpers

  func isPossessive(_ text: Text, _ k: Int) -> Bool {
    let t = text.tokens[k]
    guard t.end - t.start == 2 else { return false }
    let a = text.scalars[t.start].value
    return (a == 0x27 || a == 0x2019 || a == 0x2BC || a == 0x2018) && (text.scalars[t.start + 1] == "s" || text.scalars[t.start + 1] == "S")
  }

  func isDigitStart(_ text: Text, _ k: Int) -> Bool { FeatureHasher.isDigit(text.scalars[text.tokens[k].start]) }

  /// A date or a year: digits with "-", "/" or "." between them ("1996-08-30", "12/06"), or four digits from
  /// 1000 to 2999.
  func isDateLike(_ text: Text, _ k: Int) -> Bool {
    let t = text.tokens[k]
    var digits = 0
    var separators = 0
    for i in t.start..<t.end {
      let c = text.scalars[i]
      if FeatureHasher.isDigit(c) {
        digits += 1
      } else if c == "-" || c == "/" || c == "." {
        separators += 1
      } else {
        return false
      }
    }
    guard digits > 0, FeatureHasher.isDigit(text.scalars[t.start]) else { return false }
    if separators > 0 { return true }
    let first = text.scalars[t.start]
    return digits == 4 && (first == "1" || first == "2")
  }

  private func hasLetter(_ text: Text, _ r: Range<Int>) -> Bool {
    for k in r {
      for i in text.tokens[k].start..<text.tokens[k].end where FeatureHasher.isLetter(text.scalars[i]) { return true }
    }
    return false
  }

  static func string(_ scalars: [Unicode.Scalar], _ r: Range<Int>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[r])
    return String(view)
  }

  /// Four or more words, at least 70% of them in capitals with more than one letter.
  static func isShouting(_ scalars: [Unicode.Scalar], _ tokens: [Token]) -> Bool {
    var words = 0
    var shouted = 0
    for t in tokens where t.isWord {
      var upper = 0
      var lower = 0
      for i in t.start..<t.end {
        if FeatureHasher.isUpper(scalars[i]) { upper += 1 } else if FeatureHasher.isLower(scalars[i]) { lower += 1 }
      }
      if upper + lower == 0 { continue }
      words += 1
      if lower == 0 && upper > 1 { shouted += 1 }
    }
    return words >= 4 && shouted * 10 >= words * 7
  }
}
