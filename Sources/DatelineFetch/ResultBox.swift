import Synchronization

/// The result of a fetch handed from the thread that ran it to the one waiting for it (`fetchNow`).
final class ResultBox: Sendable {
  private let stored = Mutex<Result<FetchResult, FetchError>?>(nil)

  func set(_ result: Result<FetchResult, FetchError>) { stored.withLock { $0 = result } }

  var value: Result<FetchResult, FetchError>? { stored.withLock { $0 } }
}
