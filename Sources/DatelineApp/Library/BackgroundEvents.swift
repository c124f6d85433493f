import DatelineCore
import Foundation
import Synchronization

/// Work that must not hold up the screen (fetching a page again), run on threads of its own; each job's result
/// is an event that waits here until the run loop takes it and reduces it like any other.
public final class BackgroundEvents: Sendable {
  private let state = Mutex<(events: [Event], running: Int, assists: [@Sendable () -> Void])>(([], 0, []))
  /// Entered by each job and left once its event is kept, so that waiting for them wakes when they are done.
  private let jobs = DispatchGroup()

  public init() {}

  /// Runs `job` off the calling thread; its event is kept for `drain()`. `assist`, when given, is work that a
  /// thread waiting for the job can do to bring its end nearer: `waitUntilDone()` runs it before it waits.
  public func start(_ job: @escaping @Sendable () -> Event, assist: (@Sendable () -> Void)? = nil) {
    state.withLock { state in
      state.running += 1
      if let assist { state.assists.append(assist) }
    }
    jobs.enter()
    // A thread of its own rather than a global dispatch queue (the first job on those started 2 ms late here),
    // placed on another CPU than this one (a new thread queued behind the drawing thread started 1-3 ms late).
    WorkerThread.start { [self] in
      let event = job()
      state.withLock { state in
        state.events.append(event)
        state.running -= 1
      }
      jobs.leave()
    }
  }

  /// Adds an event from a job still running (its progress); it is taken by the next `drain()`.
  public func post(_ event: Event) {
    state.withLock { $0.events.append(event) }
  }

  /// The events of finished jobs, oldest first, taken out.
  public func drain() -> [Event] {
    state.withLock { state in
      let events = state.events
      state.events = []
      return events
    }
  }

  /// Whether a job is running or an event waits to be taken.
  public var isBusy: Bool { state.withLock { $0.running > 0 || !$0.events.isEmpty } }

  /// Waits until every job has finished; false after `timeout` seconds.
  public func waitUntilDone(timeout: TimeInterval) -> Bool {
    jobs.wait(timeout: .now() + .nanoseconds(Int(min(timeout, 86_400) * 1e9))) == .success
  }

  /// Waits, however long it takes, until every job has finished, doing the jobs' assisting work first.
  public func waitUntilDone() {
    let assists = state.withLock { state in
      let assists = state.assists
      state.assists = []
      return assists
    }
    for assist in assists { assist() }
    jobs.wait()
  }
}
