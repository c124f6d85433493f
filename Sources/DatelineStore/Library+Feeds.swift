import DatelineCore
import Foundation
import GRDB

/// The feeds the library follows (`feeds`) and which story each of their items became (`feed_items`).
/// Unsubscribing forgets the feed, never its stories.
extension Library {
  /// Follows `outline`'s feed; a feed already followed gets the new title, page and folder when given.
  /// Returns true when the feed is new to the library.
  @discardableResult
  public func subscribe(_ outline: Outline, at date: Date = Date()) throws(LibraryError) -> Bool {
    try write { db in
      let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM feeds WHERE url = ?)", arguments: [outline.url]) ?? false
      let folder = Self.folderText(outline.folder)
      if known {
        try db.execute(
          sql: """
            UPDATE feeds SET title = coalesce(?, title), html_url = coalesce(?, html_url),
              folder = CASE WHEN ? = '' THEN folder ELSE ? END WHERE url = ?
            """, arguments: [outline.title, outline.htmlURL, folder, folder, outline.url])
        return false
      }
      let position = try Int.fetchOne(db, sql: "SELECT coalesce(max(position), 0) + 1 FROM feeds") ?? 1
      try db.execute(
        sql: "INSERT INTO feeds (url, title, html_url, folder, position, added_at) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [outline.url, outline.title, outline.htmlURL, folder, position, date.timeIntervalSince1970])
      return true
    }
  }

  /// Stops following the feed at `url` (its stories stay). False when it was not followed.
  @discardableResult
  public func unsubscribe(url: String) throws(LibraryError) -> Bool {
    try write { db in
      try db.execute(sql: "DELETE FROM feeds WHERE url = ?", arguments: [url])
      return db.changesCount > 0
    }
  }

