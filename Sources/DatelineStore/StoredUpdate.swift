import DatelineCore

/// One update as the library keeps it: the update itself, where it stands, and whether it is marked.
public struct StoredUpdate: Sendable, Hashable, Identifiable {
  /// The update's row id in the library.
  public var id: Int64
  /// Its index in the story's page order (0 = top of the page, the newest).
  public var index: Int
  public var update: Update
  /// Nil once read.
  public var mark: UpdateMark?
  /// True when some capture showed its text changed since it was first seen (kept after reading).
  public var everChanged: Bool

  public init(id: Int64, index: Int, update: Update, mark: UpdateMark?, everChanged: Bool) {
    self.id = id
    self.index = index
    self.update = update
    self.mark = mark
    self.everChanged = everChanged
  }
}
