/// Text the reader cut out as site boilerplate, with the rule that matched it.
public struct RemovedText: Codable, Sendable, Hashable {
  public var line: Int
  public var text: String
  /// The name of the boilerplate rule (or segmentation step) that removed it.
  public var reason: String

  public init(line: Int, text: String, reason: String) {
    self.line = line
    self.text = text
    self.reason = reason
  }
}
