/// The public entry point of recognition: a story in, its entities and every mention out.
///
/// Every text part is searched (headline, standfirst, update titles, paragraphs, card titles and summaries);
/// boilerplate the reader removed is not part of the story's text and so is never searched.
public struct StoryEntityAnalyzer: Sendable {
  let recognizer: EntityRecognizer?
  let resolver = AliasResolver()

  /// An analyzer using the model compiled into the binary (with no model it finds nothing).
  public init() { recognizer = EntityRecognizer() }

  /// An analyzer using `model`.
  public init(model: TaggerModel) { recognizer = EntityRecognizer(model: model) }

  /// True when a model was found, so recognition can happen at all.
  public var hasModel: Bool { recognizer != nil }

  /// The entities of `story` and their mentions in reading order.
  public func analyze(_ story: Story) -> StoryEntities {
    let parts = story.textParts
    return entities(of: parts, found: analyze(texts: parts.map(\.text)))
  }

  /// Text part `index` of a story (`Story.textParts`) after the work that needs only itself; nil without a model.
  /// Parts can be prepared on different threads (`SplitStoryAnalysis`); `analyze(_:prepared:)` joins them.
  public func prepare(_ text: String, part index: Int) -> EntityRecognizer.PreparedText? {
    recognizer?.prepare(text, part: index)
  }

  /// What `analyze(story)` gives, from `prepared`: `story`'s text parts, each prepared by `prepare`, in order.
  public func analyze(_ story: Story, prepared: some Collection<EntityRecognizer.PreparedText>) -> StoryEntities {
    guard let recognizer else { return StoryEntities(entities: [], mentions: []) }
    return entities(of: story.textParts, found: resolve(recognizer.recognize(prepared: prepared)))
  }

  private func entities(
    of parts: [(part: StoryPart, text: String)], found: (entities: [Entity], mentions: [FoundMention])
  ) -> StoryEntities {
    let (entities, found) = found
    let mentions = found.map { m in
      Mention(entity: m.entity, part: parts[m.span.part].part, start: m.span.start,
              length: m.span.end - m.span.start, text: m.span.text)
    }
    return StoryEntities(entities: entities, mentions: mentions)
  }

  /// One resolved mention of `analyze(texts:)`.
  public struct FoundMention: Sendable, Hashable {
    public var entity: EntityID
    public var span: RecognizedSpan
  }

  /// The entities of a list of texts read as one document, and their mentions with the text index in `span.part`.
  public func analyze(texts: [String]) -> (entities: [Entity], mentions: [FoundMention]) {
    guard let recognizer else { return ([], []) }
    return resolve(recognizer.recognize(texts))
  }

  /// Entities and mentions from the spans of a document.
  private func resolve(_ spans: [RecognizedSpan]) -> (entities: [Entity], mentions: [FoundMention]) {
    let resolution = resolver.resolve(spans)
    // Entities whose ids collide (same type and fingerprint) are one.
    var byID: [EntityID: Int] = [:]
    var entities: [Entity] = []
    var remap: [Int] = []
    for entity in resolution.entities {
      if let index = byID[entity.id] {
        for alias in [entity.name] + entity.aliases
        where alias != entities[index].name && !entities[index].aliases.contains(alias) {
          entities[index].aliases.append(alias)
        }
        remap.append(index)
      } else {
        byID[entity.id] = entities.count
        remap.append(entities.count)
        entities.append(entity)
      }
    }
    var mentions: [FoundMention] = []
    for (span, assigned) in zip(spans, resolution.assignment) {
      guard let assigned else { continue }
      mentions.append(FoundMention(entity: entities[remap[assigned]].id, span: span))
    }
    return (entities, mentions)
  }
}
