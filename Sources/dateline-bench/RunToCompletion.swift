import Foundation

/// Runs async work to completion from the benchmark's synchronous code (the benchmarks are plain sequential
/// programs; only the refresh under test is async).
func runToCompletion<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
  let done = DispatchSemaphore(value: 0)
  let box = CompletionBox<T>()
  Task.detached {
    box.set(await work())
    done.signal()
  }
  done.wait()
  return box.take()
}

/// Hands a value from a task to the waiting thread (set once, read once after the semaphore).
private final class CompletionBox<T: Sendable>: @unchecked Sendable {
  private var value: T?
  private let lock = NSLock()
  func set(_ newValue: T) { lock.withLock { value = newValue } }
  func take() -> T {
    lock.withLock {
      guard let value else { preconditionFailure("read before the task finished") }
      return value
    }
  }
}
