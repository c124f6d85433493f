import DatelineCore

/// Carries out the reducer's effects that need a story source, and turns their results into events. Quick ones
/// (the library on disk) are done at once; a refresh from the web runs in `background` and its event comes back
/// through the run loop.
public struct EffectRunner: Sendable {
  public let source: any StorySource
  public let background: BackgroundEvents

  public init(source: any StorySource, background: BackgroundEvents = BackgroundEvents()) {
    self.source = source
    self.background = background
  }

  /// Does `effect` for `state`; returns the events to feed back to the reducer (none for the loop's own
  /// effects, quit and redraw).
  public func perform(_ effect: Effect, in state: AppState) -> [Event] {
    switch effect {
    case .quit, .redraw:
      return []
    case .loadStory(let index):
      guard state.entries.indices.contains(index) else { return [] }
      do {
        return [.storyLoaded(index: index, try source.loadStory(state.entries[index]))]
      } catch {
        return [.storyFailed(index: index, message: "Cannot load the story: \(error)")]
      }
    case .reloadList:
      do {
        return [.listReloaded(try source.entries())]
      } catch {
        return [.notice("Cannot reload the library: \(error)")]
      }
    case .lookUpEntity(let entity):
      do {
        var indexOf: [Int64: Int] = [:]
        for (index, entry) in state.entries.enumerated() { indexOf[entry.handle] = index }
        let reach = try source.storiesMentioning(entity).compactMap { found in
          indexOf[found.handle].map { EntityReach(story: $0, mentions: found.mentions) }
        }
        return [.entityReach(entity, reach)]
      } catch {
        return [.entityReach(entity, []), .notice("Cannot look the entity up: \(error)")]
      }
    case .markSeen(let story, let updates):
      guard let entry = entry(story, in: state), let handles = state.loaded[story]?.updateHandles else { return [] }
      let seen = updates.compactMap { handles.indices.contains($0) ? handles[$0] : nil }
      guard !seen.isEmpty else { return [] }
      do {
        try source.markSeen(entry, updates: seen)
        return []
      } catch {
        return [.notice("Cannot save what was read: \(error)")]
      }
    case .refreshStory(let index, let byHand):
      guard let entry = entry(index, in: state) else { return [] }
      let source = source
      background.start { .storyRefreshed(handle: entry.handle, source.refresh(entry, byHand: byHand)) }
      return []
    case .refreshFeeds:
      let source = source
      let background = background
      background.start {
        .feedsRefreshed(source.refreshFeeds { done, total in background.post(.feedsProgress(done: done, total: total)) })
      }
      return []
    case .readLinkedPage(let index):
      guard let entry = entry(index, in: state) else { return [] }
      let source = source
      background.start { .linkedPageRead(handle: entry.handle, source.readLinkedPage(entry)) }
      return []
    case .saveReadingPosition(let story, let spot):
      guard let entry = entry(story, in: state), let handles = state.loaded[story]?.updateHandles else { return [] }
      let update = spot.update.flatMap { handles.indices.contains($0) ? handles[$0] : nil }
      do {
        try source.saveReadingPosition(entry, update: update, line: update == nil ? 0 : spot.line)
        return []
      } catch {
        return [.notice("Cannot save the reading position: \(error)")]
      }
    }
  }

  private func entry(_ index: Int, in state: AppState) -> StoryEntry? {
    state.entries.indices.contains(index) ? state.entries[index] : nil
  }
}
