import DatelineCore

/// A made-up live blog for benchmarks and tests, built from the words, headline and standfirst of a sample
/// capture: `window` updates per capture, newest first; between captures updates are added (one every
/// `addEvery` captures), edited (a paragraph added every `editEvery` captures) and retitled with a small edit
/// (every `retitleEvery`). Deterministic: capture `n` is always the same text.
public struct SyntheticLiveBlog: Sendable {
  public var headline: String
  public var standfirst: String
  public var window: Int
  public var addEvery = 2
  public var editEvery = 3
  public var retitleEvery = 10
  private var vocabulary: [String]

  /// A blog from the sample capture's text (first line headline, second standfirst, all lines give words).
  public init(sample: String, window: Int = 100) {
    let lines = sample.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    headline = lines.first ?? "Synthetic live blog"
    standfirst = lines.count > 1 ? lines[1] : "A standfirst"
    self.window = window
    var seen = Set<String>()
    var words: [String] = []
    for word in TextFingerprint.words(sample) where word.count >= 4 && !word.contains(where: \.isNumber) {
      if seen.insert(word).inserted { words.append(word) }
    }
    vocabulary = words.isEmpty ? ["river", "water", "flood", "city", "mayor", "rain"] : words
  }

  /// How many updates exist by capture `n` (0-based).
  public func updateCount(atCapture n: Int) -> Int { window + n / addEvery }

  /// The text of capture `n`: headline, standfirst, then the newest `window` updates.
  public func capture(_ n: Int) -> String {
    var out = headline + "\n" + standfirst + "\n"
    let total = updateCount(atCapture: n)
    for k in stride(from: total - 1, through: max(0, total - window), by: -1) {
      out += update(k, atCapture: n)
    }
    return out
  }

  /// Update `k` as capture `n` shows it: its time line, title and paragraphs.
  func update(_ k: Int, atCapture n: Int) -> String {
    var random = SplitMix(seed: UInt64(k) &* 0x9E37_79B9 &+ 17)
    let minutes = (k * 7) % (24 * 60)
    var out = format2(minutes / 60) + ":" + format2(minutes % 60) + " CET\n"
    var title = sentence(words: 6 + random.next(4), random: &random, capitalised: true, period: false)
    let retitled = retitles(of: k, before: n)
    if retitled > 0 { title += retitled == 1 ? " as officials respond" : " as officials respond again" }
    out += title + "\n"
    for _ in 0..<(2 + random.next(3)) {
      out += sentence(words: 10 + random.next(9), random: &random, capitalised: true, period: true) + " "
      out += sentence(words: 10 + random.next(9), random: &random, capitalised: true, period: true) + "\n"
    }
    for edit in edits(of: k, before: n) {
      var extra = SplitMix(seed: UInt64(edit) &* 0x85EB_CA6B &+ UInt64(k))
      out += sentence(words: 12 + extra.next(8), random: &extra, capitalised: true, period: true) + "\n"
    }
    return out
  }

  /// Captures up to `n` that added a paragraph to update `k`: capture e edits the update (e·7 mod window) places
  /// below the top of the page it shows.
  private func edits(of k: Int, before n: Int) -> [Int] {
    var result: [Int] = []
    var e = editEvery
    while e <= n {
      if target(ofEvent: e, salt: 7) == k { result.append(e) }
      e += editEvery
    }
    return result
  }

  private func retitles(of k: Int, before n: Int) -> Int {
    var count = 0
    var e = retitleEvery
    while e <= n {
      if target(ofEvent: e, salt: 13) == k { count += 1 }
      e += retitleEvery
    }
    return min(count, 2)
  }

  private func target(ofEvent e: Int, salt: Int) -> Int {
    let total = updateCount(atCapture: e)
    return total - 1 - (e * salt) % min(window, total)
  }

  fileprivate func sentence(words: Int, random: inout SplitMix, capitalised: Bool, period: Bool) -> String {
    var parts: [String] = []
    for _ in 0..<words { parts.append(vocabulary[random.next(vocabulary.count)]) }
    var text = parts.joined(separator: " ")
    if capitalised, let first = text.first { text = first.uppercased() + text.dropFirst() }
    return period ? text + "." : text
  }

  private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  /// A number in 0..<bound.
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(max(bound, 1)))
  }
}

extension SyntheticLiveBlog {
  /// The same blog under a made-up headline of eight words chosen by `seed`, so that many distinct stories can
  /// be made from one sample.
  public func renamed(seed: Int) -> SyntheticLiveBlog {
    var copy = self
    var random = SplitMix(seed: UInt64(seed) &* 0xD1B5_4A32_D192_ED03 &+ 5)
    copy.headline = sentence(words: 8, random: &random, capitalised: true, period: false) + " live"
    return copy
  }
}
