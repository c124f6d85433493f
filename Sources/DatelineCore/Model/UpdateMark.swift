/// Whether an update still needs the reader's attention.
public enum UpdateMark: String, Sendable, Hashable, Codable {
  /// First seen in a capture imported since the story was last read.
  case new
  /// Known before, but its text changed in a later capture, not read since.
  case changed
}
