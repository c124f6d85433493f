import Foundation

/// What the library remembers of the last fetches of one URL: the validators of the copy it holds (for a
/// conditional request) and the failures in a row since the last success (for the backoff).
public struct FetchState: Sendable, Hashable {
  /// The URL as given (a story's source, a feed's address).
  public var url: String
  /// Where the page was found after redirects, last time it was fetched.
  public var finalURL: String?
  public var etag: String?
  public var lastModified: String?
  /// The last fetch that succeeded (a page read or a 304).
  public var fetchedAt: Date?
  public var failures: Int
  public var lastFailureAt: Date?
  /// The last failure's one-line message.
  public var lastError: String?

  public init(
    url: String, finalURL: String? = nil, etag: String? = nil, lastModified: String? = nil, fetchedAt: Date? = nil,
    failures: Int = 0, lastFailureAt: Date? = nil, lastError: String? = nil
  ) {
    self.url = url
    self.finalURL = finalURL
    self.etag = etag
    self.lastModified = lastModified
    self.fetchedAt = fetchedAt
    self.failures = failures
    self.lastFailureAt = lastFailureAt
    self.lastError = lastError
  }
}
