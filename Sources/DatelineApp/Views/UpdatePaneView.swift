import DatelineCore

/// The update pane: the open story's headline, standfirst and updates, with mentions highlighted by entity type.
public enum UpdatePaneView {
  static func draw(_ state: AppState, into grid: inout Grid, rect: Rect) {
    guard rect.height > 0, rect.width > 0 else { return }
    guard let story = state.story else {
      grid.putTruncated(" No story to show", x: rect.x, y: rect.y, style: Style(.dim), limit: rect.maxX)
      return
    }
    let layout = state.layout
    let textX = rect.x + 1
    let textEnd = min(rect.maxX, textX + layout.width)
    let current = state.currentMention.flatMap { $0.story == state.openStory ? $0.mention : nil }
    for row in 0..<rect.height {
      let index = state.updateScroll + row
      guard index < layout.lines.count else { break }
      let line = layout.lines[index]
      let y = rect.y + row
      switch line.kind {
      case .blank:
        continue
      case .note:
        grid.putTruncated(line.update == nil ? "(no updates)" : "(no text)", x: textX, y: y, style: Style(.dim), limit: textEnd)
        continue
      case .updateInfo:
        drawUpdateInfo(line.update, story: story, marks: state.openMarks, into: &grid, x: textX, y: y, end: textEnd)
        continue
      case .cardTop, .cardBottom:
        drawCardBorder(top: line.kind == .cardTop, into: &grid, x: textX, y: y, end: textEnd)
        continue
      case .cardTitle, .cardSummary:
        grid.put(Glyph(text: "│", width: 1), x: textX, y: y, style: Style(.card))
        grid.put(Glyph(text: "│", width: 1), x: textEnd - 1, y: y, style: Style(.card))
      default:
        break
      }
      guard let part = line.part, let text = story.text(of: part) else { continue }
      // Only this line's bytes are scanned: a paragraph may be megabytes long.
      let glyphs = TextWrapper.glyphs(of: text, line: line.range, repertoire: layout.repertoire)
      let base = baseStyle(line.kind)
      let mentions = layout.mentionsByPart[part] ?? []
      var nextMention = firstMention(in: mentions, endingAfter: line.range.scalarStart)
      let match = state.search.match.flatMap { $0.part == part ? $0 : nil }
      let limit = line.kind == .cardTitle || line.kind == .cardSummary ? textEnd - 2 : textEnd
      for placed in TextWrapper.place(glyphs, line: line.range) {
        let x = textX + line.indent + placed.x
        let offset = placed.glyph.scalarStart
        var style = base
        while nextMention < mentions.count, mentions[nextMention].start + mentions[nextMention].length <= offset {
          nextMention += 1
        }
        if nextMention < mentions.count, offset >= mentions[nextMention].start {
          let mention = mentions[nextMention]
          style = mentionStyle(mention, state: state, isCurrent: mention == current)
        }
        if let match, offset >= match.start, offset < match.start + match.length {
          style = Style(.match, [.reverse])
        }
        if placed.glyph.isTab {
          for column in 0..<placed.width { grid.put(Glyph.space, x: x + column, y: y, style: base, limit: limit) }
        } else {
          grid.put(placed.glyph, x: x, y: y, style: style, limit: limit)
        }
      }
    }
  }

  /// Index of the first of `mentions` (in order of start, not overlapping) that ends after scalar `offset`.
  static func firstMention(in mentions: [Mention], endingAfter offset: Int) -> Int {
    var low = 0
    var high = mentions.count
    while low < high {
      let mid = (low + high) / 2
      if mentions[mid].start + mentions[mid].length <= offset { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// "● NEW  12:30": the update's mark (bold, so it shows without colour) and its time.
  static func drawUpdateInfo(_ update: Int?, story: Story, marks: [Int: UpdateMark], into grid: inout Grid, x: Int, y: Int, end: Int) {
    guard let update, story.updates.indices.contains(update) else { return }
    var x = x
    if let mark = marks[update] {
      let label = mark == .new ? "● NEW" : "● CHANGED"
      x = grid.put(label, x: x, y: y, style: Style(.match, [.bold]), limit: end) + 2
    }
    if let time = story.updates[update].time { grid.putTruncated(time, x: x, y: y, style: Style(.dim), limit: end) }
  }

  static func baseStyle(_ kind: StoryLineKind) -> Style {
    switch kind {
    case .headline: Style(.heading, [.bold])
    case .standfirst: Style(.normal, [.dim])
    case .updateTitle: Style(.heading, [.bold])
    case .cardTitle: Style(.card, [.bold])
    case .cardSummary: Style(.card)
    default: .plain
    }
  }

  /// A mention's style: its entity type's colour; the current mention also reversed and bold.
  static func mentionStyle(_ mention: Mention, state: AppState, isCurrent: Bool) -> Style {
    let type = state.mentionIndex.entities[mention.entity]?.type
    let role: ColorRole =
      switch type {
      case .person: .person
      case .place: .place
      case .organization: .organization
      case nil: .normal
      }
    return isCurrent ? Style(role, [.reverse, .bold]) : Style(role)
  }

  static func drawCardBorder(top: Bool, into grid: inout Grid, x: Int, y: Int, end: Int) {
    let width = end - x
    guard width >= 2 else { return }
    let style = Style(.card)
    grid.put(Glyph(text: top ? "┌" : "└", width: 1), x: x, y: y, style: style)
    for column in (x + 1)..<(end - 1) { grid.put(Glyph(text: "─", width: 1), x: column, y: y, style: style) }
    grid.put(Glyph(text: top ? "┐" : "┘", width: 1), x: end - 1, y: y, style: style)
    if top, width >= 12 { grid.put(" Related ", x: x + 2, y: y, style: style, limit: end - 1) }
  }
}
