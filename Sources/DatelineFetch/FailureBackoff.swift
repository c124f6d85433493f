import Foundation

/// How long to leave a source alone after it failed: doubling from `base` with each failure in a row, up to
/// `cap`, so a source that is down is not asked every minute all day, and one that failed once is soon tried
/// again. A refresh the user asks for by hand is never held back.
public struct FailureBackoff: Sendable, Hashable {
  public var base: TimeInterval
  public var cap: TimeInterval

  /// One minute after the first failure, then 2, 4, 8… up to six hours.
  public static let standard = FailureBackoff(base: 60, cap: 6 * 3600)

  public init(base: TimeInterval, cap: TimeInterval) {
    self.base = base
    self.cap = cap
  }

  /// The wait after `failures` failures in a row (none after none).
  public func delay(afterFailures failures: Int) -> TimeInterval {
    guard failures > 0 else { return 0 }
    // 2^(n-1), kept from overflowing: beyond 30 doublings the cap has long been reached.
    return min(cap, base * Double(1 << min(failures - 1, 30)))
  }

  /// When the source may be tried again.
  public func nextAttempt(failures: Int, lastFailure: Date?) -> Date? {
    guard failures > 0, let lastFailure else { return nil }
    return lastFailure.addingTimeInterval(delay(afterFailures: failures))
  }

  /// Whether the source may be tried at `now`.
  public func mayTry(failures: Int, lastFailure: Date?, now: Date) -> Bool {
    guard let next = nextAttempt(failures: failures, lastFailure: lastFailure) else { return true }
    return now >= next
  }
}
