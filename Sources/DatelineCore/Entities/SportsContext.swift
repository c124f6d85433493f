/// Teams in match reports: "Ireland beat Wales 31-7", "Ajax lost 2-1 at Feyenoord", "India captain ...".
///
/// In a text that reads as sport (a score such as "3-1", or sports words such as "striker", "wickets",
/// "half-time"), a place or organisation name is a team, hence an organisation, when it
/// - stands right before a score or a result verb ("beat", "drew", "lost to") whose other side is a name too,
/// - stands right after such a verb or "at"/"against"/"v" following a score or a result verb,
/// - or is followed by a team role ("coach", "captain", "goalkeeper").
/// Places named as venues ("in Dublin", "at the Aviva Stadium") are left alone.
enum SportsContext {
  private static func hashes(_ words: [String]) -> Set<UInt64> { Set(words.map { FeatureHasher.phraseHash($0) }) }

  private static let sportsWords = hashes(
    ["striker", "strikers", "midfielder", "midfielders", "defender", "goalkeeper", "goalie", "winger",
     "scored", "scorer", "half-time", "halftime", "wickets", "wicket", "innings", "batsman", "batsmen", "bowler", "bowlers",
     "touchdown", "touchdowns", "referee", "league", "fixture", "fixtures", "semi-final", "quarter-final",
     "relegation", "playoff", "play-off", "playoffs", "coach", "hat-trick", "equaliser", "equalizer", "overtime",
     "rebounds", "unbeaten", "kick-off", "stoppage-time", "penalties", "soccer", "football",
     "rugby", "cricket", "tennis", "golf", "basketball", "hockey", "baseball"])

  private static let resultVerbs = hashes(
    ["beat", "beats", "beating", "defeated", "defeat", "defeats", "thrashed", "thrash", "edged", "edge", "routed",
     "drew", "draw", "draws", "held", "hold", "lost", "lose", "loses", "host", "hosts", "hosted", "face", "faces",
     "faced", "play", "plays", "played", "meet", "meets", "trounced", "downed", "outclassed", "stunned",
     "overcame", "eliminated", "knocked", "v", "vs", "vs.", "versus", "against"])

  /// Words between a result verb and the other team: "drew 1-1 with", "lost 2-1 at", "lost to", "won at".
  private static let linkWords = hashes(["with", "to", "at", "against", "over", "by", "in", "out", "the"])

  private static let teamRoles = hashes(
    ["coach", "manager", "captain", "skipper", "goalkeeper", "keeper", "striker", "midfielder", "defender",
     "winger", "forward", "opener", "batsman", "bowler", "fly-half", "scrum-half", "boss", "fans",
     "supporters", "squad", "team", "players", "player", "sporting"])

  /// In one text: adds the team names the tagger missed next to a result ("lost 2-1 at Feyenoord") and makes
  /// every team an organisation.
  static func apply(
    in text: EntityRecognizer.Text, part: Int, spans: inout [RecognizedSpan], recognizer: EntityRecognizer
  ) {
    guard isSports(text) else { return }
    addMissedTeams(in: text, part: part, spans: &spans, recognizer: recognizer)
    for s in teams(in: text, spans: spans) { spans[s].type = .organization }
  }

  /// Across a story: a name taken as a team anywhere is a team in every text that reads as sport.
  static func propagate(_ spans: [RecognizedSpan], texts: [EntityRecognizer.Text]) -> [RecognizedSpan] {
    var byPart: [Int: [Int]] = [:]
    for (s, span) in spans.enumerated() { byPart[span.part, default: []].append(s) }
    // A text reads as sport when it or a text up to two before or after it does (a match report's paragraphs).
    let sportsParts = (0..<texts.count).filter { isSports(texts[$0]) }
    guard !sportsParts.isEmpty else { return spans }
    var sporty = Set<Int>()
    for p in sportsParts { for q in max(0, p - 2)...min(texts.count - 1, p + 2) { sporty.insert(q) } }
    var teamKeys = Set<[UInt64]>()
    for (part, indices) in byPart where sporty.contains(part) {
      let local = indices.map { spans[$0] }
      for s in teams(in: texts[part], spans: local) {
        let k = key(local[s], texts)
        teamKeys.insert(k)
        // "Boston" for "Boston Celtics", "Salzburg" for "Red Bull Salzburg".
        if k.count > 1, let first = k.first, let last = k.last {
          teamKeys.insert([first])
          teamKeys.insert([last])
        }
      }
    }
    guard !teamKeys.isEmpty else { return spans }
    return spans.map { span in
      var span = span
      if span.type != .person, sporty.contains(span.part), teamKeys.contains(key(span, texts)) {
        span.type = .organization
      }
      return span
    }
  }

  private static func key(_ span: RecognizedSpan, _ texts: [EntityRecognizer.Text]) -> [UInt64] {
    span.tokens.map { texts[span.part].infos[$0].lower }
  }

