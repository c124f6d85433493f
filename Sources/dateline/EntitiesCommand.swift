import ArgumentParser
import DatelineCore
import Foundation

/// `dateline entities [--json] [FILE...]`: the people, places and organisations of captures.
struct EntitiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "entities",
    abstract: "List the people, places and organisations in captures (the built-in sample with no file).")

  @Flag(help: "Print JSON: {\"entities\": [{name, type, aliases, mentions: [{line, start, text}]}]} per file.")
  var json = false
  @OptionGroup var fetch: FetchOptions
  @Argument(help: "Plain-text captures (one paragraph per line), saved HTML pages or http(s) URLs.") var files: [String] = []

  func run() throws {
    let reader = CaptureLoader.reader()
    let fetcher = fetch.fetcher()
    let analyzer = StoryEntityAnalyzer()
    var stories: [Story] = []
    if files.isEmpty {
      stories = [reader.readSample()]
    } else {
      for file in files {
        do {
          stories.append(try InputLoader.read(file, with: reader, fetcher: fetcher).story)
        } catch {
          FileHandle.standardError.write(Data((String(describing: error) + "\n").utf8))
          throw ExitCode.failure
        }
      }
    }
    for (n, story) in stories.enumerated() {
      let report = EntityReport(story: story, entities: analyzer.analyze(story))
      if json {
        print(report.json())
      } else {
        if stories.count > 1 { print((n > 0 ? "\n" : "") + "== \(story.source)") }
        print(report.text(), terminator: "")
      }
    }
  }
}

/// The entities of one story laid out for printing.
struct EntityReport {
  struct Row {
    var entity: Entity
    var mentions: [(line: Int, start: Int, text: String)]
  }

  var rows: [Row]

  init(story: Story, entities: StoryEntities) {
    var byEntity: [EntityID: [(line: Int, start: Int, text: String)]] = [:]
    for mention in entities.mentions {
      guard let position = story.inputPosition(of: mention.part) else { continue }
      byEntity[mention.entity, default: []].append(
        (position.line, position.column + mention.start, mention.text))
    }
    rows = entities.entities.compactMap { entity in
      guard let mentions = byEntity[entity.id], !mentions.isEmpty else { return nil }
      return Row(entity: entity, mentions: mentions.sorted { ($0.line, $0.start) < ($1.line, $1.start) })
    }
    rows.sort {
      ($0.entity.type, -$0.mentions.count, $0.entity.name) < ($1.entity.type, -$1.mentions.count, $1.entity.name)
    }
  }

  /// Grouped by type: each entity with its mention count and aliases.
  func text() -> String {
    var out = ""
    for type in EntityType.allCases {
      let group = rows.filter { $0.entity.type == type }
      guard !group.isEmpty else { continue }
      out += "\(type.rawValue.capitalized) (\(group.count))\n"
      for row in group {
        out += "  \(row.entity.name)  ×\(row.mentions.count)"
        if !row.entity.aliases.isEmpty { out += "  (also: \(row.entity.aliases.joined(separator: ", ")))" }
        out += "\n"
      }
    }
    return out.isEmpty ? "No entities found.\n" : out
  }

  /// `{"entities": [{"name", "type", "aliases", "mentions": [{"line", "start", "text"}]}]}` with keys in that order.
  func json() -> String {
    var out = "{\"entities\": ["
    for (n, row) in rows.enumerated() {
      if n > 0 { out += ", " }
      out += "{\"name\": \(Self.quoted(row.entity.name)), \"type\": \"\(row.entity.type.rawValue)\", \"aliases\": ["
      out += row.entity.aliases.map(Self.quoted).joined(separator: ", ")
      out += "], \"mentions\": ["
      out += row.mentions.map { "{\"line\": \($0.line), \"start\": \($0.start), \"text\": \(Self.quoted($0.text))}" }
        .joined(separator: ", ")
      out += "]}"
    }
    return out + "]}"
  }

  /// A JSON string literal (JSONSerialization's escaping, so any text is safe).
  static func quoted(_ s: String) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes]),
      let array = String(data: data, encoding: .utf8)
    else { return "\"\"" }
    return String(array.dropFirst().dropLast())
  }
}
