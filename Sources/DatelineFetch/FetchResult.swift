import Foundation

/// What a fetch gave: a page, or the server's word that the page has not changed since the validators sent.
public enum FetchResult: Sendable, Hashable {
  case page(FetchedPage)
  /// `304 Not Modified`: the copy already read is current.
  case notModified(finalURL: URL)
}

/// A page as the server sent it (gzip undone), with what is needed to read it and to ask for it again.
public struct FetchedPage: Sendable, Hashable {
  /// The URL asked for.
  public var requestedURL: URL
  /// Where the page was found after redirects.
  public var finalURL: URL
  public var statusCode: Int
  /// The `Content-Type` header, as sent (`text/html; charset=utf-8`), if any.
  public var contentType: String?
  public var bytes: [UInt8]
  /// To send back next time (conditional request).
  public var validators: Validators

  public init(
    requestedURL: URL, finalURL: URL, statusCode: Int, contentType: String?, bytes: [UInt8], validators: Validators
  ) {
    self.requestedURL = requestedURL
    self.finalURL = finalURL
    self.statusCode = statusCode
    self.contentType = contentType
    self.bytes = bytes
    self.validators = validators
  }
}
