/// Collects updates as the segmenter walks the lines: an untitled lead until the first title, then one update
/// per title; paragraphs and cards go to the update being built.
struct UpdateBuilder {
  private var updates: [Update] = []
  private var current: Draft?
  var pendingTime: (text: String, line: Int)?

  private struct Draft {
    var title: InputLine?
    var kind: Update.Kind
    var time: String?
    var paragraphs: [Paragraph] = []
    var links: [LinkCard] = []
    var extraLines: [Int] = []
  }

  /// True before anything was added.
  var isEmpty: Bool { updates.isEmpty && current == nil }

  var currentTitle: String? { current?.title?.text }
  /// Word hashes of the current title, for `TitleSimilarity`, computed once per title.
  private(set) var currentTitleWords: [UInt64] = []

  mutating func open(title: InputLine, kind: Update.Kind, words: [UInt64]? = nil) {
    flush()
    current = Draft(title: title, kind: kind, time: pendingTime?.text)
    currentTitleWords = words ?? TextFingerprint.wordHashes(title.text)
    if let time = pendingTime { current?.extraLines.append(time.line) }
    pendingTime = nil
  }

  mutating func addParagraph(_ line: InputLine) {
    ensureDraft()
    current?.paragraphs.append(Paragraph(line: line.number, text: line.text, column: line.column))
  }

  mutating func addCard(title: InputLine, summary: InputLine?) {
    ensureDraft()
    current?.links.append(
      LinkCard(line: title.number, title: title.text, summary: summary?.text, summaryLine: summary?.number))
  }

  mutating func finish() -> [Update] {
    flush()
    var seen: [UpdateID: Int] = [:]
    for index in updates.indices {
      let id = updates[index].id
      seen[id, default: 0] += 1
      if let count = seen[id], count > 1 { updates[index].id = UpdateID(rawValue: "\(id.rawValue)#\(count)") }
    }
    return updates
  }

  private mutating func ensureDraft() {
    if current == nil {
      current = Draft(title: nil, kind: .text)
      currentTitleWords = []
    }
  }

  private mutating func flush() {
    guard let draft = current else { return }
    current = nil
    let line = draft.title?.number ?? draft.paragraphs.first?.line ?? draft.links.first?.line ?? 0
    var update = Update(
      title: draft.title?.text, line: line, paragraphs: draft.paragraphs, links: draft.links, kind: draft.kind)
    update.time = draft.time
    update.sourceLines = (update.sourceLines + draft.extraLines).uniqueSorted()
    updates.append(update)
  }
}