  /// Indices of the spans that name teams in a sports text.
  private static func teams(in text: EntityRecognizer.Text, spans: [RecognizedSpan]) -> Set<Int> {
    let n = text.tokens.count
    var owner = [Int](repeating: -1, count: n)
    for (s, span) in spans.enumerated() { for k in span.tokens where k < n { owner[k] = s } }
    func spanStarting(at k: Int) -> Int? {
      guard k < n, owner[k] >= 0, spans[owner[k]].tokens.lowerBound == k else { return nil }
      return owner[k]
    }
    var teams = Set<Int>()
    for (s, span) in spans.enumerated() where span.type != .person {
      let b = span.tokens.upperBound
      guard b < n else { continue }
      // "Ferencvaros 3 Ujpest 1" and "Ireland 31-7"
      if isScore(text, b) || isNumber(text, b) && spanStarting(at: b + 1) != nil {
        teams.insert(s)
        if isNumber(text, b), let other = spanStarting(at: b + 1) { teams.insert(other) }
        continue
      }
      // "India captain", "Ajax manager"
      if teamRoles.contains(text.infos[b].lower), !text.infos[b].capitalized || text.infos[b].flags.contains(.title) {
        teams.insert(s)
        continue
      }
      // "Ireland beat Wales", "Ajax lost 2-1 at Feyenoord", "Napoli drew 1-1 with Inter Milan"
      if resultVerbs.contains(text.infos[b].lower) || wonHash == text.infos[b].lower && b + 1 < n && isScore(text, b + 1) {
        let k = afterResult(text, b + 1)
        if let other = spanStarting(at: k), spans[other].type != .person {
          teams.insert(s)
          teams.insert(other)
        }
      }
    }
    return teams
  }

  /// The token after a result's score and link words: "lost [2-1 at] Feyenoord".
  private static func afterResult(_ text: EntityRecognizer.Text, _ start: Int) -> Int {
    var k = start
    while k < text.tokens.count, k - start < 3,
      isScore(text, k) || linkWords.contains(text.infos[k].lower) && !text.infos[k].capitalized
    {
      k += 1
    }
    return k
  }

  /// Capitalised words the tagger left out on either side of a result ("Celtic won 4-0 at Hibernian",
  /// "a 2-0 win over Fenerbahce") become organisations.
  private static func addMissedTeams(
    in text: EntityRecognizer.Text, part: Int, spans: inout [RecognizedSpan], recognizer: EntityRecognizer
  ) {
    let n = text.tokens.count
    var covered = [Bool](repeating: false, count: n)
    for span in spans { for k in span.tokens where k < n { covered[k] = true } }
    var added: [RecognizedSpan] = []
    func run(from k: Int) -> Range<Int>? {
      var j = k
      while j < n, j - k < 4, !covered[j], text.tokens[j].isWord, text.infos[j].capitalized,
        text.infos[j].flags.isDisjoint(with: [.title, .demonym]), !NameRules.isFunctionWord(text.infos[j].lower),
        !NameRules.isCalendarWord(text.infos[j].lower)
      {
        j += 1
      }
      return j > k ? k..<j : nil
    }
    func add(_ r: Range<Int>) {
      guard let span = recognizer.cleaned(r, type: .organization, in: text, part: part) else { return }
      added.append(span)
      for k in span.tokens { covered[k] = true }
    }
    for k in 0..<n where text.tokens[k].isWord {
      let lower = text.infos[k].lower
      let isResult = resultVerbs.contains(lower) || lower == wonHash && k + 1 < n && isScore(text, k + 1)
      let isScoreWin = isScore(text, k) && k + 2 < n && resultNouns.contains(text.infos[k + 1].lower)
        && linkWords.contains(text.infos[k + 2].lower)
      guard isResult || isScoreWin else { continue }
      // The team after: "... at Hibernian", "... win over Fenerbahce".
      let after = isScoreWin ? k + 3 : afterResult(text, k + 1)
      let scoreSeen = (k + 1..<min(after, n)).contains { isScore(text, $0) } || isScoreWin
      if after < n, after > k + 1 || isResult, let r = run(from: after), scoreSeen || isResult && after == k + 1 {
        add(r)
      }
      // The team before a result verb followed by a score: "Celtic won 4-0".
      if isResult, scoreSeen, k > 0, !covered[k - 1], text.infos[k - 1].capitalized {
        var a = k - 1
        while a > 0, k - a < 4, !covered[a - 1], text.tokens[a - 1].isWord, text.infos[a - 1].capitalized { a -= 1 }
        if let r = run(from: a), r.upperBound == k, !(r.count == 1 && text.infos[a].sentenceStart
          && text.infos[a].flags.contains(.commonLowercase))
        {
          add(r)
        }
      }
    }
    if !added.isEmpty { spans = (spans + added).sorted { $0.start < $1.start } }
  }

  private static let wonHash = FeatureHasher.phraseHash("won")
  private static let resultNouns = hashes(["win", "victory", "defeat", "loss", "draw", "home", "away", "triumph"])

  /// A score: "3-1", "31-7", "2–0".
  static func isScore(_ text: EntityRecognizer.Text, _ k: Int) -> Bool {
    let t = text.tokens[k]
    var sawDigit = false
    var dash = false
    var digitsAfter = false
    for i in t.start..<t.end {
      let c = text.scalars[i]
      if FeatureHasher.isDigit(c) {
        if dash { digitsAfter = true } else { sawDigit = true }
      } else if (c == "-" || c == "\u{2013}") && !dash && sawDigit {
        dash = true
      } else {
        return false
      }
    }
    return sawDigit && dash && digitsAfter && t.end - t.start <= 7
  }

  private static func isNumber(_ text: EntityRecognizer.Text, _ k: Int) -> Bool {
    let t = text.tokens[k]
    guard t.end - t.start <= 3 else { return false }
    for i in t.start..<t.end where !FeatureHasher.isDigit(text.scalars[i]) { return false }
    return true
  }

  /// A score anywhere in the text, or a sports word.
  private static func isSports(_ text: EntityRecognizer.Text) -> Bool {
    for k in 0..<text.tokens.count where text.tokens[k].isWord {
      if sportsWords.contains(text.infos[k].lower) || isScore(text, k) { return true }
    }
    return false
  }
}
