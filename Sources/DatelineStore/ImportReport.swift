/// What importing one capture did.
public struct ImportReport: Sendable, Hashable, Codable {
  /// The capture's source (its path).
  public var source: String
  /// The headline of the story it went to.
  public var story: String
  /// The story's id (`StorySummary.key`).
  public var storyKey: String
  /// How many updates the story has after the import.
  public var updates: Int
  /// How many updates the capture itself shows.
  public var captureUpdates: Int
  /// The names (`Update.displayName`) of updates first seen in this capture, in page order.
  public var new: [String]
  /// The names of known updates whose text this capture changed, in page order.
  public var changed: [String]
  /// True when exactly these bytes had been imported before: nothing changed.
  public var alreadyImported: Bool
  /// True when the capture started a new story.
  public var newStory: Bool

  public init(
    source: String, story: String, storyKey: String, updates: Int, captureUpdates: Int, new: [String],
    changed: [String], alreadyImported: Bool, newStory: Bool
  ) {
    self.source = source
    self.story = story
    self.storyKey = storyKey
    self.updates = updates
    self.captureUpdates = captureUpdates
    self.new = new
    self.changed = changed
    self.alreadyImported = alreadyImported
    self.newStory = newStory
  }
}
