/// Collects updates as the segmenter walks the lines: an untitled lead until the first title, then one update
/// per title; paragraphs and cards go to the update being built.
struct UpdateBuilder {
  private var updates: [Update] = []
  var pendingTime: (text: String, line: Int)?

  // The update being built. Plain stored properties (not an optional struct) so that appends happen in place.
  private var isOpen = false
  private var title: InputLine?
  private var kind = Update.Kind.text
  private var time: String?
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
    Self.numberRepeatedIDs(finishWithoutNumbering())
  }

  /// The updates built, their ids not yet made unique (`numberRepeatedIDs` does that, once, for all parts).
  mutating func finishWithoutNumbering() -> [Update] {
    flush()
    return updates
  }

  /// Gives repeated ids "#2", "#3"… in page order.
  static func numberRepeatedIDs(_ updates: [Update]) -> [Update] {
    var updates = updates
    // Two posts with the same title get "#2", "#3"… in page order. Ids are short inline strings, so a set of
    // them is cheap; the counting dictionary is only built when there is a repeat at all.
    var seen = Set<UpdateID>(minimumCapacity: updates.count)
    var repeated = false
    for update in updates where !seen.insert(update.id).inserted {
      repeated = true
      break
    }
    guard repeated else { return updates }
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
    paragraphs = []
    links = []
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
    let id = UpdateID(titleKeyHash: titleKeyHash ?? title.map { TextFingerprint.keyHash($0.text) },
      firstParagraph: paragraphs.first?.text)
    updates.append(
      Update(
        id: id, title: title?.text, line: line, paragraphs: paragraphs, links: links, kind: kind, time: time,
        timeLine: timeLine))
  }
}
