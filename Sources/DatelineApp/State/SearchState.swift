import DatelineCore

/// The search: the prompt being typed, the last query and direction, and the match on show.
public struct SearchState: Sendable, Hashable {
  public enum Direction: Sendable, Hashable {
    case forward
    case backward
  }

  /// The text typed so far while the prompt is open; nil when it is closed.
  public var prompt: String?
  public var promptDirection: Direction = .forward
  /// The last query run (empty: none).
  public var query: String = ""
  public var direction: Direction = .forward
  /// The match on show, in the open story.
  public var match: TextRange?

  public init() {}
}

/// A range of text in a part of the open story, in Unicode scalars.
public struct TextRange: Sendable, Hashable, Comparable {
  public var part: StoryPart
  public var start: Int
  public var length: Int

  public init(part: StoryPart, start: Int, length: Int) {
    self.part = part
    self.start = start
    self.length = length
  }

  public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
    (lhs.part, lhs.start, lhs.length) < (rhs.part, rhs.start, rhs.length)
  }
}
