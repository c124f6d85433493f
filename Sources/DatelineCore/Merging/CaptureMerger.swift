/// Folds a new capture of a live blog into the updates already known for it: which updates are the same post
/// (by `UpdateID`, then by a fuzzy match so an edited title or an added paragraph still matches), which are new,
/// which changed, and the page order that keeps everything stored and places new posts where the capture has
/// them. Pure: no I/O, no state.
public struct CaptureMerger: Sendable {
  public init() {}

  /// One update of the merged story, in page order (newest first).
  public struct Entry: Sendable, Hashable {
    /// Index in the stored updates, nil for an update first seen in this capture.
    public var stored: Int?
    /// Index in the capture's updates, nil for a stored update this capture does not show.
    public var incoming: Int?
    /// True when the update was stored and the capture shows its text changed.
    public var changed: Bool

    public init(stored: Int?, incoming: Int?, changed: Bool) {
      self.stored = stored
      self.incoming = incoming
      self.changed = changed
    }

    /// True for an update first seen in this capture.
    public var isNew: Bool { stored == nil }
  }

  /// The result of one merge.
  public struct Result: Sendable, Hashable {
    /// Every update of the merged story in page order: all stored ones, plus the capture's new ones in place.
    public var entries: [Entry]
    /// Indices into the capture's updates of the updates first seen in it, in capture order.
    public var new: [Int]
    /// Indices into the capture's updates of known updates whose text changed, in capture order.
    public var changed: [Int]
    /// For each capture update (by index), the stored update it matched, or nil when new.
    public var matches: [Int?]
  }

  /// Merges `capture` (updates in page order) into `stored` (the known updates in page order).
  public func merge(stored: [Update], capture: [Update]) -> Result {
    merge(stored: stored.map(UpdateDigest.init), capture: capture.map(UpdateDigest.init))
  }

  /// Merges digests: what a library that keeps only digests of its stored updates calls.
  public func merge(stored: [UpdateDigest], capture: [UpdateDigest]) -> Result {
    let matches = match(stored: stored, capture: capture)
    var changed: [Int] = []
    var new: [Int] = []
    for (i, m) in matches.enumerated() {
      if let s = m {
        if stored[s].contentHash != capture[i].contentHash { changed.append(i) }
      } else {
        new.append(i)
      }
    }
    let changedSet = Set(changed)

    // Each new update goes before the first known update that follows it in the capture (its anchor); with no
    // known update after it, at the end. New updates sharing an anchor keep their capture order.
    var newBefore: [Int: [Int]] = [:]
    var newAtEnd: [Int] = []
    var anchor: Int?
    for i in capture.indices.reversed() {
      if let s = matches[i] {
        anchor = s
      } else if let anchor {
        newBefore[anchor, default: []].insert(i, at: 0)
      } else {
        newAtEnd.insert(i, at: 0)
      }
    }
    var incomingOf: [Int: Int] = [:]
    for (i, m) in matches.enumerated() { if let s = m { incomingOf[s] = i } }

    var entries: [Entry] = []
    entries.reserveCapacity(stored.count + new.count)
    for s in stored.indices {
      for i in newBefore[s] ?? [] { entries.append(Entry(stored: nil, incoming: i, changed: false)) }
      let i = incomingOf[s]
      entries.append(Entry(stored: s, incoming: i, changed: i.map(changedSet.contains) ?? false))
    }
    for i in newAtEnd { entries.append(Entry(stored: nil, incoming: i, changed: false)) }
    return Result(entries: entries, new: new, changed: changed, matches: matches)
  }

  /// For each capture update, the stored update that is the same post, or nil. Exact ids first, then the best
  /// fuzzy match among what is left (each stored update matches at most one capture update).
  public func match(stored: [UpdateDigest], capture: [UpdateDigest]) -> [Int?] {
    var result = [Int?](repeating: nil, count: capture.count)
    var storedByID: [UpdateID: [Int]] = [:]
    for (s, update) in stored.enumerated() { storedByID[update.id, default: []].append(s) }
    var used = Set<Int>()
    for (i, update) in capture.enumerated() {
      guard var candidates = storedByID[update.id], !candidates.isEmpty else { continue }
      let s = candidates.removeFirst()
      storedByID[update.id] = candidates
      result[i] = s
      used.insert(s)
    }
    let unmatchedCapture = capture.indices.filter { result[$0] == nil }
    guard !unmatchedCapture.isEmpty else { return result }
    // A capture shows a stretch of the page: an edited update lies among the stored updates between the first
    // and last it matched by id (widened by how many it did not match), not among the hundreds that scrolled
    // off long ago. With no id match at all, every stored update is a candidate.
    var candidates = stored.indices
    if let low = used.min(), let high = used.max() {
      let margin = unmatchedCapture.count
      candidates = max(0, low - margin)..<min(stored.count, high + margin + 1)
    }
    let unmatchedStored = candidates.filter { !used.contains($0) }
    guard !unmatchedStored.isEmpty else { return result }

    // Fuzzy: best pairs first, so an edited post is not taken by a weaker look-alike.
    let storedShapes = unmatchedStored.map { UpdateSimilarity.Shape(stored[$0]) }
    var pairs: [(score: Double, capture: Int, stored: Int)] = []
    for i in unmatchedCapture {
      let shape = UpdateSimilarity.Shape(capture[i])
      for (k, s) in unmatchedStored.enumerated() {
        // Two posts the page gave different ids are two posts, however alike their text.
        if capture[i].id.isPageID && stored[s].id.isPageID { continue }
        if let score = UpdateSimilarity.score(shape, storedShapes[k]) { pairs.append((score, i, s)) }
      }
    }
    pairs.sort { ($0.score, -$0.capture, -$0.stored) > ($1.score, -$1.capture, -$1.stored) }
    for pair in pairs where result[pair.capture] == nil && !used.contains(pair.stored) {
      result[pair.capture] = pair.stored
      used.insert(pair.stored)
    }
    return result
  }

  /// Whether a capture is of the story known by `headline` and `sources`: the same source path, or the same or
  /// an edited headline.
  public func isSameStory(capture: Story, headline: String, sources: [String]) -> Bool {
    if sources.contains(capture.source) { return true }
    return isSameHeadline(capture.headline, headline)
  }

  /// Whether two headlines are one headline, possibly edited (same fingerprint, or mostly the same words).
  public func isSameHeadline(_ a: String, _ b: String) -> Bool {
    if StoryID(headline: a) == StoryID(headline: b) { return true }
    let wa = TextFingerprint.wordHashes(a)
    let wb = TextFingerprint.wordHashes(b)
    guard min(wa.count, wb.count) >= 3 else { return false }
    return UpdateSimilarity.tokenSetSimilarity(wa, wb) >= Self.headlineThreshold
  }

  /// Share of shared words above which two headlines are one headline, edited.
  public static let headlineThreshold = 0.6
}
