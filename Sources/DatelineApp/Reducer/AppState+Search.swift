import DatelineCore
import Foundation

extension AppState {
  mutating func openPrompt(_ direction: SearchState.Direction) {
    search.prompt = ""
    search.promptDirection = direction
  }

  /// Text input while the search prompt is open: characters, Backspace, Enter to search, Esc to cancel.
  mutating func editPrompt(with key: Key) {
    guard var text = search.prompt else { return }
    switch key {
    case .character(let c):
      if text.count < 200 { text.append(c) }
      search.prompt = text
    case .backspace, .delete, .control("h"):
      if text.isEmpty {
        search.prompt = nil
      } else {
        text.removeLast()
        search.prompt = text
      }
    case .control("u"):
      search.prompt = ""
    case .escape, .control("c"), .control("g"):
      search.prompt = nil
    case .enter:
      search.prompt = nil
      if text.isEmpty {
        findAgain(reverse: search.promptDirection != search.direction)
      } else {
        search.query = text
        search.direction = search.promptDirection
        search.match = nil
        find(search.direction)
      }
    default:
      break
    }
  }

  /// `n` / `N`: the last search again, in its direction or the other one.
  mutating func findAgain(reverse: Bool) {
    guard !search.query.isEmpty else {
      status = "No previous search; / to search"
      return
    }
    let forward = (search.direction == .forward) != reverse
    find(forward ? .forward : .backward)
  }

  /// Finds the next match of the query in the open story from the current match (or the top of the screen),
  /// wrapping at the ends, and scrolls to it.
  mutating func find(_ direction: SearchState.Direction) {
    guard let story else {
      status = "No story"
      return
    }
    let query = search.query
    var matches: [TextRange] = []
    for (part, text) in story.textParts {
      var from = text.startIndex
      while from < text.endIndex,
        let range = text.range(of: query, options: [.caseInsensitive], range: from..<text.endIndex)
      {
        let start = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)
        let length = text.unicodeScalars.distance(from: range.lowerBound, to: range.upperBound)
        matches.append(TextRange(part: part, start: start, length: max(1, length)))
        from = range.upperBound > range.lowerBound ? range.upperBound : text.index(after: range.lowerBound)
      }
    }
    guard let first = matches.first, let last = matches.last else {
      search.match = nil
      status = "Pattern not found: \(query)"
      return
    }
    let anchor: TextRange
    let inclusive: Bool
    if let match = search.match {
      anchor = match
      inclusive = false
    } else {
      let top = topOfScreen
      anchor = TextRange(part: top.part, start: top.offset, length: 0)
      inclusive = true
    }
    var target: TextRange?
    if direction == .forward {
      target = matches.first { inclusive ? $0 >= anchor : $0 > anchor }
      if target == nil {
        target = first
        status = "Search hit BOTTOM, continuing at TOP"
      }
    } else {
      target = matches.last { $0 < anchor }
      if target == nil {
        target = last
        status = "Search hit TOP, continuing at BOTTOM"
      }
    }
    guard let target else { return }
    search.match = target
    if let line = layout.line(of: target.part, offset: target.start) { scroll(toShow: line) }
    markVisibleRead()
    if let index = matches.firstIndex(of: target), status == nil {
      status = "Match \(index + 1)/\(matches.count): \(query)"
    }
  }
}
