import Dispatch
import Synchronization

/// At most `limit` fetches at once to one host (browsers keep to 6): many feeds of one site must not hammer it.
/// A fetch over the limit waits on its own thread (never on Swift's cooperative pool) until one ends.
final class HostGate: Sendable {
  let limit: Int
  private let slots = Mutex<[String: DispatchSemaphore]>([:])

  init(limit: Int) { self.limit = max(1, limit) }

  func holding<T>(_ host: String, _ body: () -> T) -> T {
    let limit = self.limit
    let semaphore = slots.withLock { slots in
      if let made = slots[host] { return made }
      let made = DispatchSemaphore(value: limit)
      slots[host] = made
      return made
    }
    semaphore.wait()
    defer { semaphore.signal() }
    return body()
  }
}
