import DatelineCore
import GRDB

/// Stores the entities and mentions of the parts of a capture that are new or changed, inside an import's
/// transaction. Entities are shared across stories by `EntityID`; aliases are kept per story so that the union
/// shrinks again when a story is removed.
struct EntityWriter {
  let db: Database
  let story: Int64

  /// Analyses the headline (when `includeHeadline`) and the capture updates at `updates` (indices into
  /// `capture.updates`, whose rows are `rowIDs`), replacing what was stored for them.
  func store(
    _ analyze: Library.EntityAnalysis, of capture: Story, updates: [Int], rowIDs: [Int64], includeHeadline: Bool
  ) throws {
    guard includeHeadline || !updates.isEmpty else { return }
    var part = capture
    part.updates = updates.map { capture.updates[$0] }
    let found = analyze(part)

    if includeHeadline {
      try db.cachedStatement(sql: "DELETE FROM mentions WHERE story_id = ? AND update_id IS NULL").execute(arguments: [story])
    }
    let clear = try db.cachedStatement(sql: "DELETE FROM mentions WHERE update_id = ?")
    for u in updates { try clear.execute(arguments: [rowIDs[u]]) }

    let entity = try db.cachedStatement(
      sql: "INSERT INTO entities (id, name, type) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING")
    let alias = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO aliases (entity_id, story_id, alias) VALUES (?, ?, ?)")
    for e in found.entities {
      try entity.execute(arguments: [e.id.rawValue, e.name, e.type.rawValue])
      for form in [e.name] + e.aliases { try alias.execute(arguments: [e.id.rawValue, story, form]) }
    }

    let mention = try db.cachedStatement(
      sql: """
        INSERT INTO mentions (story_id, update_id, entity_id, part, part_index, start, length, text)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let known = Set(found.entities.map(\.id))
    for m in found.mentions where known.contains(m.entity) {
      let location = StoredPart(m.part)
      if location.update == nil && !includeHeadline { continue }
      let row = location.update.map { rowIDs[updates[$0]] }
      try mention.execute(arguments: [
        story, row, m.entity.rawValue, location.name, location.index, m.start, m.length, m.text,
      ])
    }
  }
}

/// A `StoryPart` as stored: a name, the update it lies in (an index into the analysed story) and an index
/// within the update (a paragraph or card; 0 otherwise).
struct StoredPart {
  var name: String
  var update: Int?
  var index: Int

  init(_ part: StoryPart) {
    switch part {
    case .headline: (name, update, index) = ("headline", nil, 0)
    case .standfirst: (name, update, index) = ("standfirst", nil, 0)
    case .title(let u): (name, update, index) = ("title", u, 0)
    case .paragraph(let u, let i): (name, update, index) = ("paragraph", u, i)
    case .linkTitle(let u, let i): (name, update, index) = ("linkTitle", u, i)
    case .linkSummary(let u, let i): (name, update, index) = ("linkSummary", u, i)
    }
  }

  /// The `StoryPart` for a stored name, with the update at index `update` of the story being built; nil for a
  /// name this build does not know.
  static func part(name: String, update: Int?, index: Int) -> StoryPart? {
    switch (name, update) {
    case ("headline", _): return .headline
    case ("standfirst", _): return .standfirst
    case ("title", let u?): return .title(update: u)
    case ("paragraph", let u?): return .paragraph(update: u, index: index)
    case ("linkTitle", let u?): return .linkTitle(update: u, index: index)
    case ("linkSummary", let u?): return .linkSummary(update: u, index: index)
    default: return nil
    }
  }
}
