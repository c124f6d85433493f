import DatelineCore

/// One entity as the sidebar lists it: with its number of mentions in the open story.
public struct SidebarEntry: Sendable, Hashable {
  public var entity: Entity
  public var count: Int

  /// The open story's entities, grouped by type (people, places, organisations), most mentioned first, then by
  /// name; only `filter`'s type when it is set.
  public static func entries(for entities: StoryEntities, filter: EntityType?) -> [SidebarEntry] {
    var counts: [EntityID: Int] = [:]
    for mention in entities.mentions { counts[mention.entity, default: 0] += 1 }
    return entities.entities
      .filter { filter == nil || $0.type == filter }
      .map { SidebarEntry(entity: $0, count: counts[$0.id] ?? 0) }
      .sorted { a, b in
        if a.entity.type != b.entity.type { return a.entity.type < b.entity.type }
        if a.count != b.count { return a.count > b.count }
        return a.entity.name < b.entity.name
      }
  }
}

extension EntityType {
  /// The sidebar heading for the type.
  public var pluralTitle: String {
    switch self {
    case .person: "People"
    case .place: "Places"
    case .organization: "Organisations"
    }
  }
}
