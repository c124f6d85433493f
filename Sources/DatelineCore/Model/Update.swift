/// One post of a live blog: an optional title, its paragraphs and the related-story cards embedded in it.
public struct Update: Codable, Sendable, Hashable, Identifiable {
  /// Stable identity from the title (or, untitled, the opening words), unique within its story.
  public var id: UpdateID
  public var title: String?
  /// The time the page printed above the post ("12:45", "3 hours ago"), when it had one.
  public var time: String?
  /// The 1-based input line where the update starts: its title, or its first paragraph when untitled.
  public var line: Int
  public var paragraphs: [Paragraph]
  public var links: [LinkCard]
  /// What kind of post this is; a picture or video post usually has no paragraphs.
  public var kind: Kind
  /// The input line of `time`, when the page printed one above the post.
  public var timeLine: Int?
  /// The page's own id for the post (an element id, a JSON-LD `@id`), when it gives one: the post's identity.
  public var pageID: String?
  /// The post's instant as RFC 3339 with `Z` ("2026-03-01T14:05:00Z"), when the page gives it in a machine
  /// form that sources agree on; never guessed from `time`.
  public var published: String?

  public enum Kind: String, Codable, Sendable, Hashable {
    case text
    case pictures
    case video
  }

  public init(
    id: UpdateID? = nil, title: String?, line: Int, paragraphs: [Paragraph] = [], links: [LinkCard] = [],
    kind: Kind = .text, time: String? = nil, timeLine: Int? = nil, pageID: String? = nil, published: String? = nil
  ) {
    self.pageID = pageID
    self.published = published
    self.title = title
    self.line = line
    self.paragraphs = paragraphs
    self.links = links
    self.kind = kind
    self.time = time
    self.timeLine = timeLine
    self.id = id ?? UpdateID(title: title, firstParagraph: paragraphs.first?.text)
  }

  /// Every input line this update was built from (time, title, paragraphs, cards), ascending. Derived, not
  /// stored: a large capture has hundreds of thousands of updates.
  public var sourceLines: [Int] {
    var lines = timeLine.map { [$0] } ?? []
    if title != nil { lines.append(line) }
    lines += paragraphs.map(\.line)
    for link in links { lines += link.lines }
    return lines.uniqueSorted()
  }

  /// A short human name: the title, or the first words of the text for an untitled update.
  public var displayName: String {
    if let title { return title }
    guard let first = paragraphs.first?.text else { return "(untitled)" }
    return first.firstWords(8)
  }
}

extension Array where Element == Int {
  func uniqueSorted() -> [Int] {
    var result = sorted()
    var write = 0
    for read in result.indices where read == 0 || result[read] != result[write - 1] {
      result[write] = result[read]
      write += 1
    }
    result.removeLast(result.count - write)
    return result
  }
}
