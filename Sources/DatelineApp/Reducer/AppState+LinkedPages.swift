extension AppState {
  /// The status line while the open story's linked page is being read.
  public static let readingPageStatus = "Fetching the article…"

  /// Whether the open story's linked page is being read into it.
  public var isReadingLinkedPage: Bool {
    entries.indices.contains(openStory) && readingPages.contains(entries[openStory].handle)
  }

  /// The open story holds only its feed's teaser: asks for its linked page, once at a time. Called when a story
  /// is opened (or arrives opened), so a page that failed is tried again on a later open, never in a loop.
  mutating func readLinkedPageIfWanted() {
    guard hasLibrary, entries.indices.contains(openStory), loaded[openStory]?.linkedPage != nil else { return }
    let handle = entries[openStory].handle
    guard !readingPages.contains(handle) else { return }
    readingPages.insert(handle)
    outbox.append(.readLinkedPage(openStory))
    status = Self.readingPageStatus
  }

  /// Takes in the story with its linked page read in (the teaser gone), or the one line saying why not (the
  /// teaser stays, and the page is asked for again the next time the story is opened).
  mutating func receiveLinkedPage(_ outcome: RefreshOutcome, story handle: Int64) {
    readingPages.remove(handle)
    let wasShowing = status == Self.readingPageStatus
    guard let index = entries.firstIndex(where: { $0.handle == handle }) else { return }
    switch outcome {
    case .failed(let message):
      // Said while the story is on show (or the status still waits for it); a reader who moved on is not
      // interrupted: the page is tried again when the story is next opened.
      if index == openStory || wasShowing { status = message }
    case .unchanged:
      loaded[index]?.linkedPage = nil
      if wasShowing { status = nil }
    case .updated(let fresh, _, _):
      guard loaded[index] != nil else {
        // Not in memory (the list was read again meanwhile): it is loaded afresh, page included, when shown.
        if wasShowing { status = nil }
        return
      }
      var story = fresh
      story.linkedPage = nil
      if index == openStory, let anchor = topAnchor() {
        // The teaser's updates are gone: a reader inside them starts the article from its top; one still on the
        // headline or standfirst stays there.
        switch anchor.part {
        case .headline, .standfirst: break
        default: updateScroll = 0
        }
      }
      replace(story: index, with: story)
      if wasShowing { status = nil }
    }
  }
}
