import DatelineCore

/// What one line of the update pane shows.
public enum StoryLineKind: Sendable, Hashable {
  case headline
  case standfirst
  /// The update's time and its new/changed mark, when it has either.
  case updateInfo
  case updateTitle
  case paragraph
  case cardTop
  case cardTitle
  case cardSummary
  case cardBottom
  case blank
  case note
}

/// One line of the laid-out story: a slice of one part's text, or a decoration.
public struct StoryLine: Sendable, Hashable {
  public var kind: StoryLineKind
  /// The part whose text the line shows (nil for blanks and card borders).
  public var part: StoryPart?
  /// The update the line belongs to (nil for the headline and standfirst).
  public var update: Int?
  /// The slice of the part's text, in Unicode scalars.
  public var range: WrappedLine
  /// Column where the text starts, relative to the text area.
  public var indent: Int
}

/// The open story laid out at a width: every line, plus indexes to find a part's or an update's first line.
///
/// Built once when a story is opened or the width changes; drawing and jumps then only look lines up, so they
/// cost the same for a story of 20 updates or 2,000.
public struct StoryLayout: Sendable {
  public let width: Int
  /// What the terminal can show: text was shaped for it before wrapping.
  public let repertoire: GlyphRepertoire
  public private(set) var lines: [StoryLine] = []
  public private(set) var firstLine: [StoryPart: Int] = [:]
  /// The first line (the title, or first paragraph) of each update.
  public private(set) var updateStart: [Int] = []
  /// The mentions of the story by part, in order.
  public private(set) var mentionsByPart: [StoryPart: [Mention]]

  /// The empty layout.
  public init() {
    width = 0
    repertoire = .unicode
    mentionsByPart = [:]
  }

  public init(
    story: Story, entities: StoryEntities, width: Int, marks: [Int: UpdateMark] = [:],
    repertoire: GlyphRepertoire = .unicode
  ) {
    self.width = max(1, width)
    self.repertoire = repertoire
    mentionsByPart = Dictionary(grouping: entities.mentions, by: \.part)
    addWrapped(.headline, story.headline, kind: .headline, update: nil, indent: 0)
    if let standfirst = story.standfirst {
      addWrapped(.standfirst, standfirst, kind: .standfirst, update: nil, indent: 0)
    }
    if story.updates.isEmpty {
      addBlank(update: nil)
      lines.append(StoryLine(kind: .note, part: nil, update: nil, range: .empty, indent: 0))
    }
    for (u, update) in story.updates.enumerated() {
      addBlank(update: u)
      updateStart.append(lines.count)
      if update.time != nil || marks[u] != nil {
        lines.append(StoryLine(kind: .updateInfo, part: nil, update: u, range: .empty, indent: 0))
      }
      if let title = update.title { addWrapped(.title(update: u), title, kind: .updateTitle, update: u, indent: 0) }
      for (i, paragraph) in update.paragraphs.enumerated() {
        if i > 0 || update.title != nil { addBlank(update: u) }
        addWrapped(.paragraph(update: u, index: i), paragraph.text, kind: .paragraph, update: u, indent: 0)
      }
      if update.title == nil && update.paragraphs.isEmpty {
        lines.append(StoryLine(kind: .note, part: nil, update: u, range: .empty, indent: 0))
      }
      for (i, link) in update.links.enumerated() {
        addBlank(update: u)
        lines.append(StoryLine(kind: .cardTop, part: nil, update: u, range: .empty, indent: 0))
        addWrapped(.linkTitle(update: u, index: i), link.title, kind: .cardTitle, update: u, indent: 2, inner: true)
        if let summary = link.summary {
          addWrapped(.linkSummary(update: u, index: i), summary, kind: .cardSummary, update: u, indent: 2, inner: true)
        }
        lines.append(StoryLine(kind: .cardBottom, part: nil, update: u, range: .empty, indent: 0))
      }
    }
  }

  private mutating func addBlank(update: Int?) {
    lines.append(StoryLine(kind: .blank, part: nil, update: update, range: .empty, indent: 0))
  }

  private mutating func addWrapped(
    _ part: StoryPart, _ text: String, kind: StoryLineKind, update: Int?, indent: Int, inner: Bool = false
  ) {
    firstLine[part] = lines.count
    let textWidth = max(1, width - (inner ? 4 : 0))
    for range in TextWrapper.wrap(text, width: textWidth, repertoire: repertoire) {
      lines.append(StoryLine(kind: kind, part: part, update: update, range: range, indent: indent))
    }
  }

  /// The line showing scalar `offset` of `part`, or nil when the part is not laid out.
  public func line(of part: StoryPart, offset: Int) -> Int? {
    guard var index = firstLine[part] else { return nil }
    while index + 1 < lines.count, lines[index + 1].part == part, lines[index + 1].range.scalarStart <= offset {
      index += 1
    }
    return index
  }

  /// The first line of update `update`'s text: its title or first paragraph, below its time-and-mark line.
  public func contentStart(of update: Int) -> Int {
    guard updateStart.indices.contains(update) else { return 0 }
    let start = updateStart[update]
    return lines.indices.contains(start) && lines[start].kind == .updateInfo ? start + 1 : start
  }

  /// The update shown at line `index` (the nearest one above it for blank lines), or nil above the first.
  public func update(atLine index: Int) -> Int? {
    guard !updateStart.isEmpty else { return nil }
    var low = 0
    var high = updateStart.count
    while low < high {
      let mid = (low + high) / 2
      if updateStart[mid] <= index { low = mid + 1 } else { high = mid }
    }
    return low > 0 ? low - 1 : nil
  }

  /// The same lines with `entities`' mentions: mentions never change how text wraps, so a story whose entities
  /// arrive after its first frame is not laid out again.
  func withMentions(of entities: StoryEntities) -> StoryLayout {
    var layout = self
    layout.mentionsByPart = Dictionary(grouping: entities.mentions, by: \.part)
    return layout
  }
}
