/// Small word lists and span-shaping rules used by `EntityRecognizer` on top of the tagger.
enum NameRules {
  private static func hashes(_ words: [String]) -> Set<UInt64> {
    Set(words.map { FeatureHasher.phraseHash($0) })
  }

  private static let calendar = hashes(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
     "march", "april", "june", "july", "august", "september", "october", "november", "december"])

  private static let events = hashes(
    ["summit", "conference", "forum", "olympics", "games", "cup", "festival", "awards", "election", "elections",
     "war", "championship", "tournament", "expo", "congress of", "day", "week"])

  /// Lower-case words that may sit inside a name: "Institute for the Study of War", "Abu Bakr al-Baghdadi".
  private static let connectors = hashes(
    ["of", "the", "for", "and", "de", "da", "del", "la", "le", "al", "el", "bin", "ibn", "van", "von", "der", "du",
     "dos", "das", "y", "&", "on"])

  /// Words that are never a name alone, whatever their capitals: "The", "Meanwhile", "However".
  private static let functionWords = hashes(
    ["the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his",
     "her", "their", "our", "in", "on", "at", "of", "for", "and", "but", "or", "as", "if", "when", "while",
     "after", "before", "so", "then", "there", "here", "what", "who", "how", "why", "where", "meanwhile",
     "however", "also", "yet", "still", "now", "today", "yesterday", "tomorrow", "earlier", "later", "separately",
     "according", "despite", "although", "because", "since", "with", "without", "from", "by", "to", "into",
     "over", "under", "about", "all", "some", "many", "most", "no", "not", "one", "two", "three", "first",
     "last", "next", "new", "more", "other", "both", "each", "every", "several", "such", "only", "just", "even",
     "pictured", "watch", "read", "breaking", "update", "updates", "live", "icymi", "video", "photos", "analysis",
     "opinion", "explainer", "exclusive", "comment", "editorial", "latest", "key", "summary"])

  /// Capitalised abbreviations that are not names.
  private static let commonAcronyms = hashes(
    ["ai", "gdp", "ceo", "cfo", "tv", "pm", "am", "mp", "mps", "utc", "gmt", "bst", "est", "edt", "cet", "ok", "id",
     "it", "pr", "hiv", "aids", "covid", "dna", "usd", "eur", "gbp", "vat", "nft", "lgbt", "lgbtq", "faq", "pdf",
     "url", "gps", "suv", "uav", "ev", "evs", "ivf", "icu", "er", "nb", "ps", "rip", "lol", "omg", "ii", "iii",
     "iv", "vi", "vii", "viii", "ix", "xi", "xii", "km", "mw", "gw", "kw", "mph", "kph", "ap", "icymi", "breaking",
     "update", "live", "watch", "video", "news", "pic", "pics", "op", "ed", "qa", "q", "a", "jr", "sr", "dr", "st",
     "no", "vs", "etc", "ie", "eg", "hq", "ipo", "ngo", "ngos", "ev", "lng", "co2", "ppe", "sms", "api", "ceos"])

  static func isFunctionWord(_ lower: UInt64) -> Bool { functionWords.contains(lower) }
  static func isCommonAcronym(_ lower: UInt64) -> Bool { commonAcronyms.contains(lower) }
  static func isConnector(_ lower: UInt64) -> Bool { connectors.contains(lower) }

  /// Lower-case particles inside people's names: "da Silva", "van der Leyen", "bin Salman".
  private static let nameParticles = hashes(
    ["da", "de", "del", "della", "di", "dos", "das", "du", "van", "von", "der", "den", "bin", "ibn", "al", "el",
     "la", "le", "y", "ter", "zu"])

  private static let placePrepositions = hashes(
    ["in", "near", "to", "from", "across", "towards", "toward", "outside", "around", "at", "into", "through",
     "of", "between", "via", "throughout", "inside", "within", "beyond", "off"])

  /// A preposition that usually comes before a place: "in", "near", "towards".
  static func isPlacePreposition(_ lower: UInt64) -> Bool { placePrepositions.contains(lower) }

  static func isNameParticle(_ lower: UInt64) -> Bool { nameParticles.contains(lower) }

  static func isCalendarWord(_ lower: UInt64) -> Bool { calendar.contains(lower) }

  /// Words that end the names of places: "Margaret Island", "Patapsco River", "Key Bridge".
  private static let placeHeads = hashes(
    ["island", "islands", "river", "lake", "bridge", "street", "square", "park", "mountain", "mountains", "bay",
     "sea", "valley", "strait", "coast", "gulf", "airport", "station", "stadium", "palace", "hall", "tower",
     "road", "avenue", "boulevard", "canal", "peninsula", "desert", "forest", "hill", "hills", "cape", "beach",
     "harbour", "harbor", "estuary", "delta", "plain", "plateau", "ocean", "reservoir", "dam", "shoal", "reef"])

  static func isPlaceHead(_ lower: UInt64) -> Bool { placeHeads.contains(lower) }

  static let onHash = FeatureHasher.phraseHash("on")
  static let forHash = FeatureHasher.phraseHash("for")
  static let ofHash = FeatureHasher.phraseHash("of")
  static func isEventWord(_ lower: UInt64) -> Bool { events.contains(lower) }

  /// Last words of events and prizes: "Booker Prize", "World Cup", "Chelsea Flower Show".
  private static let eventHeads = hashes(
    ["prize", "prizes", "award", "awards", "cup", "olympics", "championship", "championships", "festival",
     "show", "summit", "conference", "expo", "marathon", "tournament"])

  static func isEventHead(_ lower: UInt64) -> Bool { eventHeads.contains(lower) }

  /// Endings of adjectives and nationalities ("Islamic", "Khmer"-ian, "Congolese"): such a word opening an
  /// organisation's name is no name for it alone.
  static func hasAdjectiveEnding(_ text: EntityRecognizer.Text, _ k: Int) -> Bool {
    let t = text.tokens[k]
    guard t.end - t.start > 3 else { return false }
    var tail = ""
    for i in (t.end - 3)..<t.end { tail.unicodeScalars.append(text.scalars[i]) }
    tail = tail.lowercased()
    return tail.hasSuffix("ic") || tail.hasSuffix("ian") || tail.hasSuffix("ese") || tail.hasSuffix("ish")
      || tail.hasSuffix("can") || tail.hasSuffix("ean")
  }

  /// "Ukraine-Russia": one hyphenated token whose two halves are both known places.
  static func isPlaceCompound(_ text: EntityRecognizer.Text, _ k: Int, model: TaggerModel) -> Bool {
    let token = text.tokens[k]
    var hyphen = -1
    for i in token.start..<token.end where text.scalars[i] == "-" {
      if hyphen >= 0 { return false }
      hyphen = i
    }
    guard hyphen > token.start, hyphen + 1 < token.end else { return false }
    if model.flags(text.infos[k].lower).contains(.place) { return false }  // "Asia-Pacific"
    let left = FeatureHasher.lowerHash(text.scalars, token.start..<hyphen)
    let right = FeatureHasher.lowerHash(text.scalars, (hyphen + 1)..<token.end)
    return model.flags(left).contains(.place) && model.flags(right).contains(.place)
  }

  /// A tagger span cut into the names it holds:
  /// - at a lower-case word that cannot sit inside a name ("Ukraine include Colonel ..."), keeping the left part
  ///   (but "on" only when a calendar word follows, as in "... Council on Wednesday");
  /// - between an organisation and a person named right after it ("Stimson Center Michael Madden");
  /// - grown over "’s Army" to "Korean People’s Army".
  static func pieces(of range: Range<Int>, type: EntityType, in text: EntityRecognizer.Text) -> [(Range<Int>, EntityType)] {
    var a = range.lowerBound
    var b = range.upperBound
    let infos = text.infos
    var type = type
    for k in (a + 1)..<max(a + 1, b) where text.tokens[k].isWord && !infos[k].capitalized
      && !FeatureHasher.isDigit(text.scalars[text.tokens[k].start])
    {
      let isOn = infos[k].lower == onHash
      if !connectors.contains(infos[k].lower) || isOn && k + 1 < b && calendar.contains(infos[k + 1].lower) {
        b = k
        break
      }
    }
    // "People" + "’s" + "Army": an organisation whose name holds a possessive.
    if b + 1 < infos.count, isPossessiveToken(text, b), infos[b + 1].capitalized,
      infos[b + 1].flags.contains(.organizationHead)
    {
      b += 2
      type = .organization
      while a > 0, infos[a - 1].capitalized, text.tokens[a - 1].isWord, !infos[a - 1].sentenceStart || a - 1 > 0 {
        a -= 1
      }
    }
    // "Brigadier General Tamás Horváth" tagged as one organisation: a title, then a person.
    for k in a..<max(a, b - 1) where infos[k].flags.contains(.title) && infos[k + 1].capitalized
      && !infos[k + 1].flags.isDisjoint(with: [.givenName, .surname])
      && !infos[k + 1].flags.contains(.title) && type != .person
      && !infos[k + 1].flags.contains(.organizationHead) && !infos[b - 1].flags.contains(.organizationHead)
    {
      return [((k + 1)..<b, .person)]
    }
    for k in (a + 1)..<max(a + 1, b - 1) where infos[k].flags.contains(.organizationHead)
      && infos[k + 1].flags.contains(.givenName) && infos[k + 1].capitalized
    {
      return [(a..<(k + 1), .organization), ((k + 1)..<b, .person)]
    }
    return [(a..<b, type)]
  }

  static func isPossessiveToken(_ text: EntityRecognizer.Text, _ k: Int) -> Bool {
    let t = text.tokens[k]
    guard t.end - t.start == 2 else { return false }
    let v = text.scalars[t.start].value
    return (v == 0x27 || v == 0x2019 || v == 0x2BC || v == 0x2018) && (text.scalars[t.start + 1] == "s" || text.scalars[t.start + 1] == "S")
  }
}