  /// Every feed followed, in the order subscribed, with its story and unread counts (one query).
  public func subscriptions() throws(LibraryError) -> [Subscription] {
    try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT f.url, f.title, f.html_url, f.folder, f.added_at,
            (SELECT count(DISTINCT i.story_id) FROM feed_items i WHERE i.feed_url = f.url AND i.story_id IS NOT NULL) AS stories,
            (SELECT count(DISTINCT i.story_id) FROM feed_items i WHERE i.feed_url = f.url AND EXISTS
              (SELECT 1 FROM updates u WHERE u.story_id = i.story_id AND u.mark IS NOT NULL)) AS unread
          FROM feeds f ORDER BY f.position
          """)
      return rows.map { row in
        Subscription(
          url: row["url"], title: row["title"], htmlURL: row["html_url"], folder: Self.folder(fromText: row["folder"]),
          addedAt: Date(timeIntervalSince1970: row["added_at"]), stories: row["stories"], unread: row["unread"])
      }
    }
  }

  /// Fills in a feed's title and page from the feed itself, where the subscription has none.
  public func describeFeed(url: String, title: String?, htmlURL: String?) throws(LibraryError) {
    try write { db in try Self.describeFeed(db, url: url, title: title, htmlURL: htmlURL) }
  }

  static func describeFeed(_ db: Database, url: String, title: String?, htmlURL: String?) throws {
    try db.cachedStatement(sql: "UPDATE feeds SET title = coalesce(title, ?), html_url = coalesce(html_url, ?) WHERE url = ?")
      .execute(arguments: [title, htmlURL, url])
  }

  /// Whether any item of the feed is in the library (only then is a conditional request worth making).
  public func hasFeedItems(feed url: String) throws(LibraryError) -> Bool {
    try read { db in
      try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM feed_items WHERE feed_url = ?)", arguments: [url]) ?? false
    }
  }

  /// Imports one feed item as a story (see `importCapture`) and remembers that the item made it, in one
  /// transaction. `bytes` identify the item's current text: the same item unchanged imports nothing.
  public func importFeedItem(
    feed url: String, itemID: String, story: Story, bytes: [UInt8], at date: Date = Date(),
    analyze: EntityAnalysis? = nil
  ) throws(LibraryError) -> ImportReport {
    let hash = ContentHasher.hex(of: bytes)
    return try write { db in
      let report = try CaptureImport(db: db, story: story, hash: hash, date: date, analyze: analyze).run()
      let storyID = try Int64.fetchOne(db, sql: "SELECT id FROM stories WHERE key = ?", arguments: [report.storyKey])
      try db.execute(
        sql: """
          INSERT INTO feed_items (feed_url, item_id, story_id, seen_at) VALUES (?, ?, ?, ?)
          ON CONFLICT(feed_url, item_id) DO UPDATE SET story_id = excluded.story_id
          """, arguments: [url, itemID, storyID, date.timeIntervalSince1970])
      return report
    }
  }

  /// One feed item to import: its id in the feed, its story, the bytes that identify its text, and (when worked
  /// out beforehand, outside the write lock) the entities of the whole story.
  public struct FeedItemImport: Sendable {
    public var itemID: String
    public var story: Story
    public var bytes: [UInt8]
    public var entities: StoryEntities?

    public init(itemID: String, story: Story, bytes: [UInt8], entities: StoryEntities? = nil) {
      self.itemID = itemID
      self.story = story
      self.bytes = bytes
      self.entities = entities
    }
  }

  /// Imports a feed's items in ONE transaction (see `importFeedItem`). An item's precomputed `entities` are
  /// used when the whole story is analysed (a new item), so the recogniser does not run under the write lock.
  public func importFeedItems(
    feed url: String, items: [FeedItemImport], at date: Date = Date(), analyze: EntityAnalysis? = nil
  ) throws(LibraryError) -> [ImportReport] {
    try write { db in try Self.importFeedItems(db, feed: url, items: items, at: date, analyze: analyze) }
  }

  /// What a refresh read of a feed, besides its items: its title and page (see `describeFeed`), and the fetch
  /// (see `recordFetch`; nil for a feed file).
  public struct FeedRead: Sendable {
    public var title: String?
    public var htmlURL: String?
    public var fetch: (finalURL: String?, etag: String?, lastModified: String?)?

    public init(title: String?, htmlURL: String?, fetch: (finalURL: String?, etag: String?, lastModified: String?)?) {
      self.title = title
      self.htmlURL = htmlURL
      self.fetch = fetch
    }
  }

  /// A refreshed feed into the library in ONE transaction: its items (`importFeedItems`), its title and page
  /// (`describeFeed`) and its fetch (`recordFetch`). For async code: the calling task waits for the writer
  /// without holding a thread.
  public func importFeedRead(
    feed url: String, items: [FeedItemImport], read: FeedRead, at date: Date = Date(), analyze: EntityAnalysis? = nil
  ) async throws(LibraryError) -> [ImportReport] {
    try await writeAsync { db in
      let reports = try Self.importFeedItems(db, feed: url, items: items, at: date, analyze: analyze)
      try Self.describeFeed(db, url: url, title: read.title, htmlURL: read.htmlURL)
      if let fetch = read.fetch {
        try Self.recordFetch(
          db, url: url, finalURL: fetch.finalURL, etag: fetch.etag, lastModified: fetch.lastModified, keepValidators: false,
          at: date)
      }
      return reports
    }
  }

  private static func importFeedItems(
    _ db: Database, feed url: String, items: [FeedItemImport], at date: Date, analyze: EntityAnalysis?
  ) throws -> [ImportReport] {
    var reports: [ImportReport] = []
    let storyID = try db.cachedStatement(sql: "SELECT id FROM stories WHERE key = ?")
    let remember = try db.cachedStatement(
      sql: """
        INSERT INTO feed_items (feed_url, item_id, story_id, seen_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(feed_url, item_id) DO UPDATE SET story_id = excluded.story_id
        """)
    for item in items {
      let hash = ContentHasher.hex(of: item.bytes)
      let known = item.entities
      let story = item.story
      var analysis: EntityAnalysis?
      if let analyze {
        analysis = { @Sendable (part: Story) -> StoryEntities in
          if let known, part == story { return known }
          return analyze(part)
        }
      }
      let report = try CaptureImport(db: db, story: story, hash: hash, date: date, analyze: analysis).run()
      let id = try Int64.fetchOne(storyID, arguments: [report.storyKey])
      try remember.execute(arguments: [url, item.itemID, id, date.timeIntervalSince1970])
      reports.append(report)
    }
    return reports
  }

  /// Which of `identities` (item bytes, as `importFeedItem` takes them) were imported before: their indices,
  /// from one read.
  public func importedItems(_ identities: [[UInt8]]) throws(LibraryError) -> Set<Int> {
    let hashes = identities.map { ContentHasher.hex(of: $0) }
    return try read { db in
      let exists = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM captures WHERE content_hash = ?)")
      var known: Set<Int> = []
      for (index, hash) in hashes.enumerated() where try Bool.fetchOne(exists, arguments: [hash]) == true {
        known.insert(index)
      }
      return known
    }
  }

  /// Whether exactly these bytes were imported before (then importing them again changes nothing).
  public func isImported(bytes: [UInt8]) throws(LibraryError) -> Bool {
    let hash = ContentHasher.hex(of: bytes)
    return try read { db in
      try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM captures WHERE content_hash = ?)", arguments: [hash]) ?? false
    }
  }

  /// The feed each story came from (story row id to feed URL), for grouping the story list.
  public func feedOfStories() throws(LibraryError) -> [Int64: String] {
    try read { db in
      var result: [Int64: String] = [:]
      let rows = try Row.fetchCursor(
        db, sql: "SELECT story_id, feed_url FROM feed_items WHERE story_id IS NOT NULL ORDER BY seen_at")
      while let row = try rows.next() { result[row["story_id"]] = row["feed_url"] }
      return result
    }
  }

  // Folders are stored as one text: the names joined by U+001F, which no folder name holds (control
  // characters are removed from names on the way in).
  static func folderText(_ folder: [String]) -> String {
    folder.map { $0.replacingOccurrences(of: "\u{1F}", with: " ") }.joined(separator: "\u{1F}")
  }

  static func folder(fromText text: String) -> [String] {
    text.isEmpty ? [] : text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
  }
}
