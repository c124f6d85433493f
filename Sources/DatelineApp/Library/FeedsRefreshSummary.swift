/// What refreshing every subscribed feed came to, for the status line.
public struct FeedsRefreshSummary: Sendable, Hashable {
  /// How many feeds were asked for.
  public var feeds: Int
  /// Stories made from items not seen before.
  public var newStories: Int
  /// One line per feed that could not be read.
  public var failures: [String]
  /// How many feeds were read afresh (not 304, not failed): their items may have changed even when no story is
  /// new, so the list is read again.
  public var read: Int

  public init(feeds: Int, newStories: Int, failures: [String], read: Int? = nil) {
    self.feeds = feeds
    self.newStories = newStories
    self.failures = failures
    self.read = read ?? (newStories > 0 ? 1 : 0)
  }

  /// "5 new stories", "No new stories", "1 new story; 2 feeds failed: …" (the first failure's line).
  public var message: String {
    guard feeds > 0 else { return "No feeds to refresh: subscribe with `dateline subscribe URL`" }
    var text =
      switch newStories {
      case 0: "No new stories"
      case 1: "1 new story"
      default: "\(newStories) new stories"
      }
    if let first = failures.first {
      text += "; \(failures.count) of \(feeds) feed\(feeds == 1 ? "" : "s") failed: \(first)"
    }
    return text
  }
}
