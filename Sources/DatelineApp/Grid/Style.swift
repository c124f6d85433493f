/// What a run of text is, so that a backend can pick a colour pair (or, without colour, an attribute) for it.
public enum ColorRole: UInt8, Sendable, Hashable, CaseIterable {
  case normal
  case person
  case place
  case organization
  case heading
  case card
  case dim
  case selection
  case status
  case match
}

/// Text attributes a terminal can show without colour.
public struct TextAttributes: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public static let bold = TextAttributes(rawValue: 1)
  public static let underline = TextAttributes(rawValue: 2)
  public static let reverse = TextAttributes(rawValue: 4)
  public static let dim = TextAttributes(rawValue: 8)
}

/// The look of one cell: a colour role plus attributes.
public struct Style: Sendable, Hashable {
  public var role: ColorRole
  public var attributes: TextAttributes

  public init(_ role: ColorRole = .normal, _ attributes: TextAttributes = []) {
    self.role = role
    self.attributes = attributes
  }

  public static let plain = Style()

  /// The style adding `extra` attributes.
  public func with(_ extra: TextAttributes) -> Style { Style(role, attributes.union(extra)) }

  /// A short code used by text snapshots: the role's initial, then B/U/R/D for attributes.
  public var code: String {
    let roleCode: String =
      switch role {
      case .normal: "."
      case .person: "p"
      case .place: "l"
      case .organization: "o"
      case .heading: "h"
      case .card: "c"
      case .dim: "d"
      case .selection: "s"
      case .status: "t"
      case .match: "m"
      }
    var result = roleCode
    if attributes.contains(.bold) { result += "B" }
    if attributes.contains(.underline) { result += "U" }
    if attributes.contains(.reverse) { result += "R" }
    if attributes.contains(.dim) { result += "D" }
    return result
  }
}
