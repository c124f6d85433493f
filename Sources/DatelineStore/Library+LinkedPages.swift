import DatelineCore
import Foundation
import GRDB

/// Feed stories whose feed gave only a teaser (`FeedContentRule`): the page each links to is read into the story
/// the first time it is opened, in place of the teaser, and kept (`linked_pages`). Once read, the page is the
/// story's source like any web story's: a later fetch merges into it.
extension Library {
  /// A story's linked page: where it is, whether it has been read into the story, and how reading it last failed.
  public struct LinkedPage: Sendable, Hashable {
    public var story: Int64
    public var url: String
    /// When the page was read into the story; nil while the story still holds the feed's teaser.
    public var readAt: Date?
    public var failures: Int
    public var lastError: String?
  }

  /// Notes that the stories with these keys hold only their feed's teaser and want the page at `url`. A story
  /// whose page is already noted (read or not) is left as it is.
  public func noteLinkedPages(_ pages: [(storyKey: String, url: String)]) throws(LibraryError) {
    guard !pages.isEmpty else { return }
    try write { db in
      let insert = try db.cachedStatement(
        sql: "INSERT OR IGNORE INTO linked_pages (story_id, url) SELECT id, ? FROM stories WHERE key = ?")
      for page in pages { try insert.execute(arguments: [page.url, page.storyKey]) }
    }
  }

  /// The linked page of story `story`, if it has one.
  public func linkedPage(story: Int64) throws(LibraryError) -> LinkedPage? {
    try read { db in
      try Row.fetchOne(
        db, sql: "SELECT story_id, url, read_at, failures, last_error FROM linked_pages WHERE story_id = ?",
        arguments: [story]
      ).map { row in
        LinkedPage(
          story: row[0], url: row[1], readAt: (row[2] as Double?).map(Date.init(timeIntervalSince1970:)),
          failures: row[3], lastError: row[4])
      }
    }
  }

  /// The pages already read into stories of the feed at `feed` (by URL): a later refresh of the feed leaves
  /// those stories alone, or the teaser would come back beside the article.
  public func readLinkedPages(feed: String) throws(LibraryError) -> Set<String> {
    try read { db in
      Set(
        try String.fetchAll(
          db,
          sql: """
            SELECT p.url FROM linked_pages p JOIN feed_items i ON i.story_id = p.story_id
            WHERE i.feed_url = ? AND p.read_at IS NOT NULL
            """, arguments: [feed]))
    }
  }

  /// Every story whose linked page has not been read yet, with its URL (oldest first).
  public func pendingLinkedPages() throws(LibraryError) -> [LinkedPage] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT story_id, url, failures, last_error FROM linked_pages WHERE read_at IS NULL ORDER BY story_id"
      ).map { row in LinkedPage(story: row[0], url: row[1], readAt: nil, failures: row[2], lastError: row[3]) }
    }
  }

  /// Reads `page` (the linked page, read into a story) into story `story`, in ONE transaction.
  ///
  /// The first time (`replacing`), the story's updates (the feed's teaser) are replaced by the page's and the
  /// page is marked read; nil when another reader did that meanwhile (nothing changes then). Later, the page is
  /// merged into the story like a new capture of a web page (new posts of a live blog marked new). The story
  /// keeps its identity and headline (the list row does not change under the reader's cursor).
  public func importLinkedPage(
    story storyID: Int64, page: Story, bytes: [UInt8], replacing: Bool, at date: Date = Date(),
    analyze: EntityAnalysis? = nil
  ) throws(LibraryError) -> ImportReport? {
    try write { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT s.key, s.headline, s.canonical_url, p.url, p.read_at FROM stories s
            JOIN linked_pages p ON p.story_id = s.id WHERE s.id = ?
            """, arguments: [storyID])
      else { return nil }
      let wasRead = (row[4] as Double?) != nil
      if replacing && wasRead { return nil }
      let key: String = row[0]
      let capturedAt = try Double.fetchOne(db, sql: "SELECT last_capture_at FROM stories WHERE id = ?", arguments: [storyID])
      var story = page
      story.headline = row[1]
      story.canonicalURL = (row[2] as String?) ?? (row[3] as String)
      story.id = StoryID(rawValue: key)
      if !wasRead {
        // The teaser goes (its mentions with it, by cascade); the page's updates come in as new.
        try db.execute(sql: "DELETE FROM updates WHERE story_id = ?", arguments: [storyID])
      }
      // The hash names the page's bytes in this story: the same page imported on its own (`dateline add URL`)
      // is another capture and must not make this one "already imported".
      let hash = ContentHasher.hex(of: Array("linked:\(key)\u{1F}".utf8) + bytes)
      let report = try CaptureImport(db: db, story: story, hash: hash, date: date, analyze: analyze).run()
      if !wasRead, let analyze, story.standfirst != nil {
        // The headline is kept, so the import did not look at the page's standfirst: its entities are found here.
        try EntityWriter(db: db, story: storyID).store(analyze, of: story, updates: [], rowIDs: [], includeHeadline: true)
      }
      if !wasRead, let capturedAt {
        // The page is the item's text, not news of its own: the story keeps its place among its feed's items.
        try db.execute(sql: "UPDATE stories SET last_capture_at = ? WHERE id = ?", arguments: [capturedAt, storyID])
      }
      try db.execute(
        sql: "UPDATE linked_pages SET read_at = coalesce(read_at, ?), failures = 0, last_error = NULL WHERE story_id = ?",
        arguments: [date.timeIntervalSince1970, storyID])
      return report
    }
  }

  /// Records that reading story `story`'s linked page failed (it stays unread, to be tried on a later open).
  public func recordLinkedPageFailure(story: Int64, message: String) throws(LibraryError) {
    try write { db in
      try db.execute(
        sql: "UPDATE linked_pages SET failures = failures + 1, last_error = ? WHERE story_id = ?",
        arguments: [message, story])
    }
  }
}
