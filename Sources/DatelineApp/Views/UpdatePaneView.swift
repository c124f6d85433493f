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
    var glyphCache: [StoryPart: [Glyph]] = [:]
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
      case .updateTime:
        let time = line.update.flatMap { story.updates.indices.contains($0) ? story.updates[$0].time : nil } ?? ""
        grid.putTruncated(time, x: textX, y: y, style: Style(.dim), limit: textEnd)
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
      guard let part = line.part else { continue }
      let glyphs: [Glyph]
      if let cached = glyphCache[part] {
        glyphs = cached
      } else {
        glyphs = GlyphScanner.glyphs(of: story.text(of: part) ?? "")
        glyphCache[part] = glyphs
      }
      let base = baseStyle(line.kind)
      let mentions = layout.mentionsByPart[part] ?? []
      let match = state.search.match.flatMap { $0.part == part ? $0 : nil }
      let limit = line.kind == .cardTitle || line.kind == .cardSummary ? textEnd - 2 : textEnd
      for placed in TextWrapper.place(glyphs, line: line.range) {
        let x = textX + line.indent + placed.x
        let offset = placed.glyph.scalarStart
        var style = base
        if let mention = mentions.first(where: { offset >= $0.start && offset < $0.start + $0.length }) {
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
