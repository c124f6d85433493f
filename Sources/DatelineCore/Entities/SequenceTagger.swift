/// BIO tags of the sequence tagger, in the order of the shipped weights.
public enum BIOTag: Int, Sendable {
  case outside = 0, beginPerson, insidePerson, beginPlace, insidePlace, beginOrganization, insideOrganization

  /// The entity type of a B- or I- tag.
  public var entityType: EntityType? {
    switch self {
    case .outside: nil
    case .beginPerson, .insidePerson: .person
    case .beginPlace, .insidePlace: .place
    case .beginOrganization, .insideOrganization: .organization
    }
  }

  /// True for an I- tag.
  public var isInside: Bool { self == .insidePerson || self == .insidePlace || self == .insideOrganization }
}

/// Per-token values computed once and kept for the story-level passes: word hashes, shape, capitals, flags.
struct TokenInfo: Sendable {
  var lower: UInt64 = 0
  var cased: UInt64 = 0
  var shape: UInt64 = 0
  var capitalized = false
  var sentenceStart = false
  var flags = GazetteerFlags()
  /// 0 none, 1/2 B/I of a gazetteer place phrase, 3/4 B/I of an organisation phrase.
  var phrase: UInt8 = 0
}

/// Averaged-perceptron tagger over hashed features, decoded with Viterbi (mirrors `scripts/ner/train.py`).
struct SequenceTagger {
  let model: TaggerModel

  /// Hashes and flags of each token of `scalars`.
  func infos(_ scalars: [Unicode.Scalar], _ tokens: [Token]) -> [TokenInfo] {
    var infos = [TokenInfo](repeating: TokenInfo(), count: tokens.count)
    for (k, token) in tokens.enumerated() {
      var t = TokenInfo()
      var lower = FeatureHasher.offset
      var cased = FeatureHasher.offset
      var shape = FeatureHasher.offset
      var lastShape: UInt32 = 0xFFFF_FFFF
      for p in token.start..<token.end {
        let scalar = scalars[p]
        lower = FeatureHasher.step(lower, FeatureHasher.lowered(scalar))
        cased = FeatureHasher.step(cased, FeatureHasher.normalized(scalar.value))
        if let s = FeatureHasher.shapeClass(scalar), s != lastShape {
          shape = FeatureHasher.step(shape, s)
          lastShape = s
        }
      }
      t.lower = lower
      t.cased = cased
      t.shape = shape
      t.capitalized = FeatureHasher.isUpper(scalars[token.start])
      t.flags = model.flags(lower)
      if k == 0 {
        t.sentenceStart = true
      } else {
        let previous = tokens[k - 1]
        if previous.end - previous.start == 1 {
          switch scalars[previous.start].value {
          case 0x2E, 0x21, 0x3F, 0x3A, 0x2026: t.sentenceStart = true
          case 0x22, 0x201C, 0x2018, 0x27, 0x28, 0x5B: t.sentenceStart = infos[k - 1].sentenceStart
          default: break
          }
        }
      }
      infos[k] = t
    }
    markPhrases(scalars, tokens, &infos)
    return infos
  }

  /// Marks the longest gazetteer place or organisation phrase (up to four tokens) at each capitalised token.
  private func markPhrases(_ scalars: [Unicode.Scalar], _ tokens: [Token], _ infos: inout [TokenInfo]) {
    let n = tokens.count
    var i = 0
    while i < n {
      guard infos[i].capitalized else {
        i += 1
        continue
      }
      var best = 0
      var kind: UInt8 = 0
      var h = FeatureHasher.offset
      for length in 1...4 {
        let j = i + length - 1
        if j >= n { break }
        if length > 1 { h = FeatureHasher.step(h, 0x20) }
        h = FeatureHasher.lowerHash(scalars, tokens[j].start..<tokens[j].end, from: h)
        let f = length == 1 ? infos[i].flags : model.flags(h)
        if !f.isDisjoint(with: [.place, .organization]) {
          best = length
          kind = f.contains(.place) ? 1 : 3
        }
      }
      if best > 0 {
        infos[i].phrase = kind
        for k in (i + 1)..<(i + best) { infos[k].phrase = kind + 1 }
        i += best
      } else {
        i += 1
      }
    }
  }

