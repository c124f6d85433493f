import Foundation
import Synchronization
import XCTest

@testable import DatelineCore

/// Worker threads run each body once, off the calling thread, however many are started at once.
final class WorkerThreadTests: XCTestCase {
  func testEveryBodyRunsOnceOffTheCallingThread() {
    let ran = Mutex<[Int: Int]>([:])
    let offCaller = Mutex(0)
    let done = DispatchGroup()
    let caller = pthread_self()
    for index in 0..<200 {
      done.enter()
      WorkerThread.start {
        ran.withLock { $0[index, default: 0] += 1 }
        if pthread_equal(pthread_self(), caller) == 0 { offCaller.withLock { $0 += 1 } }
        done.leave()
      }
    }
    XCTAssertEqual(done.wait(timeout: .now() + 60), .success)
    XCTAssertEqual(ran.withLock { $0 }, Dictionary(uniqueKeysWithValues: (0..<200).map { ($0, 1) }))
    XCTAssertEqual(offCaller.withLock { $0 }, 200)
  }

  func testHalvesRunTogetherAndKeepTheirResults() {
    for _ in 0..<50 {
      let halves = ParallelHalves({ (0..<1000).reduce(0, +) }, second: { (0..<2000).reduce(0, +) })
      XCTAssertEqual(halves.first, 499_500)
      XCTAssertEqual(halves.second, 1_999_000)
    }
  }
}
