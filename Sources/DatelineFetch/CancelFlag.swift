import Synchronization

/// Set once to stop a transfer: libcurl's progress callback reads it and aborts the transfer at its next call
/// (several times a second, even while nothing arrives).
final class CancelFlag: Sendable {
  private let state = Atomic<Bool>(false)

  func cancel() { state.store(true, ordering: .relaxed) }

  var isCancelled: Bool { state.load(ordering: .relaxed) }
}
