import DatelineCore
import Foundation
import GRDB

extension Library {
  /// Every story, most recently captured first, with counts (one query; no update is loaded).
  public func stories() throws(LibraryError) -> [StorySummary] {
    try read { db in try Self.summaries(db, where: "", arguments: []) }
  }

  /// The story with row id `id`, or nil.
  public func story(id: Int64) throws(LibraryError) -> StorySummary? {
    try read { db in try Self.summaries(db, where: "WHERE s.id = ?", arguments: [id]).first }
  }

  /// The story the user named: its key (`StorySummary.key`), its exact headline, or its 1-based index in
  /// `stories()` order.
  public func findStory(_ name: String) throws(LibraryError) -> StorySummary? {
    let all = try stories()
    if let match = all.first(where: { $0.key == name }) ?? all.first(where: { $0.headline == name }) {
      return match
    }
    if let index = Int(name), index >= 1, index <= all.count { return all[index - 1] }
    return nil
  }

  /// Removes a story with its captures, updates, mentions, aliases and reading state, in one transaction;
  /// entities no longer mentioned anywhere go too. Returns false when there was no such story.
  @discardableResult
  public func removeStory(id: Int64) throws(LibraryError) -> Bool {
    try write { db in
      try db.execute(sql: "DELETE FROM stories WHERE id = ?", arguments: [id])
      guard db.changesCount > 0 else { return false }
      try db.execute(
        sql: "DELETE FROM entities WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)")
      return true
    }
  }

