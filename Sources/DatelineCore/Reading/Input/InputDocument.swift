/// The bytes of one input, with what is known of them besides: how the user named it and, when it was
/// fetched, the server's Content-Type and the URL. Every reader takes one of these.
public struct InputDocument: Sendable {
  public var bytes: [UInt8]
  /// The path or URL as the user gave it (`-` for standard input); names the input in the story and in errors.
  public var source: String
  /// The HTTP Content-Type header, when the bytes were fetched (`text/html; charset=utf-8`).
  public var contentType: String?
  /// The URL the bytes came from (after redirects), the base for relative links and the last resort for a
  /// page's identity.
  public var url: String?

  public init(bytes: [UInt8], source: String, contentType: String? = nil, url: String? = nil) {
    self.bytes = bytes
    self.source = source
    self.contentType = contentType
    self.url = url
  }
}
