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
struct TokenInfo {
  var lower: UInt64 = 0
  var cased: UInt64 = 0
  var shape: UInt64 = 0
  var capitalized = false
  var sentenceStart = false
  var flags = GazetteerFlags()
  /// 0 none, 1/2 B/I of a gazetteer place phrase, 3/4 B/I of an organisation phrase.
  var phrase: UInt8 = 0
}

/// Greedy left-to-right averaged-perceptron tagger over hashed features (mirrors `scripts/ner/train.py`).
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

  /// The BIO tag of every token, from precomputed token values.
  func tag(_ scalars: [Unicode.Scalar], _ tokens: [Token], _ infos: [TokenInfo]) -> [BIOTag] {
    let n = infos.count
    var tags = [BIOTag](repeating: .outside, count: n)
    var previous = 0
    var previous2 = 0
    let mix = FeatureHasher.mix
    let combo = FeatureHasher.combo
    for i in 0..<n {
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
      let p = UInt64(previous)
      model.add(mix(23, p), to: &s)
      model.add(mix(24, combo(t.lower, p)), to: &s)
      model.add(mix(25, combo(t.shape, p)), to: &s)
      model.add(mix(26, UInt64(previous2 * 8 + previous)), to: &s)
      var best = 0
      var bestScore = Int32.min
      for tag in 0..<7 where Self.allowed(tag, after: previous) && s[tag] >= bestScore {
        best = tag
        bestScore = s[tag]
      }
      tags[i] = BIOTag(rawValue: best) ?? .outside
      previous2 = previous
      previous = best
    }
    return tags
  }

  /// The BIO constraint: an I- tag only continues a B- or I- tag of its type.
  @inline(__always)
  static func allowed(_ tag: Int, after previous: Int) -> Bool {
    tag == 2 || tag == 4 || tag == 6 ? previous == tag || previous == tag - 1 : true
  }
}
