/// Why a document could not be read as any feed format, as one line.
public struct FeedReadError: Error, Sendable, Hashable, CustomStringConvertible {
  public let message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
