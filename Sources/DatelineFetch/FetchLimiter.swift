/// At most `limit` fetches at once (a refresh of many sources must not open hundreds of connections, nor wait
/// for each in turn): callers wait their turn in arrival order.
public actor FetchLimiter {
  public let limit: Int
  private var running = 0
  private var waiting: [CheckedContinuation<Void, Never>] = []

  public init(limit: Int) { self.limit = max(1, limit) }

  /// Runs `body` once a slot is free.
  public func run<T: Sendable>(_ body: @Sendable () async -> T) async -> T {
    await acquire()
    let result = await body()
    release()
    return result
  }

  /// How many run now (for tests and progress).
  public var active: Int { running }

  private func acquire() async {
    if running < limit {
      running += 1
      return
    }
    await withCheckedContinuation { waiting.append($0) }
  }

  private func release() {
    if waiting.isEmpty {
      running -= 1
    } else {
      waiting.removeFirst().resume()  // the slot passes straight to the next caller
    }
  }
}
