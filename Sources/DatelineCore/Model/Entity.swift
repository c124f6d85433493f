/// The three kinds of named entity dateline recognises (see ENTITIES.md).
public enum EntityType: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
  case person
  case place
  case organization

  public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// The identity of an entity: its type and a fingerprint of its fullest name.
public struct EntityID: RawRepresentable, Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(type: EntityType, name: String) {
    rawValue = type.rawValue + ":" + TextFingerprint.key(name)
  }
  public var description: String { rawValue }
  public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A person, place or organisation: its fullest name and every other surface form it was seen under.
public struct Entity: Codable, Sendable, Hashable, Identifiable {
  public var id: EntityID
  public var name: String
  public var type: EntityType
  /// Other surface forms of the same entity ("Blinken" for "Antony Blinken"), without `name` itself.
  public var aliases: [String]

  public init(name: String, type: EntityType, aliases: [String] = [], id: EntityID? = nil) {
    self.id = id ?? EntityID(type: type, name: name)
    self.name = name
    self.type = type
    self.aliases = aliases
  }
}
