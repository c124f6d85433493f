/// Collects updates as the segmenter walks the lines: an untitled lead until the first title, then one update
/// per title; paragraphs and cards go to the update being built.
struct UpdateBuilder {
  private var updates: [Update] = []
  /// The hash each update's id is made of (`UpdateID.withHash`), in the same order.
  private var idHashes: [UInt64] = []
  var pendingTime: (text: String, line: Int)?

  // The update being built. Plain stored properties (not an optional struct) so that appends happen in place.
  private var isOpen = false
  private var title: InputLine?
  private var kind = Update.Kind.text
  private var time: String?
  // Collected here, then copied into arrays of their exact size: a large capture has hundreds of thousands of
  // updates, and arrays grown by appending would be up to twice as large as they need to be.
  private var paragraphs: [Paragraph] = []
  private var links: [LinkCard] = []
  private var timeLine: Int?
  private var titleKeyHash: UInt64?

  init(capacity: Int = 0) { updates.reserveCapacity(capacity) }

  /// True before anything was added.
  var isEmpty: Bool { updates.isEmpty && !isOpen }

  /// Whether the update being built has a title (cheaper than asking for it).
  var hasTitle: Bool { title != nil }
  /// Word hashes of the current title, for `TitleSimilarity`, computed once per title.
  private(set) var currentTitleWords: [UInt64] = []

  mutating func open(title: InputLine, kind: Update.Kind) {
    var words: [UInt64] = []
    let keyHash = TextFingerprint.wordHashes(title.text, into: &words)
    open(title: title, kind: kind, words: &words, keyHash: keyHash)
  }

  /// Opens an update whose title's word hashes and key hash were computed already. `words` is swapped with
  /// the previous title's buffer, so that no array is allocated per update.
  mutating func open(title: InputLine, kind: Update.Kind, words: inout [UInt64], keyHash: UInt64) {
    flush()
    start(title: title, kind: kind)
    swap(&currentTitleWords, &words)
    titleKeyHash = keyHash
    time = pendingTime?.text
    timeLine = pendingTime?.line
    pendingTime = nil
  }

  mutating func addParagraph(_ line: InputLine) {
    ensureOpen()
    paragraphs.append(Paragraph(line: line.number, text: line.text, column: line.column))
  }

  mutating func addCard(title: InputLine, summary: InputLine?) {
    ensureOpen()
    links.append(LinkCard(line: title.number, title: title.text, summary: summary?.text, summaryLine: summary?.number))
  }

  mutating func finish() -> [Update] {
    let (updates, idHashes) = finishWithoutNumbering()
    return Self.numberRepeatedIDs(updates, idHashes: idHashes)
  }

  /// The updates built and their ids' hashes, the ids not yet made unique (`numberRepeatedIDs` does that,
  /// once, for all parts).
  mutating func finishWithoutNumbering() -> (updates: [Update], idHashes: [UInt64]) {
    flush()
    return (updates, idHashes)
  }

  /// Gives repeated ids "#2", "#3"… in page order. `idHashes` are the hashes of the ids, in the same order.
  static func numberRepeatedIDs(_ updates: [Update], idHashes: [UInt64]) -> [Update] {
    var updates = updates
    // Ids that repeat have hashes that repeat: a set of 64-bit hashes is much cheaper than one of ids, and the
    // ids are only compared (and counted) when some hash repeats.
    var seen = Set<UInt64>(minimumCapacity: idHashes.count)
    guard idHashes.contains(where: { !seen.insert($0).inserted }) else { return updates }
    var counts: [UpdateID: Int] = [:]
    for index in updates.indices {
      let id = updates[index].id
      counts[id, default: 0] += 1
      if let count = counts[id], count > 1 { updates[index].id = UpdateID(rawValue: "\(id.rawValue)#\(count)") }
    }
    return updates
  }

  private mutating func start(title: InputLine?, kind: Update.Kind) {
    isOpen = true
    self.title = title
    titleKeyHash = nil
    if title == nil { currentTitleWords.removeAll(keepingCapacity: true) }
    self.kind = kind
    time = nil
    timeLine = nil
  }

  private mutating func ensureOpen() {
    if !isOpen {
      start(title: nil, kind: .text)
    }
  }

  private mutating func flush() {
    guard isOpen else { return }
    isOpen = false
    let line = title?.number ?? paragraphs.first?.line ?? links.first?.line ?? 0
    let (id, idHash) = UpdateID.withHash(
      titleKeyHash: titleKeyHash ?? title.map { TextFingerprint.keyHash($0.text) }, firstParagraph: paragraphs.first?.text)
    updates.append(
      Update(
        id: id, title: title?.text, line: line, paragraphs: Self.exactCopy(of: paragraphs),
        links: Self.exactCopy(of: links), kind: kind, time: time, timeLine: timeLine))
    idHashes.append(idHash)
    paragraphs.removeAll(keepingCapacity: true)
    links.removeAll(keepingCapacity: true)
  }

  private static func exactCopy<Element>(of elements: [Element]) -> [Element] {
    if elements.isEmpty { return [] }
    return Array(unsafeUninitializedCapacity: elements.count) { buffer, count in
      count = buffer.initialize(fromContentsOf: elements)
    }
  }
}
