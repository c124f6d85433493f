import DatelineCore

/// Which updates of a story can be on the first screen, worked out from the text alone (no layout, no entities),
/// so that only those are analysed before the first frame.
public enum FirstScreen {
  /// How many of `story`'s first updates cover every line of the update pane when the story opens at its top on
  /// a `width` x `height` screen: never fewer than the layout would show. Each part of an update (title,
  /// paragraph, card title and summary) takes at least one line, and at least as many as its display width
  /// needs at the pane's text width (a line never holds more), so counting lines this way can only undercount.
  public static func updateCount(of story: Story, width: Int, height: Int) -> Int {
    // The layout a reader starts with (three panes when the screen is wide enough).
    let screen = ScreenLayout(width: width, height: height)
    let rows = screen.contentRows(of: .updates)
    let textWidth = screen.updateTextWidth
    func lines(_ text: String?) -> Int {
      guard let text else { return 0 }
      let columns = DisplayWidth.of(text)
      return max(1, (columns + textWidth - 1) / textWidth)
    }
    var used = 0
    for (index, update) in story.updates.enumerated() {
      if used >= rows { return index }
      used += lines(update.title)
      for paragraph in update.paragraphs { used += lines(paragraph.text) }
      for link in update.links { used += lines(link.title) + lines(link.summary) }
    }
    return story.updates.count
  }
}
