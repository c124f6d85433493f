import DatelineCore
import Dispatch
import Synchronization

/// A value worked out on a worker thread (`WorkerThread`: another CPU) from the moment this is made, while the
/// caller goes on with other work; `value` waits for it. For the reader's start, whose steps before the first
/// frame are otherwise one after another on one core.
final class Preload<Value: Sendable>: Sendable {
  private let made = Mutex<Value?>(nil)
  private let done = DispatchSemaphore(value: 0)
  private let make: @Sendable () -> Value

  init(_ make: @escaping @Sendable () -> Value) {
    self.make = make
    WorkerThread.start { [self] in
      let value = make()
      made.withLock { $0 = value }
      done.signal()
    }
  }

  /// The value, once the worker has made it.
  var value: Value {
    done.wait()
    done.signal()  // for the next reader of `value`
    return made.withLock { $0 } ?? make()
  }
}
