import DatelineCore
import Foundation
import GRDB

/// How often one story mentions an entity.
public struct EntityStoryCount: Sendable, Hashable {
  public var story: Int64
  public var headline: String
  public var mentions: Int
}

/// One mention of an entity somewhere in the library.
public struct LibraryMention: Sendable, Hashable {
  public var story: Int64
  /// The update's row id (nil in the headline or standfirst).
  public var update: Int64?
  /// The part, with the update's current page index in the story.
  public var mention: Mention
}

extension Library {
  /// The entity with `id` across the whole library: its name and the union of the aliases every story saw.
  public func entity(_ id: EntityID) throws(LibraryError) -> Entity? {
    try read { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT name, type FROM entities WHERE id = ?", arguments: [id.rawValue]),
        let type = EntityType(rawValue: row["type"])
      else { return nil }
      let name: String = row["name"]
      let forms = try String.fetchAll(
        db, sql: "SELECT DISTINCT alias FROM aliases WHERE entity_id = ? ORDER BY alias", arguments: [id.rawValue])
      return Entity(name: name, type: type, aliases: forms.filter { $0 != name }, id: id)
    }
  }

  /// Every story that mentions `entity`, with how many times; most mentions first.
  public func storiesMentioning(_ entity: EntityID) throws(LibraryError) -> [EntityStoryCount] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT s.id, s.headline, count(*) AS n FROM mentions m JOIN stories s ON s.id = m.story_id
          WHERE m.entity_id = ? GROUP BY s.id ORDER BY n DESC, s.last_capture_at DESC
          """, arguments: [entity.rawValue]
      ).map { EntityStoryCount(story: $0[0], headline: $0[1], mentions: $0[2]) }
    }
  }

  /// Every mention of `entity` in the library, story by story (most recently captured first), in reading order
  /// within each story: what a cross-story "next mention" walks.
  public func mentions(of entity: EntityID) throws(LibraryError) -> [LibraryMention] {
    try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT m.story_id, m.update_id, m.part, m.part_index, m.start, m.length, m.text,
            (SELECT count(*) FROM updates v WHERE v.story_id = m.story_id AND v.position < u.position) AS idx
          FROM mentions m JOIN stories s ON s.id = m.story_id LEFT JOIN updates u ON u.id = m.update_id
          WHERE m.entity_id = ? ORDER BY s.last_capture_at DESC, s.id DESC
          """, arguments: [entity.rawValue])
      var result: [LibraryMention] = []
      for row in rows {
        let updateID: Int64? = row[1]
        guard let part = StoredPart.part(name: row[2], update: updateID == nil ? nil : row[7] as Int, index: row[3])
        else { continue }
        result.append(
          LibraryMention(
            story: row[0], update: updateID,
            mention: Mention(entity: entity, part: part, start: row[4], length: row[5], text: row[6])))
      }
      // Stable sort keeps the story order of the query; within a story, reading order.
      var order: [Int64: Int] = [:]
      for m in result where order[m.story] == nil { order[m.story] = order.count }
      return result.enumerated().sorted {
        (order[$0.element.story] ?? 0, $0.element.mention, $0.offset)
          < (order[$1.element.story] ?? 0, $1.element.mention, $1.offset)
      }.map(\.element)
    }
  }

  /// The entities and mentions of one story, with parts indexed by page order, as `MentionIndex` and the
  /// reader's `AppState` take them.
  public func storyEntities(story: Int64) throws(LibraryError) -> StoryEntities {
    try read { db in
      let ids = try Int64.fetchAll(db, sql: "SELECT id FROM updates WHERE story_id = ? ORDER BY position", arguments: [story])
      var index: [Int64: Int] = [:]
      for (i, id) in ids.enumerated() { index[id] = i }
      var mentions: [Mention] = []
      let rows = try Row.fetchCursor(
        db, sql: "SELECT update_id, entity_id, part, part_index, start, length, text FROM mentions WHERE story_id = ?",
        arguments: [story])
      while let row = try rows.next() {
        let updateID: Int64? = row[0]
        let u = updateID.flatMap { index[$0] }
        if updateID != nil && u == nil { continue }
        guard let part = StoredPart.part(name: row[2], update: u, index: row[3]) else { continue }
        mentions.append(
          Mention(entity: EntityID(rawValue: row[1]), part: part, start: row[4], length: row[5], text: row[6]))
      }
      let entityRows = try Row.fetchAll(
        db,
        sql: """
          SELECT e.id, e.name, e.type, group_concat(a.alias, char(31)) FROM entities e
          JOIN aliases a ON a.entity_id = e.id WHERE a.story_id = ? GROUP BY e.id ORDER BY e.id
          """, arguments: [story])
      let entities = entityRows.compactMap { row -> Entity? in
        guard let type = EntityType(rawValue: row[2]) else { return nil }
        let name: String = row[1]
        let forms = ((row[3] as String?) ?? "").split(separator: "\u{1F}").map(String.init)
        return Entity(name: name, type: type, aliases: forms.filter { $0 != name }, id: EntityID(rawValue: row[0]))
      }
      return StoryEntities(entities: entities, mentions: mentions)
    }
  }
}
