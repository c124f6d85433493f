import DatelineCore

/// Which updates of a story can be on the first screen, worked out from the text alone (no layout, no entities),
/// so that only those are analysed before the first frame.
public enum FirstScreen {
  /// How many of `story`'s first updates cover every line of the update pane when the story opens at its top on
  /// a `width` x `height` screen: never fewer than the layout would show. The lines counted are ones
  /// `StoryLayout` always makes (the headline and standfirst above the updates, the blank line before each
  /// update and between its paragraphs, the time line of a timed update, a card's frame), and each text takes at
  /// least as many lines as its display width needs at the pane's text width (a line never holds more; a card's
  /// text is narrower still), so counting this way can only undercount.
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
    var used = lines(story.headline) + lines(story.standfirst)
    for (index, update) in story.updates.enumerated() {
      if used >= rows { return index }
      used += 1  // the blank line before the update
      if update.time != nil { used += 1 }
      used += lines(update.title)
      for (number, paragraph) in update.paragraphs.enumerated() {
        if number > 0 || update.title != nil { used += 1 }
        used += lines(paragraph.text)
      }
      if update.title == nil && update.paragraphs.isEmpty { used += 1 }
      for link in update.links { used += 3 + lines(link.title) + lines(link.summary) }
    }
    return story.updates.count
  }
}