  /// The stored updates of a story at page indices `range` (clamped), in page order: a screenful without
  /// loading the rest.
  public func updates(story: Int64, range: Range<Int>) throws(LibraryError) -> [StoredUpdate] {
    let lower = max(0, range.lowerBound)
    guard range.upperBound > lower else { return [] }
    return try read { db in
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT id, identity, title, time, kind, line, paragraphs, links, mark, changed, page_id, published FROM updates
          WHERE story_id = ? ORDER BY position LIMIT ? OFFSET ?
          """, arguments: [story, range.upperBound - lower, lower])
      let decoder = JSONDecoder()
      var result: [StoredUpdate] = []
      var index = lower
      while let row = try rows.next() {
        let paragraphs = (try? decoder.decode([Paragraph].self, from: Data((row[6] as String).utf8))) ?? []
        let links = (try? decoder.decode([LinkCard].self, from: Data((row[7] as String).utf8))) ?? []
        var update = Update(
          id: UpdateID(rawValue: row[1]), title: row[2], line: row[5], paragraphs: paragraphs, links: links,
          kind: Update.Kind(rawValue: row[4]) ?? .text)
        update.time = row[3]
        update.pageID = row[10]
        update.published = row[11]
        let mark = (row[8] as String?).flatMap(UpdateMark.init(rawValue:))
        result.append(StoredUpdate(id: row[0], index: index, update: update, mark: mark, everChanged: row[9]))
        index += 1
      }
      return result
    }
  }

  /// The whole story as a `Story` (every update, in page order), for code that wants the model type.
  public func loadStory(id: Int64) throws(LibraryError) -> Story? {
    try loadStoredStory(id: id)?.story
  }

  /// The whole story, and its stored updates with their row ids and marks (in the same order as the story's).
  public func loadStoredStory(id: Int64) throws(LibraryError) -> (story: Story, updates: [StoredUpdate])? {
    guard let summary = try story(id: id) else { return nil }
    let source = try read { db in
      try String.fetchOne(db, sql: "SELECT source FROM captures WHERE story_id = ? ORDER BY id DESC LIMIT 1", arguments: [id])
    }
    let stored = try updates(story: id, range: 0..<summary.updateCount)
    var story = Story(source: source ?? "", headline: summary.headline, standfirst: summary.standfirst)
    story.canonicalURL = try read { db in
      try String.fetchOne(db, sql: "SELECT canonical_url FROM stories WHERE id = ?", arguments: [id])
    }
    story.id = StoryID(rawValue: summary.key)
    story.updates = stored.map(\.update)
    return (story, stored)
  }

  /// Page indices of the story's updates that are marked new or changed, ascending (for "next new update").
  public func markedIndices(story: Int64) throws(LibraryError) -> [Int] {
    try markedUpdates(story: story).map(\.index)
  }

  /// The story's updates marked new or changed, in page order: their page index, row id and mark.
  public func markedUpdates(story: Int64) throws(LibraryError) -> [MarkedUpdate] {
    try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT n, id, mark FROM (
            SELECT id, mark, ROW_NUMBER() OVER (ORDER BY position) - 1 AS n FROM updates WHERE story_id = ?)
          WHERE mark IS NOT NULL ORDER BY n
          """, arguments: [story])
      return rows.compactMap { row in
        guard let mark = UpdateMark(rawValue: row[2]) else { return nil }
        return MarkedUpdate(index: row[0], id: row[1], mark: mark)
      }
    }
  }

  /// Clears the marks of the story's updates at page indices `indices` (what the reader has had on screen).
  public func markRead(story: Int64, indices: [Int]) throws(LibraryError) {
    let wanted = Set(indices)
    guard !wanted.isEmpty else { return }
    let ids = try markedUpdates(story: story).filter { wanted.contains($0.index) }.map(\.id)
    try markRead(updates: ids)
  }

  /// Clears the new/changed mark of the updates with row ids `ids` (the reader has shown them).
  public func markRead(updates ids: [Int64]) throws(LibraryError) {
    guard !ids.isEmpty else { return }
    try write { db in
      let statement = try db.cachedStatement(sql: "UPDATE updates SET mark = NULL WHERE id = ? AND mark IS NOT NULL")
      for id in ids { try statement.execute(arguments: [id]) }
    }
  }

  /// Clears every mark of a story.
  public func markStoryRead(_ story: Int64) throws(LibraryError) {
    try write { db in
      try db.execute(sql: "UPDATE updates SET mark = NULL WHERE story_id = ? AND mark IS NOT NULL", arguments: [story])
    }
  }

  /// Saves where the reader is in a story: the update (row id) at the top and a line offset within it.
  public func saveReadingPosition(story: Int64, update: Int64?, line: Int, at date: Date = Date()) throws(LibraryError) {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO reading (story_id, update_id, line, read_at) VALUES (?, ?, ?, ?)
          ON CONFLICT(story_id) DO UPDATE SET update_id = excluded.update_id, line = excluded.line,
            read_at = excluded.read_at
          """, arguments: [story, update, line, date.timeIntervalSince1970])
    }
  }

  /// Where the reader last was in a story: the update's row id and page index, and the line within it.
  public func readingPosition(story: Int64) throws(LibraryError) -> ReadingPosition? {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT r.update_id, r.line, r.read_at,
              (SELECT count(*) FROM updates v WHERE v.story_id = r.story_id AND v.position < u.position) AS idx
            FROM reading r LEFT JOIN updates u ON u.id = r.update_id WHERE r.story_id = ?
            """, arguments: [story])
      else { return nil }
      let updateID: Int64? = row[0]
      return ReadingPosition(
        update: updateID, index: updateID == nil ? nil : row[3], line: row[1],
        readAt: Date(timeIntervalSince1970: row[2]))
    }
  }

  static func summaries(_ db: Database, where filter: String, arguments: StatementArguments) throws -> [StorySummary] {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.id, s.key, s.headline, s.standfirst, s.last_capture_at,
          (SELECT count(*) FROM updates u WHERE u.story_id = s.id) AS updates,
          (SELECT count(*) FROM updates u WHERE u.story_id = s.id AND u.mark IS NOT NULL) AS marked,
          (SELECT count(*) FROM captures c WHERE c.story_id = s.id) AS captures,
          (SELECT c.source FROM captures c WHERE c.story_id = s.id ORDER BY c.id DESC LIMIT 1) AS source
        FROM stories s \(filter) ORDER BY s.last_capture_at DESC, s.id DESC
        """, arguments: arguments)
    var result: [StorySummary] = []
    while let row = try rows.next() {
      result.append(
        StorySummary(
          id: row["id"], key: row["key"], headline: row["headline"], standfirst: row["standfirst"],
          updateCount: row["updates"], markedCount: row["marked"], captureCount: row["captures"],
          lastCaptureAt: Date(timeIntervalSince1970: row["last_capture_at"]), source: row["source"]))
    }
    return result
  }
}

/// Where the reader was in a story when it last left it.
public struct ReadingPosition: Sendable, Hashable {
  /// The row id of the update at the top, nil when it has since gone.
  public var update: Int64?
  /// That update's current page index.
  public var index: Int?
  /// The line offset within that update.
  public var line: Int
  public var readAt: Date
}

/// An update still marked new or changed.
public struct MarkedUpdate: Sendable, Hashable {
  /// Its page index in the story.
  public var index: Int
  /// Its row id.
  public var id: Int64
  public var mark: UpdateMark
}

extension Library {
  /// The story the reader was in most recently, if any.
  public func lastReadStory() throws(LibraryError) -> Int64? {
    try read { db in try Int64.fetchOne(db, sql: "SELECT story_id FROM reading ORDER BY read_at DESC LIMIT 1") }
  }
}
