import Foundation

/// How a page is fetched: limits that keep a slow, endless or hostile server from hanging or flooding dateline.
public struct FetchPolicy: Sendable, Hashable {
  /// The longest wait for the connection and for the first bytes, and between two reads after that.
  public var connectTimeout: TimeInterval
  /// The longest a whole fetch may take, redirects and body included.
  public var totalTimeout: TimeInterval
  /// Redirects followed before giving up (browsers allow about 20; a page that needs more than 5 is broken).
  public var maxRedirects: Int
  /// The most body bytes read (after gzip is undone); the transfer is stopped as soon as it is passed.
  public var maxBytes: Int
  /// Sent as `User-Agent`.
  public var userAgent: String
  /// Connections open to one server at once (browsers keep to 6: many feeds of one site must not hammer it).
  public var maxConnectionsPerHost = 6

  /// dateline's version (`dateline --version`), named in the User-Agent.
  public static let version = "0.15.0"

  /// 10 s to connect, 30 s in all, 5 redirects, 64 MB.
  public static let standard = FetchPolicy(
    connectTimeout: 10, totalTimeout: 30, maxRedirects: 5, maxBytes: 64 << 20, userAgent: "dateline/\(version)")

  public init(connectTimeout: TimeInterval, totalTimeout: TimeInterval, maxRedirects: Int, maxBytes: Int, userAgent: String) {
    self.connectTimeout = connectTimeout
    self.totalTimeout = totalTimeout
    self.maxRedirects = maxRedirects
    self.maxBytes = maxBytes
    self.userAgent = userAgent
  }

  /// This policy with `seconds` as the total timeout (`--timeout`); the connect timeout never exceeds it.
  public func withTimeout(_ seconds: TimeInterval) -> FetchPolicy {
    var copy = self
    copy.totalTimeout = seconds
    copy.connectTimeout = min(connectTimeout, seconds)
    return copy
  }
}
