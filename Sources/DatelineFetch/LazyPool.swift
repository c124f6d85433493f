import Synchronization

/// A fetcher's `EasyHandlePool`, made at its first fetch (the pool needs libcurl, which is opened only then).
final class LazyPool: Sendable {
  private let made = Mutex<EasyHandlePool?>(nil)

  func pool(_ library: CurlLibrary) -> EasyHandlePool {
    made.withLock { made in
      if let made { return made }
      let pool = EasyHandlePool(library: library)
      made = pool
      return pool
    }
  }
}
