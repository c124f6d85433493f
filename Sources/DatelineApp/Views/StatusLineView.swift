/// The status line: the search prompt, or a message, or where the reader is (story, update i/N, entity and
/// mention i/N), with a help hint at the right.
public enum StatusLineView {
  static func draw(_ state: AppState, into grid: inout Grid, row: Int) {
    let width = state.screen.width
    guard row >= 0, row < state.screen.height, width > 0 else { return }
    let style = Style(.status, [.reverse])
    grid.fill(x: 0, y: row, width: width, height: 1, with: Cell(" ", style: style))
    if let prompt = state.search.prompt {
      let lead = state.search.promptDirection == .forward ? "/" : "?"
      let text = lead + prompt
      // Show the end of a long query so the cursor position stays visible.
      let glyphs = GlyphScanner.glyphs(of: text, repertoire: state.repertoire)
      var shown = text
      var total = glyphs.reduce(0) { $0 + Int($1.width) }
      var dropped = 0
      while total > width - 2, dropped < glyphs.count {
        total -= Int(glyphs[dropped].width)
        dropped += 1
      }
      if dropped > 0 { shown = glyphs[dropped...].map(\.text).joined() }
      let end = grid.put(shown, x: 0, y: row, style: style, limit: width)
      grid.put(Glyph(text: "_", width: 1), x: end, y: row, style: style.with(.bold), limit: width)
      return
    }
    let hint = width >= 40 ? "h: help  q: quit" : "h: help"
    let hintX = width - DisplayWidth.of(hint) - 1
    let text = state.status ?? summary(state)
    let limit = hintX > 20 ? hintX - 1 : width
    grid.putTruncated(" " + text, x: 0, y: row, style: style, limit: limit)
    if hintX > 20 { grid.put(hint, x: hintX, y: row, style: style, limit: width) }
  }

  /// "Story 1/3 · update 2/14 · Antony Blinken 3/12"
  public static func summary(_ state: AppState) -> String {
    guard let story = state.story else {
      if state.entries.isEmpty { return "No stories" }
      return state.loading.contains(state.openStory) ? "Loading…" : "This story could not be loaded"
    }
    var parts = ["Story \(state.openStory + 1)/\(state.entries.count)"]
    // A refresh under way stays in view while the reader scrolls on.
    if state.refreshing.contains(state.openStory) { parts.insert("Checking…", at: 0) }
    if state.isReadingLinkedPage { parts.insert(AppState.readingPageStatus, at: 0) }
    if state.findingEntities { parts.insert("Finding names…", at: 0) }
    if !story.updates.isEmpty {
      let update = (state.layout.update(atLine: state.updateScroll) ?? 0) + 1
      parts.append("update \(update)/\(story.updates.count)")
    }
    if let entity = state.selectedEntity {
      let name = state.name(of: entity)
      if let position = state.mentionPosition {
        parts.append(position.index > 0 ? "\(name) \(position.index)/\(position.total)" : "\(name) -/\(position.total)")
      }
    }
    return parts.joined(separator: " · ")
  }
}