  /// The BIO tag of every token.
  func tag(_ scalars: [Unicode.Scalar], _ tokens: [Token]) -> [BIOTag] {
    tag(scalars, tokens, infos(scalars, tokens))
  }

  /// The BIO tag of every token, from precomputed token values: Viterbi decoding over per-token scores and
  /// first-order previous-tag features (the tag before the first token is O, as in `scripts/ner/train.py`).
  func tag(_ scalars: [Unicode.Scalar], _ tokens: [Token], _ infos: [TokenInfo]) -> [BIOTag] {
    let n = infos.count
    guard n > 0 else { return [] }
    let mix = FeatureHasher.mix
    let combo = FeatureHasher.combo
    var transition = [SIMD8<Int32>](repeating: SIMD8<Int32>(repeating: 0), count: 7)
    for p in 0..<7 { model.add(mix(23, UInt64(p)), to: &transition[p]) }
    let runs = Self.capitalRuns(infos)
    // Best path score ending in each tag, and back pointers (n x 7).
    var score = SIMD8<Int32>(repeating: 0)
    var back = [UInt8](repeating: 0, count: n * 7)
    for i in 0..<n {
      let s = staticScores(i, scalars, tokens, infos, runs)
      let t = infos[i]
      var next = SIMD8<Int32>(repeating: Int32.min)
      if i == 0 {
        var d = s &+ transition[0]
        model.add(mix(24, combo(t.lower, 0)), to: &d)
        model.add(mix(25, combo(t.shape, 0)), to: &d)
        for tag in 0..<7 where Self.allowed(tag, after: 0) { next[tag] = d[tag] }
      } else {
        for p in 0..<7 where score[p] != Int32.min {
          var d = s &+ transition[p]
          model.add(mix(24, combo(t.lower, UInt64(p))), to: &d)
          model.add(mix(25, combo(t.shape, UInt64(p))), to: &d)
          let base = score[p]
          for tag in 0..<7 where Self.allowed(tag, after: p) {
            let total = base &+ d[tag]
            if total > next[tag] {
              next[tag] = total
              back[i * 7 + tag] = UInt8(p)
            }
          }
        }
      }
      // Keep the scores small: only their differences matter.
      var top = Int32.min
      for tag in 0..<7 where next[tag] > top { top = next[tag] }
      for tag in 0..<7 where next[tag] != Int32.min { next[tag] &-= top }
      score = next
    }
    var best = 0
    for tag in 1..<7 where score[tag] > score[best] { best = tag }
    var tags = [BIOTag](repeating: .outside, count: n)
    for i in stride(from: n - 1, through: 0, by: -1) {
      tags[i] = BIOTag(rawValue: best) ?? .outside
      best = Int(back[i * 7 + best])
    }
    return tags
  }

