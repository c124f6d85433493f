import Dispatch
import Synchronization
import XCTest

@testable import dateline

/// A preloaded value is made once, off the calling thread, and every reader gets it, whenever it asks.
final class PreloadTests: XCTestCase {
  func testTheValueIsMadeOnceAndEveryReaderGetsIt() {
    for round in 0..<50 {
      let calls = Mutex(0)
      let preload = Preload<[Int]> {
        calls.withLock { $0 += 1 }
        return Array(0..<(round + 1))
      }
      let readers = DispatchGroup()
      let seen = Mutex<[[Int]]>([])
      for _ in 0..<4 {
        readers.enter()
        DispatchQueue.global().async {
          let value = preload.value
          seen.withLock { $0.append(value) }
          readers.leave()
        }
      }
      XCTAssertEqual(preload.value, Array(0..<(round + 1)))
      XCTAssertEqual(readers.wait(timeout: .now() + 30), .success)
      XCTAssertEqual(seen.withLock { $0 }, Array(repeating: Array(0..<(round + 1)), count: 4))
      XCTAssertEqual(calls.withLock { $0 }, 1)
    }
  }

  func testTheKeymapIsTheOneLoadKeymapGives() {
    let (keymap, error) = ReadRequest.keymap.value
    let expected = ReadRequest.loadKeymap(environment: StartEnvironment.values())
    XCTAssertEqual(keymap, expected.0)
    XCTAssertEqual(error, expected.1)
  }
}
