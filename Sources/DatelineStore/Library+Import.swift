import DatelineCore
import Foundation
import GRDB

extension Library {
  /// Finds the entities of a story (`StoryEntityAnalyzer.analyze`); a library calls it only on the parts of a
  /// capture that are new or changed.
  public typealias EntityAnalysis = @Sendable (Story) -> StoryEntities

  /// Imports one capture, read into `story` from `bytes`, in ONE transaction: it goes to the story it is a
  /// capture of (same source, or same or edited headline) or starts one; its updates are merged
  /// (`CaptureMerger`); new and changed updates are marked and their entities stored. Importing the same bytes
  /// again changes nothing.
  public func importCapture(
    _ story: Story, bytes: [UInt8], at date: Date = Date(), analyze: EntityAnalysis? = nil
  ) throws(LibraryError) -> ImportReport {
    let hash = ContentHasher.hex(of: bytes)
    return try write { db in
      try CaptureImport(db: db, story: story, hash: hash, date: date, analyze: analyze).run()
    }
  }
}

/// The work of one import, inside the import's transaction.
struct CaptureImport {
  let db: Database
  let story: Story
  let hash: String
  let date: Date
  let analyze: Library.EntityAnalysis?

  func run() throws -> ImportReport {
    // Statements are prepared once per connection (`cachedStatement`): a refresh imports thousands of items.
    if let known = try Row.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT s.headline, s.key, (SELECT count(*) FROM updates u WHERE u.story_id = s.id) AS n
          FROM captures c JOIN stories s ON s.id = c.story_id WHERE c.content_hash = ?
          """), arguments: [hash])
    {
      return ImportReport(
        source: story.source, story: known["headline"], storyKey: known["key"], updates: known["n"],
        captureUpdates: story.updates.count, new: [], changed: [], alreadyImported: true, newStory: false)
    }

    let existing = try findStory()
    let storyID: Int64
    let key: String
    if let existing {
      (storyID, key) = existing
    } else {
      key = story.id.rawValue
      try db.cachedStatement(
        sql: """
          INSERT INTO stories (key, headline, standfirst, created_at, last_capture_at, canonical_url)
          VALUES (?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: [
          key, story.headline, story.standfirst, date.timeIntervalSince1970, date.timeIntervalSince1970, story.canonicalURL,
        ])
      storyID = db.lastInsertedRowID
    }
    let oldHeadline = try String.fetchOne(
      db.cachedStatement(sql: "SELECT headline FROM stories WHERE id = ?"), arguments: [storyID])
    try db.cachedStatement(
      sql: "INSERT INTO captures (story_id, source, imported_at, content_hash, update_count) VALUES (?, ?, ?, ?, ?)"
    ).execute(arguments: [storyID, story.source, date.timeIntervalSince1970, hash, story.updates.count])
    let captureID = db.lastInsertedRowID

    let stored = try StoredDigest.fetchAll(db, story: storyID)
    let incoming = story.updates.map(UpdateDigest.init)
    let merge = CaptureMerger().merge(stored: stored.map(\.digest), capture: incoming)
    let rowIDs = try writeUpdates(merge, stored: stored, incoming: incoming, story: storyID, capture: captureID)

    try db.cachedStatement(
      sql: """
        UPDATE stories SET headline = ?, standfirst = ?, last_capture_at = ?,
          canonical_url = coalesce(?, canonical_url) WHERE id = ?
        """
    ).execute(
      arguments: [story.headline, story.standfirst, date.timeIntervalSince1970, story.canonicalURL, storyID])

    if let analyze {
      let touched = (merge.new + merge.changed).sorted()
      let headlineChanged = existing == nil || oldHeadline != story.headline
      try EntityWriter(db: db, story: storyID).store(
        analyze, of: story, updates: touched, rowIDs: rowIDs, includeHeadline: headlineChanged)
    }

