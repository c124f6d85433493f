import Dispatch

/// Runs two independent pieces of work at once, on two threads, and keeps both results.
struct ParallelHalves<Result> {
  let first: Result
  let second: Result

  init(_ first: () -> Result, second: () -> Result) {
    self = withoutActuallyEscaping(first) { first in
      withoutActuallyEscaping(second) { second in
        let work = Work(first: first, second: second)
        DispatchQueue.concurrentPerform(iterations: 2) { index in work.run(index) }
        return ParallelHalves(first: work.firstResult!, second: work.secondResult!)
      }
    }
  }

  private init(first: Result, second: Result) {
    self.first = first
    self.second = second
  }
}

/// The two jobs and their result slots. Each slot is written by exactly one of the two iterations and read
/// only after both have ended (`concurrentPerform` returns when every iteration has finished), so no lock is
/// needed; the closures do not escape `ParallelHalves.init`.
private final class Work<Result>: @unchecked Sendable {
  let first: () -> Result
  let second: () -> Result
  var firstResult: Result?
  var secondResult: Result?

  init(first: @escaping () -> Result, second: @escaping () -> Result) {
    self.first = first
    self.second = second
  }

  func run(_ index: Int) {
    if index == 0 { firstResult = first() } else { secondResult = second() }
  }
}
