import Dispatch
import Foundation

/// Runs two independent pieces of work at once, the first on the calling thread and the second on a thread of
/// its own (`WorkerThread`: on another CPU), and keeps both results. (A new thread each time, rather than a
/// pooled one that may run either piece, so that each half allocates in the same allocator arena from one call
/// to the next: a large capture's story is freed and made again, and pieces that swap arenas leave each arena
/// sized for the larger of the two.)
struct ParallelHalves<Result> {
  let first: Result
  let second: Result

  init(_ first: () -> Result, second: () -> Result) {
    self = withoutActuallyEscaping(first) { first in
      withoutActuallyEscaping(second) { second in
        let work = Work(second: second)
        let finished = DispatchSemaphore(value: 0)
        WorkerThread.start {
          work.run()
          finished.signal()
        }
        let firstResult = first()
        finished.wait()
        return ParallelHalves(first: firstResult, second: work.take())
      }
    }
  }

  private init(first: Result, second: Result) {
    self.first = first
    self.second = second
  }
}

/// The second job and its result. The thread writes the result and lets go of the job before it signals; the
/// calling thread reads the result only after the signal, so no lock is needed. The job must not outlive
/// `ParallelHalves.init` (it does not escape), so it is dropped as soon as it has run.
private final class Work<Result>: @unchecked Sendable {
  private var job: (() -> Result)?
  private var result: Result?

  init(second: @escaping () -> Result) { job = second }

  func run() {
    result = job?()
    job = nil
  }

  func take() -> Result {
    guard let result else { preconditionFailure("ParallelHalves read a result before its thread ran") }
    return result
  }
}