  /// Scores of the features that do not depend on the previous tag (mirrors `static_features` in nerlib.py).
  @inline(__always)
  private func staticScores(
    _ i: Int, _ scalars: [Unicode.Scalar], _ tokens: [Token], _ infos: [TokenInfo], _ runs: [Range<Int>]
  ) -> SIMD8<Int32> {
    let n = infos.count
    let mix = FeatureHasher.mix
    let combo = FeatureHasher.combo
    let t = infos[i]
    let lm1 = i > 0 ? infos[i - 1].lower : FeatureHasher.beginning
    let lm2 = i > 1 ? infos[i - 2].lower : FeatureHasher.beginning
    let lp1 = i + 1 < n ? infos[i + 1].lower : FeatureHasher.end
    let lp2 = i + 2 < n ? infos[i + 2].lower : FeatureHasher.end
    let sm1 = i > 0 ? infos[i - 1].shape : FeatureHasher.beginning
    let sp1 = i + 1 < n ? infos[i + 1].shape : FeatureHasher.end
    let fm1 = UInt64(i > 0 ? infos[i - 1].flags.rawValue : 0)
    let fp1 = UInt64(i + 1 < n ? infos[i + 1].flags.rawValue : 0)
    let cap: UInt64 = t.capitalized ? 1 : 0
    // Prefixes and suffixes of the lower-cased word (the whole word when shorter).
    let token = tokens[i]
    let length = token.end - token.start
    let prefix2 = FeatureHasher.lowerHash(scalars, token.start..<(token.start + min(2, length)))
    let prefix3 = length <= 2 ? prefix2 : FeatureHasher.lowerHash(scalars, token.start..<(token.start + min(3, length)))
    let suffix2 = FeatureHasher.lowerHash(scalars, (token.end - min(2, length))..<token.end)
    let suffix3 = FeatureHasher.lowerHash(scalars, (token.end - min(3, length))..<token.end)
    let suffix4 = FeatureHasher.lowerHash(scalars, (token.end - min(4, length))..<token.end)
    var s = SIMD8<Int32>(repeating: 0)
    model.add(mix(0, 1), to: &s)
    model.add(mix(1, t.lower), to: &s)
    model.add(mix(2, lm1), to: &s)
    model.add(mix(3, lp1), to: &s)
    model.add(mix(4, lm2), to: &s)
    model.add(mix(5, lp2), to: &s)
    model.add(mix(6, t.cased), to: &s)
    model.add(mix(7, t.shape), to: &s)
    model.add(mix(8, sm1), to: &s)
    model.add(mix(9, sp1), to: &s)
    model.add(mix(10, prefix2), to: &s)
    model.add(mix(11, prefix3), to: &s)
    model.add(mix(12, suffix2), to: &s)
    model.add(mix(13, suffix3), to: &s)
    model.add(mix(14, suffix4), to: &s)
    model.add(mix(16, UInt64(t.phrase)), to: &s)
    model.add(mix(17, fm1), to: &s)
    model.add(mix(18, fp1), to: &s)
    model.add(mix(19, (t.sentenceStart ? 2 : 0) + cap), to: &s)
    model.add(mix(20, combo(lm1, t.shape)), to: &s)
    model.add(mix(21, combo(t.lower, lp1)), to: &s)
    model.add(mix(22, combo(combo(sm1, t.shape), sp1)), to: &s)
    let flags = t.flags.rawValue
    if flags != 0 {
      for bit in 0..<8 where flags & (1 << bit) != 0 {
        model.add(mix(15, UInt64(bit * 2) + cap), to: &s)
      }
    }
    if t.capitalized {
      // The capitalised run's head word and its first word with its length type the whole name.
      let run = runs[i]
      model.add(mix(27, infos[run.upperBound - 1].lower), to: &s)
      model.add(mix(28, combo(infos[run.lowerBound].lower, UInt64(min(run.count, 4)))), to: &s)
    }
    return s
  }

  /// The run of consecutive capitalised tokens each token is in (empty at a token that is not capitalised).
  static func capitalRuns(_ infos: [TokenInfo]) -> [Range<Int>] {
    let n = infos.count
    var runs = (0..<n).map { $0..<$0 }
    var i = 0
    while i < n {
      guard infos[i].capitalized else {
        i += 1
        continue
      }
      var j = i
      while j < n, infos[j].capitalized { j += 1 }
      for k in i..<j { runs[k] = i..<j }
      i = j
    }
    return runs
  }

  /// The BIO constraint: an I- tag only continues a B- or I- tag of its type.
  @inline(__always)
  static func allowed(_ tag: Int, after previous: Int) -> Bool {
    tag == 2 || tag == 4 || tag == 6 ? previous == tag || previous == tag - 1 : true
  }
}
