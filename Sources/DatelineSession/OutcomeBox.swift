import Synchronization

/// Hands the outcomes of an async feed refresh to the thread that waits for them.
final class OutcomeBox: Sendable {
  private let value = Mutex<[FeedRefresher.Outcome]>([])

  func set(_ outcomes: [FeedRefresher.Outcome]) { value.withLock { $0 = outcomes } }
  func get() -> [FeedRefresher.Outcome] { value.withLock { $0 } }
}
