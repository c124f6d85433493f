import DatelineCore
import Foundation

/// Entities from a plain list of names, found in a story by exact (case-sensitive, whole-word) matching.
///
/// A stand-in for the recogniser, used by `dateline read --names FILE` and by the end-to-end tests so that
/// mentions are known exactly. Each line: `TYPE NAME [| ALIAS | ALIAS ...]`, TYPE one of person, place,
/// organization; `#` starts a comment line.
public struct NameListEntities: Sendable {
  public var entities: [Entity]

  /// Parses the list; returns nil and a `line N: problem` message for a bad line.
  public static func parse(_ text: String) -> (NameListEntities?, String?) {
    var entities: [Entity] = []
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let head = line.split(separator: " ", maxSplits: 1)
      guard head.count == 2, let type = EntityType(rawValue: String(head[0])) else {
        return (nil, "line \(number + 1): expected 'person|place|organization NAME'")
      }
      let names = head[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      guard let name = names.first else { return (nil, "line \(number + 1): no name") }
      entities.append(Entity(name: name, type: type, aliases: Array(names.dropFirst())))
    }
    return (NameListEntities(entities: entities), nil)
  }

  public init(entities: [Entity]) { self.entities = entities }

  /// The listed entities that occur in `story`, with every whole-word occurrence of their names as mentions.
  public func analyze(_ story: Story) -> StoryEntities {
    var mentions: [Mention] = []
    var found: Set<EntityID> = []
    for (part, text) in story.textParts {
      let scalars = Array(text.unicodeScalars)
      for entity in entities {
        for name in ([entity.name] + entity.aliases) {
          let needle = Array(name.unicodeScalars)
          guard !needle.isEmpty, needle.count <= scalars.count else { continue }
          var i = 0
          while i + needle.count <= scalars.count {
            if scalars[i] == needle[0], Array(scalars[i..<(i + needle.count)]) == needle,
              i == 0 || !isWordScalar(scalars[i - 1]),
              i + needle.count == scalars.count || !isWordScalar(scalars[i + needle.count]),
              !mentions.contains(where: { $0.part == part && $0.start <= i && i < $0.start + $0.length })
            {
              mentions.append(Mention(entity: entity.id, part: part, start: i, length: needle.count, text: name))
              found.insert(entity.id)
              i += needle.count
            } else {
              i += 1
            }
          }
        }
      }
    }
    return StoryEntities(entities: entities.filter { found.contains($0.id) }, mentions: mentions)
  }

  private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }
}
