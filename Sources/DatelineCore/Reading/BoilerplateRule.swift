/// One rule of a boilerplate rules file (see `Resources/boilerplate.rules` for the format).
public struct BoilerplateRule: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case line
    case prefix
    case blockStart = "block-start"
    case blockEnd = "block-end"
    case cardIntro = "card-intro"
    case pictureLabel = "picture-label"
    case videoLabel = "video-label"

    /// Kinds whose pattern matches the start of a line rather than the whole line.
    var matchesPrefix: Bool { self == .prefix || self == .blockEnd || self == .pictureLabel || self == .videoLabel }
  }

  public var kind: Kind
  public var name: String
  /// The folded pattern as written.
  public var pattern: String
  /// The pattern's literal pieces between '*'s.
  let pieces: [[Unicode.Scalar]]
  /// The folded UTF-8 bytes of the pattern up to its first '*': a line can only match if it starts so.
  let head: [UInt8]

  /// A rule; nil when the pattern does not start with a literal word or, for a prefix kind, ends with '*'.
  public init?(kind: Kind, name: String, pattern: String) {
    let folded = LineFolding.fold(pattern[...])
    let pieces = folded.split(separator: "*", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    guard let first = pieces.first, !first.isEmpty, first[0] != " " else { return nil }
    let head = Array(String(scalars: first).utf8)
    if kind.matchesPrefix && folded.hasSuffix("*") { return nil }
    self.kind = kind
    self.name = name
    self.pattern = folded
    self.pieces = pieces
    self.head = head
  }

  /// Whether the whole folded line matches (for whole-line kinds).
  func matchesWhole(_ folded: [Unicode.Scalar]) -> Bool {
    matchEnd(folded, wholeLine: true) == folded.count
  }

  /// How many scalars of `folded` a match of the pattern against its start covers, or nil when it does not
  /// match. With `wholeLine`, the match must cover the whole line.
  func matchEnd(_ folded: [Unicode.Scalar], wholeLine: Bool = false) -> Int? {
    guard folded.starts(with: pieces[0]) else { return nil }
    var position = pieces[0].count
    for (offset, piece) in pieces.enumerated().dropFirst() {
      if offset == pieces.count - 1 {
        if piece.isEmpty { return folded.count }  // a trailing '*' runs to the end of the line
        if wholeLine {
          guard folded.count - position >= piece.count, folded.suffix(piece.count).elementsEqual(piece) else {
            return nil
          }
          return folded.count
        }
      }
      guard let found = Self.find(piece, in: folded, from: position) else { return nil }
      position = found + piece.count
    }
    return position
  }

  /// The first offset at or after `start` where `needle` occurs in `haystack`.
  private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Int? {
    guard !needle.isEmpty else { return start }
    var index = start
    while index + needle.count <= haystack.count {
      if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
        return index
      }
      index += 1
    }
    return nil
  }
}
