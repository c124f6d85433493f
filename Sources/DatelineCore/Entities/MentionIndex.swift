/// One mention located in a collection of stories.
public struct MentionLocation: Codable, Sendable, Hashable, Comparable {
  /// Index of the story in the collection the index was built from.
  public var story: Int
  public var mention: Mention

  public init(story: Int, mention: Mention) {
    self.story = story
    self.mention = mention
  }

  public static func < (lhs: MentionLocation, rhs: MentionLocation) -> Bool {
    (lhs.story, lhs.mention) < (rhs.story, rhs.mention)
  }
}

/// Every mention of every entity across a list of stories, in reading order, with next / previous look-ups.
///
/// Entities with the same `EntityID` in different stories are one entity: their aliases are joined and their
/// mentions form one list, so a jump goes from the last mention in one story to the first in the next.
public struct MentionIndex: Sendable {
  /// The entities, merged across stories, by id.
  public private(set) var entities: [EntityID: Entity] = [:]
  private var mentionsByEntity: [EntityID: [MentionLocation]] = [:]
  /// Per entity, the stories that mention it (ascending) with how many times: counted once, read every frame.
  private var storyCountsByEntity: [EntityID: [(story: Int, mentions: Int)]] = [:]

  public init(stories: [StoryEntities]) {
    for (storyIndex, story) in stories.enumerated() {
      for entity in story.entities {
        if var known = entities[entity.id] {
          for alias in [entity.name] + entity.aliases where alias != known.name && !known.aliases.contains(alias) {
            known.aliases.append(alias)
          }
          entities[entity.id] = known
        } else {
          entities[entity.id] = entity
        }
      }
      for mention in story.mentions {
        mentionsByEntity[mention.entity, default: []].append(MentionLocation(story: storyIndex, mention: mention))
      }
    }
    for key in mentionsByEntity.keys { mentionsByEntity[key]?.sort() }
    for (entity, list) in mentionsByEntity {
      var counts: [(story: Int, mentions: Int)] = []
      for location in list {
        if counts.last?.story == location.story { counts[counts.count - 1].mentions += 1 } else { counts.append((location.story, 1)) }
      }
      storyCountsByEntity[entity] = counts
    }
  }

  /// All mentions of `entity` in reading order (story by story).
  public func mentions(of entity: EntityID) -> [MentionLocation] { mentionsByEntity[entity] ?? [] }

  /// The mentions of `entity` in story `story`, in reading order.
  public func mentions(of entity: EntityID, inStory story: Int) -> ArraySlice<MentionLocation> {
    let list = mentions(of: entity)
    return list[firstIndex(in: list) { $0.story >= story }..<firstIndex(in: list) { $0.story > story }]
  }

  /// How many times `entity` is mentioned in story `story`.
  public func mentionCount(of entity: EntityID, inStory story: Int) -> Int {
    mentions(of: entity, inStory: story).count
  }

  /// The stories that mention `entity`, ascending, with how many times.
  public func storyCounts(of entity: EntityID) -> [(story: Int, mentions: Int)] {
    storyCountsByEntity[entity] ?? []
  }

  /// The first mention of `entity` strictly after `location`, or nil at the last one.
  public func next(of entity: EntityID, after location: MentionLocation) -> MentionLocation? {
    let list = mentions(of: entity)
    let index = firstIndex(in: list) { $0 > location }
    return index < list.count ? list[index] : nil
  }

  /// The last mention of `entity` strictly before `location`, or nil at the first one.
  public func previous(of entity: EntityID, before location: MentionLocation) -> MentionLocation? {
    let list = mentions(of: entity)
    let index = firstIndex(in: list) { $0 >= location }
    return index > 0 ? list[index - 1] : nil
  }

  /// Binary search: the first index whose element satisfies `isAtOrPast` (which must be monotonic).
  private func firstIndex(in list: [MentionLocation], where isAtOrPast: (MentionLocation) -> Bool) -> Int {
    var low = 0
    var high = list.count
    while low < high {
      let mid = (low + high) / 2
      if isAtOrPast(list[mid]) { high = mid } else { low = mid + 1 }
    }
    return low
  }
}
