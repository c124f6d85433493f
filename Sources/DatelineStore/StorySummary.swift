import DatelineCore
import Foundation

/// One line of the library's story list: enough to show it without loading its updates.
public struct StorySummary: Sendable, Hashable, Identifiable {
  /// The story's row id in the library (stable while the story is kept).
  public var id: Int64
  /// The fingerprint of its first headline (`StoryID`), what `dateline remove` accepts as the story's id.
  public var key: String
  /// Its latest headline.
  public var headline: String
  public var standfirst: String?
  /// How many updates the library holds for it (across all captures).
  public var updateCount: Int
  /// How many of them are new or changed and not read yet.
  public var markedCount: Int
  /// How many captures were merged into it.
  public var captureCount: Int
  /// When its last capture was imported.
  public var lastCaptureAt: Date
  /// Where its last capture came from: a path, `-`, or the URL it was fetched from.
  public var source: String?

  public init(
    id: Int64, key: String, headline: String, standfirst: String?, updateCount: Int, markedCount: Int,
    captureCount: Int, lastCaptureAt: Date, source: String? = nil
  ) {
    self.id = id
    self.key = key
    self.headline = headline
    self.standfirst = standfirst
    self.updateCount = updateCount
    self.markedCount = markedCount
    self.captureCount = captureCount
    self.lastCaptureAt = lastCaptureAt
    self.source = source
  }
}
