/// One row of the story list: what the list shows before the story itself is loaded.
public struct StoryEntry: Sendable, Hashable {
  /// The story's id in its source (the library's row id), passed back when the story is loaded.
  public var handle: Int64
  public var headline: String
  public var updateCount: Int
  /// Updates marked new or changed that have not been on screen yet.
  public var markedCount: Int
  /// The http(s) URL the story was read from, when it came from the web (it can then be refreshed).
  public var url: String?
  /// The group the list shows the story under (a feed, with its folders: "News › Example Times"), nil when the
  /// list is not grouped. Stories of one group are next to each other in the list.
  public var group: String?

  public init(
    handle: Int64, headline: String, updateCount: Int, markedCount: Int = 0, url: String? = nil, group: String? = nil
  ) {
    self.handle = handle
    self.headline = headline
    self.updateCount = updateCount
    self.markedCount = markedCount
    self.url = url
    self.group = group
  }
}
