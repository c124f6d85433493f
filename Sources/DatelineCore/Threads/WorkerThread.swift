import CThreadStart
import Foundation

/// Threads for work that runs beside the calling thread (`BackgroundEvents`' jobs, `ParallelHalves`), started on
/// another CPU than the caller's where there is one, so that they run at once rather than after it
/// (`dateline_thread_start` says why).
public enum WorkerThread {
  /// Runs `body` on a new detached thread.
  public static func start(_ body: @escaping @Sendable () -> Void) {
    let box = Unmanaged.passRetained(Body(body)).toOpaque()
    let error = dateline_thread_start({ context in
      guard let context else { return }
      Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
    }, box)
    guard error != 0 else { return }
    // No thread of our own (resources exhausted): Foundation's, which reports failure its own way.
    Unmanaged<Body>.fromOpaque(box).release()
    Thread.detachNewThread(body)
  }

  private final class Body: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }
}
