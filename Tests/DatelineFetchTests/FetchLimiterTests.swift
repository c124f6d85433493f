import DatelineFetch
import Synchronization
import XCTest

final class FetchLimiterTests: XCTestCase {
  func testNoMoreThanTheLimitRunAtOnceAndAllRun() async {
    let limiter = FetchLimiter(limit: 3)
    let counts = Counts()
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<20 {
        group.addTask {
          await limiter.run {
            counts.begin()
            try? await Task.sleep(for: .milliseconds(20))
            counts.end()
          }
        }
      }
    }
    let final = counts.value
    XCTAssertEqual(final.done, 20)
    XCTAssertEqual(final.most, 3)
    let active = await limiter.active
    XCTAssertEqual(active, 0)
  }
}

/// How many run now, the most at once, and how many finished.
final class Counts: Sendable {
  private let state = Mutex((now: 0, most: 0, done: 0))
  func begin() {
    state.withLock { c in
      c.now += 1
      c.most = max(c.most, c.now)
    }
  }
  func end() {
    state.withLock { c in
      c.now -= 1
      c.done += 1
    }
  }
  var value: (now: Int, most: Int, done: Int) { state.withLock { $0 } }
}

final class FailureBackoffTests: XCTestCase {
  func testTheWaitDoublesUpToTheCap() {
    let backoff = FailureBackoff(base: 60, cap: 3600)
    XCTAssertEqual(backoff.delay(afterFailures: 0), 0)
    XCTAssertEqual(backoff.delay(afterFailures: 1), 60)
    XCTAssertEqual(backoff.delay(afterFailures: 2), 120)
    XCTAssertEqual(backoff.delay(afterFailures: 4), 480)
    XCTAssertEqual(backoff.delay(afterFailures: 7), 3600)
    XCTAssertEqual(backoff.delay(afterFailures: 500), 3600)
  }

  func testASourceIsLeftAloneUntilItsNextAttempt() {
    let backoff = FailureBackoff.standard
    let failed = Date(timeIntervalSince1970: 1_000_000)
    XCTAssertTrue(backoff.mayTry(failures: 0, lastFailure: nil, now: failed))
    XCTAssertFalse(backoff.mayTry(failures: 2, lastFailure: failed, now: failed.addingTimeInterval(119)))
    XCTAssertTrue(backoff.mayTry(failures: 2, lastFailure: failed, now: failed.addingTimeInterval(120)))
  }
}
