/// Which piece of a story a run of text lies in.
public enum StoryPart: Codable, Sendable, Hashable, Comparable {
  case headline
  case standfirst
  case title(update: Int)
  case paragraph(update: Int, index: Int)
  case linkTitle(update: Int, index: Int)
  case linkSummary(update: Int, index: Int)

  /// The update this part belongs to, or nil for the headline and standfirst.
  public var update: Int? {
    switch self {
    case .headline, .standfirst: nil
    case .title(let u), .paragraph(let u, _), .linkTitle(let u, _), .linkSummary(let u, _): u
    }
  }

  /// Reading order: headline, standfirst, then each update's title, paragraphs, and cards.
  var order: (Int, Int, Int) {
    switch self {
    case .headline: (-2, 0, 0)
    case .standfirst: (-1, 0, 0)
    case .title(let u): (u, 0, 0)
    case .paragraph(let u, let i): (u, 1, i)
    case .linkTitle(let u, let i): (u, 2, 2 * i)
    case .linkSummary(let u, let i): (u, 2, 2 * i + 1)
    }
  }

  public static func < (lhs: StoryPart, rhs: StoryPart) -> Bool { lhs.order < rhs.order }
}

/// One occurrence of an entity in a story's text.
public struct Mention: Codable, Sendable, Hashable, Comparable {
  public var entity: EntityID
  public var part: StoryPart
  /// Offset of the first character within the part's text, in Unicode scalars.
  public var start: Int
  /// Length in Unicode scalars.
  public var length: Int
  /// The exact surface form.
  public var text: String

  public init(entity: EntityID, part: StoryPart, start: Int, length: Int, text: String) {
    self.entity = entity
    self.part = part
    self.start = start
    self.length = length
    self.text = text
  }

  public static func < (lhs: Mention, rhs: Mention) -> Bool {
    (lhs.part, lhs.start, lhs.length) < (rhs.part, rhs.start, rhs.length)
  }
}

/// The entities of one story and all their mentions in reading order.
public struct StoryEntities: Codable, Sendable, Hashable {
  public var entities: [Entity]
  public var mentions: [Mention]

  public init(entities: [Entity] = [], mentions: [Mention] = []) {
    self.entities = entities
    self.mentions = mentions.sorted()
  }
}

extension Story {
  /// The text of one part of the story, or nil when the story has no such part.
  public func text(of part: StoryPart) -> String? {
    func update(_ u: Int) -> Update? { updates.indices.contains(u) ? updates[u] : nil }
    switch part {
    case .headline: return headline
    case .standfirst: return standfirst
    case .title(let u): return update(u)?.title
    case .paragraph(let u, let i):
      guard let paragraphs = update(u)?.paragraphs, paragraphs.indices.contains(i) else { return nil }
      return paragraphs[i].text
    case .linkTitle(let u, let i):
      guard let links = update(u)?.links, links.indices.contains(i) else { return nil }
      return links[i].title
    case .linkSummary(let u, let i):
      guard let links = update(u)?.links, links.indices.contains(i) else { return nil }
      return links[i].summary
    }
  }

  /// Every piece of text in the story with its part, in reading order.
  public var textParts: [(part: StoryPart, text: String)] {
    var parts: [(StoryPart, String)] = [(.headline, headline)]
    if let standfirst { parts.append((.standfirst, standfirst)) }
    for (u, update) in updates.enumerated() {
      if let title = update.title { parts.append((.title(update: u), title)) }
      for (i, paragraph) in update.paragraphs.enumerated() {
        parts.append((.paragraph(update: u, index: i), paragraph.text))
      }
      for (i, link) in update.links.enumerated() {
        parts.append((.linkTitle(update: u, index: i), link.title))
        if let summary = link.summary { parts.append((.linkSummary(update: u, index: i), summary)) }
      }
    }
    return parts
  }

  /// Where a part starts in the input: its 1-based line and the scalar offset within that line.
  public func inputPosition(of part: StoryPart) -> (line: Int, column: Int)? {
    func update(_ u: Int) -> Update? { updates.indices.contains(u) ? updates[u] : nil }
    switch part {
    case .headline: return (headlineLine, 0)
    case .standfirst: return standfirstLine.map { ($0, 0) }
    case .title(let u): return update(u).map { ($0.line, 0) }
    case .paragraph(let u, let i):
      guard let p = update(u)?.paragraphs, p.indices.contains(i) else { return nil }
      return (p[i].line, p[i].column)
    case .linkTitle(let u, let i):
      guard let l = update(u)?.links, l.indices.contains(i) else { return nil }
      return (l[i].line, 0)
    case .linkSummary(let u, let i):
      guard let l = update(u)?.links, l.indices.contains(i), let line = l[i].summaryLine else { return nil }
      return (line, 0)
    }
  }
}