    let newSet = Set(merge.new)
    let changedSet = Set(merge.changed)
    return ImportReport(
      source: story.source, story: story.headline, storyKey: key, updates: merge.entries.count,
      captureUpdates: story.updates.count,
      new: story.updates.indices.filter(newSet.contains).map { story.updates[$0].displayName },
      changed: story.updates.indices.filter(changedSet.contains).map { story.updates[$0].displayName },
      alreadyImported: false, newStory: existing == nil)
  }

  /// The story this capture belongs to: one with a capture from the same source, the same headline
  /// fingerprint, or an edited headline. A web page's story is the one of its canonical URL and no other: a
  /// live blog whose headline is rewritten stays one story, two days' blogs with similar headlines stay two.
  private func findStory() throws -> (Int64, String)? {
    if story.canonicalURL != nil {
      return try Row.fetchOne(db.cachedStatement(sql: "SELECT id, key FROM stories WHERE key = ?"), arguments: [story.id.rawValue])
        .map { ($0[0], $0[1]) }
    }
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT s.id, s.key FROM captures c JOIN stories s ON s.id = c.story_id
        WHERE c.source = ? ORDER BY c.id DESC LIMIT 1
        """, arguments: [story.source])
    {
      let headline = try String.fetchOne(db, sql: "SELECT headline FROM stories WHERE id = ?", arguments: [row[0] as Int64])
      // The same file may since hold another page; a source match still needs a related headline.
      if let headline, CaptureMerger().isSameHeadline(headline, story.headline) || sharesUpdates(story: row[0]) {
        return (row[0], row[1])
      }
    }
    if let row = try Row.fetchOne(db, sql: "SELECT id, key FROM stories WHERE key = ?", arguments: [story.id.rawValue]) {
      return (row[0], row[1])
    }
    let merger = CaptureMerger()
    let rows = try Row.fetchCursor(db, sql: "SELECT id, key, headline FROM stories ORDER BY last_capture_at DESC")
    while let row = try rows.next() {
      if merger.isSameHeadline(row["headline"], story.headline) { return (row["id"], row["key"]) }
    }
    return nil
  }

  /// Whether at least half the capture's updates have ids the stored story knows.
  private func sharesUpdates(story storyID: Int64) -> Bool {
    guard !story.updates.isEmpty else { return false }
    let known = (try? Set(String.fetchAll(db, sql: "SELECT identity FROM updates WHERE story_id = ?", arguments: [storyID]))) ?? []
    let shared = story.updates.filter { known.contains($0.id.rawValue) }.count
    return shared * 2 >= story.updates.count
  }

  /// Writes the merged page order: new rows for new updates, new text for changed ones, positions and last
  /// capture for every update the capture shows. Returns the row id of each capture update.
  private func writeUpdates(
    _ merge: CaptureMerger.Result, stored: [StoredDigest], incoming: [UpdateDigest], story storyID: Int64,
    capture captureID: Int64
  ) throws -> [Int64] {
    var rowIDs = [Int64](repeating: 0, count: incoming.count)
    let insert = try db.cachedStatement(
      sql: """
        INSERT INTO updates (story_id, position, identity, title, time, kind, line, opening, paragraphs, links,
          content_hash, first_capture_id, last_capture_id, changed, mark, page_id, published)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'new', ?, ?)
        """)
    let change = try db.cachedStatement(
      sql: """
        UPDATE updates SET position = ?, identity = ?, title = ?, time = ?, kind = ?, line = ?, opening = ?,
          paragraphs = ?, links = ?, content_hash = ?, last_capture_id = ?, changed = 1,
          mark = CASE WHEN mark = 'new' THEN 'new' ELSE 'changed' END, page_id = ?, published = ?
        WHERE id = ?
        """)
    let seen = try db.cachedStatement(
      sql: "UPDATE updates SET position = ?, time = ?, last_capture_id = ?, published = coalesce(?, published) WHERE id = ?")
    let move = try db.cachedStatement(sql: "UPDATE updates SET position = ? WHERE id = ?")

    let (positions, _) = UpdatePositions.assign(merge.entries, stored: stored.map(\.position))
    for (n, entry) in merge.entries.enumerated() {
      let position = positions[n]
      switch (entry.stored, entry.incoming) {
      case (nil, let i?):
        let update = story.updates[i]
        try insert.execute(arguments: [
          storyID, position, update.id.rawValue, update.title, update.time, update.kind.rawValue, update.line,
          incoming[i].opening, StoredJSON.paragraphs(update.paragraphs), StoredJSON.links(update.links),
          incoming[i].contentHash, captureID, captureID, update.pageID, update.published,
        ])
        rowIDs[i] = db.lastInsertedRowID
      case (let s?, let i?):
        let row = stored[s]
        rowIDs[i] = row.id
        if entry.changed {
          let update = story.updates[i]
          try change.execute(arguments: [
            position, update.id.rawValue, update.title, update.time, update.kind.rawValue, update.line,
            incoming[i].opening, StoredJSON.paragraphs(update.paragraphs), StoredJSON.links(update.links),
            incoming[i].contentHash, captureID, update.pageID, update.published, row.id,
          ])
        } else {
          try seen.execute(arguments: [position, story.updates[i].time, captureID, story.updates[i].published, row.id])
        }
      case (let s?, nil):
        if stored[s].position != position { try move.execute(arguments: [position, stored[s].id]) }
      case (nil, nil):
        break
      }
    }
    return rowIDs
  }

}

/// A stored update as the merger needs it, without its body.
struct StoredDigest {
  var id: Int64
  var position: Int
  var digest: UpdateDigest

  static func fetchAll(_ db: Database, story: Int64) throws -> [StoredDigest] {
    let rows = try Row.fetchCursor(
      db.cachedStatement(
        sql: "SELECT id, position, identity, title, opening, content_hash FROM updates WHERE story_id = ? ORDER BY position"),
      arguments: [story])
    var result: [StoredDigest] = []
    while let row = try rows.next() {
      result.append(
        StoredDigest(
          id: row[0], position: row[1],
          digest: UpdateDigest(
            id: UpdateID(rawValue: row[2]), title: row[3], opening: row[4], contentHash: row[5])))
    }
    return result
  }
}
