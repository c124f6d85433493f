import GRDB

/// The library's tables and their migrations. Every schema change is a new migration appended here; a
/// migration, once released, never changes.
enum LibrarySchema {
  /// `PRAGMA application_id` of every dateline library ("DLNE"), so a foreign SQLite file is never mistaken
  /// for one.
  static let applicationID: Int32 = 0x444C_4E45
  /// `PRAGMA user_version` after the last migration: the schema this build knows.
  static let version = 6
  /// The migration identifiers, oldest first; `version` is their count.
  static let identifiers = ["v1-stories-updates", "v2-entities", "v3-web-identity", "v4-fetch-state", "v5-feeds", "v6-linked-pages",
  ]

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration(identifiers[0]) { db in
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try db.execute(
        sql: """
          CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            headline TEXT NOT NULL,
            standfirst TEXT,
            created_at REAL NOT NULL,
            last_capture_at REAL NOT NULL
          );
          CREATE TABLE captures (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            imported_at REAL NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            update_count INTEGER NOT NULL
          );
          CREATE INDEX captures_story ON captures(story_id);
          CREATE INDEX captures_source ON captures(source);
          CREATE TABLE updates (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            identity TEXT NOT NULL,
            title TEXT,
            time TEXT,
            kind TEXT NOT NULL,
            line INTEGER NOT NULL,
            opening TEXT NOT NULL,
            paragraphs TEXT NOT NULL,
            links TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            first_capture_id INTEGER REFERENCES captures(id) ON DELETE SET NULL,
            last_capture_id INTEGER REFERENCES captures(id) ON DELETE SET NULL,
            changed INTEGER NOT NULL DEFAULT 0,
            mark TEXT
          );
          CREATE INDEX updates_story_position ON updates(story_id, position);
          CREATE INDEX updates_first_capture ON updates(first_capture_id);
          CREATE INDEX updates_last_capture ON updates(last_capture_id);
          CREATE INDEX updates_marked ON updates(story_id) WHERE mark IS NOT NULL;
          CREATE TABLE reading (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            update_id INTEGER REFERENCES updates(id) ON DELETE SET NULL,
            line INTEGER NOT NULL DEFAULT 0,
            read_at REAL NOT NULL
          );
          CREATE INDEX reading_update ON reading(update_id);
          PRAGMA user_version = 1;
          """)
    }
    migrator.registerMigration(identifiers[1]) { db in
      try db.execute(
        sql: """
          CREATE TABLE entities (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL
          ) WITHOUT ROWID;
          CREATE TABLE aliases (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            PRIMARY KEY (entity_id, story_id, alias)
          ) WITHOUT ROWID;
          CREATE INDEX aliases_story ON aliases(story_id);
          CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            update_id INTEGER REFERENCES updates(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            part TEXT NOT NULL,
            part_index INTEGER NOT NULL,
            start INTEGER NOT NULL,
            length INTEGER NOT NULL,
            text TEXT NOT NULL
          );
          CREATE INDEX mentions_entity ON mentions(entity_id, story_id);
          CREATE INDEX mentions_update ON mentions(update_id);
          CREATE INDEX mentions_story ON mentions(story_id);
          PRAGMA user_version = 2;
          """)
    }
    // Web pages: a story's canonical URL (its identity is `url:` and it), a post's page id and its instant.
    migrator.registerMigration(identifiers[2]) { db in
      try db.execute(
        sql: """
          ALTER TABLE stories ADD COLUMN canonical_url TEXT;
          ALTER TABLE updates ADD COLUMN page_id TEXT;
          ALTER TABLE updates ADD COLUMN published TEXT;
          PRAGMA user_version = 3;
          """)
    }
    // What the last fetch of a URL (a story's page, later a feed) left: the validators for a conditional request,
    // and the failures in a row for the backoff. Keyed by the URL as given, not by story, so that feeds share it.
    migrator.registerMigration(identifiers[3]) { db in
      try db.execute(
        sql: """
          CREATE TABLE fetch_state (
            url TEXT PRIMARY KEY NOT NULL,
            final_url TEXT,
            etag TEXT,
            last_modified TEXT,
            fetched_at REAL,
            failures INTEGER NOT NULL DEFAULT 0,
            last_failure_at REAL,
            last_error TEXT
          ) WITHOUT ROWID;
          PRAGMA user_version = 4;
          """)
    }
    // Feeds followed (folder: the OPML folder path, names joined by U+001F) and the story each feed item became.
    // Unsubscribing drops a feed's item rows, never its stories.
    migrator.registerMigration(identifiers[4]) { db in
      try db.execute(
        sql: """
          CREATE TABLE feeds (
            url TEXT PRIMARY KEY NOT NULL,
            title TEXT,
            html_url TEXT,
            folder TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            added_at REAL NOT NULL
          ) WITHOUT ROWID;
          CREATE TABLE feed_items (
            feed_url TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,
            seen_at REAL NOT NULL,
            PRIMARY KEY (feed_url, item_id)
          ) WITHOUT ROWID;
          CREATE INDEX feed_items_story ON feed_items(story_id);
          PRAGMA user_version = 5;
          """)
    }
    // Feed stories that hold only the feed's teaser: the page they link to, to be read into them when first
    // opened (read_at NULL until then), and the failures of reading it (tried again on a later open).
    migrator.registerMigration(identifiers[5]) { db in
      try db.execute(
        sql: """
          CREATE TABLE linked_pages (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            read_at REAL,
            failures INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
          );
          CREATE INDEX linked_pages_pending ON linked_pages(story_id) WHERE read_at IS NULL;
          PRAGMA user_version = 6;
          """)
    }
    return migrator
  }
}
