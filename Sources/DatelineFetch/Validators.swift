/// What a server said identifies the version of a page it sent (`ETag`, `Last-Modified`): sent back as
/// `If-None-Match` / `If-Modified-Since`, so that an unchanged page costs one `304 Not Modified` and no body.
public struct Validators: Sendable, Hashable {
  public var etag: String?
  public var lastModified: String?

  public init(etag: String? = nil, lastModified: String? = nil) {
    self.etag = etag
    self.lastModified = lastModified
  }

  /// Whether there is anything to send.
  public var isEmpty: Bool { etag == nil && lastModified == nil }
}
