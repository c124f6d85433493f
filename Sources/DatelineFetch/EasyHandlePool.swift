import CCurl
import Synchronization

/// libcurl easy handles not in use, kept for the next fetch: a handle keeps its open connections (and its DNS
/// and TLS session caches) across `curl_easy_reset`, so refreshing many feeds of one site reuses connections
/// instead of opening one per fetch.
final class EasyHandlePool: Sendable {
  /// A handle, used by one thread at a time: taken from the pool, used, reset, put back.
  struct Handle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
  }

  private let idle = Mutex<[Handle]>([])
  /// Handles kept idle at most (more are freed): about the most fetches a refresh runs at once.
  private let keep: Int
  private let library: CurlLibrary

  init(library: CurlLibrary, keep: Int = 16) {
    self.library = library
    self.keep = keep
  }

  deinit {
    for handle in idle.withLock({ $0 }) { ccurl_easy_cleanup(library.table, handle.pointer) }
  }

  /// Runs `body` with a handle (a kept one, else a new one); nil when libcurl could make none.
  func withHandle<T>(_ body: (UnsafeMutableRawPointer) -> T) -> T? {
    let kept = idle.withLock { $0.popLast() }
    guard let pointer = kept?.pointer ?? ccurl_easy_init(library.table) else { return nil }
    let result = body(pointer)
    ccurl_easy_reset(library.table, pointer)
    let handle = Handle(pointer: pointer)
    let stored = idle.withLock { idle in
      guard idle.count < keep else { return false }
      idle.append(handle)
      return true
    }
    if !stored { ccurl_easy_cleanup(library.table, pointer) }
    return result
  }
}
