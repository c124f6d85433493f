import CCurl
import Foundation

/// The one-line `FetchError` for what libcurl reported when a transfer failed on its own (not stopped by
/// dateline's callbacks, whose reason is kept apart).
enum CurlFailure {
  static func describe(
    _ code: CURLcode, detail: String, url: URL, text: String, policy: FetchPolicy, elapsed: Duration, location: String?
  ) -> FetchError {
    let host = url.host ?? text
    let line = detail.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    switch code {
    case CURLE_COULDNT_RESOLVE_HOST:
      return .hostNotFound(url: text, host: host)
    case CURLE_COULDNT_CONNECT:
      return .connectionRefused(url: text, host: host)
    case CURLE_OPERATION_TIMEDOUT:
      // The total deadline, or a stall / slow connect (the connect timeout), whichever ended it.
      let seconds = elapsed >= .milliseconds(Int(policy.totalTimeout * 1000) - 100) ? policy.totalTimeout : policy.connectTimeout
      return .timedOut(url: text, seconds: Int(seconds.rounded()))
    case CURLE_TOO_MANY_REDIRECTS:
      return .tooManyRedirects(url: text, limit: policy.maxRedirects)
    case CURLE_UNSUPPORTED_PROTOCOL:
      // The URL itself was checked to be http(s): a redirect to another scheme (file:, ftp:) was refused.
      return location.map { .badRedirect(url: text, target: $0) } ?? .unsupportedScheme(text)
    case CURLE_ABORTED_BY_CALLBACK:
      return .cancelled(url: text)
    case CURLE_GOT_NOTHING:
      return .network(url: text, detail: "the server sent no response")
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
      CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
      CURLE_SSL_CRL_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
      CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED, CURLE_SSL_CLIENTCERT:
      return .tlsFailure(url: text, detail: line)
    default:
      return .network(url: text, detail: line)
    }
  }
}
