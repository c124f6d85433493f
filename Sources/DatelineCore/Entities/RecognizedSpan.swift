/// A name found in one text: where it lies (Unicode scalar offsets and token indices) and its type.
public struct RecognizedSpan: Sendable, Hashable {
  /// Index of the text in the list the recogniser was given.
  public var part: Int
  /// Scalar offset of the first character within that text.
  public var start: Int
  /// Scalar offset just past the last character.
  public var end: Int
  /// Token indices covered, half-open.
  public var tokens: Range<Int>
  public var type: EntityType
  /// The exact surface form.
  public var text: String
  /// An all-capitals abbreviation given in brackets right after the name: "ISW" in "... War (ISW)".
  public var introducedAbbreviation: String?

  public init(
    part: Int, start: Int, end: Int, tokens: Range<Int>, type: EntityType, text: String,
    introducedAbbreviation: String? = nil
  ) {
    self.part = part
    self.start = start
    self.end = end
    self.tokens = tokens
    self.type = type
    self.text = text
    self.introducedAbbreviation = introducedAbbreviation
  }
}
