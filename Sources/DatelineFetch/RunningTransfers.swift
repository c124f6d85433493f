import Synchronization

/// The cancel flags of a fetcher's transfers in flight, so that a fetcher let go stops what it started.
final class RunningTransfers: Sendable {
  private let flags = Mutex<[ObjectIdentifier: CancelFlag]>([:])

  func add(_ flag: CancelFlag) { flags.withLock { $0[ObjectIdentifier(flag)] = flag } }

  func remove(_ flag: CancelFlag) { _ = flags.withLock { $0.removeValue(forKey: ObjectIdentifier(flag)) } }

  func cancelAll() { flags.withLock { $0.values.forEach { $0.cancel() } } }
}
