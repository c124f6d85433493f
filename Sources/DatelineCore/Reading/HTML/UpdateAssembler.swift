/// Turns chosen blocks into updates: text blocks are paragraphs; a sub-heading starts a new update titled by it.
enum UpdateAssembler {
  static func updates(from blocks: [HTMLBlock], splittingAtHeadings: Bool) -> [Update] {
    var updates: [Update] = []
    var title: HTMLBlock?
    var paragraphs: [Paragraph] = []
    func flush() {
      guard title != nil || !paragraphs.isEmpty else { return }
      let line = title?.line ?? paragraphs.first?.line ?? 0
      updates.append(Update(title: title?.text, line: line, paragraphs: paragraphs))
      title = nil
      paragraphs = []
    }
    for block in blocks {
      if splittingAtHeadings && block.isHeading {
        flush()
        title = block
      } else {
        paragraphs.append(Paragraph(line: block.line, text: block.text))
      }
    }
    flush()
    return UpdateBuilder.numberRepeatedIDs(updates, idHashes: updates.map { TextFingerprint.byteHash($0.id.rawValue) })
  }
}
