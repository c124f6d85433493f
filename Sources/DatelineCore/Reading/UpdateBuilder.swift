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
  /// Every input line of the update, in input order (lines only ever arrive in order).
  private var lines: [Int] = []

  /// True before anything was added.
  var isEmpty: Bool { updates.isEmpty && !isOpen }

  var currentTitle: String? { title?.text }
  /// Word hashes of the current title, for `TitleSimilarity`, computed once per title.
  private(set) var currentTitleWords: [UInt64] = []

  mutating func open(title: InputLine, kind: Update.Kind, words: [UInt64]? = nil) {
    flush()
    start(title: title, kind: kind)
    currentTitleWords = words ?? TextFingerprint.wordHashes(title.text)
    if let pendingTime {
      time = pendingTime.text
      lines.append(pendingTime.line)
    }
    lines.append(title.number)
    pendingTime = nil
  }

  mutating func addParagraph(_ line: InputLine) {
    ensureOpen()
    paragraphs.append(Paragraph(line: line.number, text: line.text, column: line.column))
    lines.append(line.number)
  }

  mutating func addCard(title: InputLine, summary: InputLine?) {
    ensureOpen()
    links.append(LinkCard(line: title.number, title: title.text, summary: summary?.text, summaryLine: summary?.number))
    lines.append(title.number)
    if let summary { lines.append(summary.number) }
  }

  mutating func finish() -> [Update] {
    flush()
    var seen: [UpdateID: Int] = [:]
    seen.reserveCapacity(updates.count)
    for index in updates.indices {
      let id = updates[index].id
      seen[id, default: 0] += 1
      if let count = seen[id], count > 1 { updates[index].id = UpdateID(rawValue: "\(id.rawValue)#\(count)") }
    }
    return updates
  }

  private mutating func start(title: InputLine?, kind: Update.Kind) {
    isOpen = true
    self.title = title
    self.kind = kind
    time = nil
    paragraphs = []
    links = []
    lines = []
  }

  private mutating func ensureOpen() {
    if !isOpen {
      start(title: nil, kind: .text)
      currentTitleWords = []
    }
  }

  private mutating func flush() {
    guard isOpen else { return }
    isOpen = false
    let line = title?.number ?? paragraphs.first?.line ?? links.first?.line ?? 0
    var update = Update(
      title: title?.text, line: line, paragraphs: paragraphs, links: links, kind: kind,
      sourceLines: lines.isSorted ? lines : lines.uniqueSorted())
    update.time = time
    updates.append(update)
  }
}

extension Array where Element == Int {
  var isSorted: Bool { zip(self, dropFirst()).allSatisfy { $0 < $1 } }
}
