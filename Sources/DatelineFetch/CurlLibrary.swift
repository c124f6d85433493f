import CCurl
import Foundation

/// libcurl, opened at the first fetch (dlopen) rather than linked: linking it makes every start of dateline load
/// its ~30 libraries (TLS, Kerberos, LDAP, SSH, IDN...), about 15 ms before a reader's first frame that needs
/// none of them. Opened once per process; `curl_global_init` runs then, before any thread makes a handle.
final class CurlLibrary: @unchecked Sendable {
  // @unchecked: `table` points to functions resolved once by `ccurl_open` and never changed or freed after.
  let table: OpaquePointer

  private init(table: OpaquePointer) { self.table = table }

  /// Why libcurl could not be opened (dlopen's or dlsym's words).
  struct Unavailable: Error, Sendable {
    let detail: String
  }

  /// The names tried in turn: Debian's OpenSSL build, then its GnuTLS build (one or the other is installed with
  /// any package that fetches). `DATELINE_LIBCURL` names another (a path, or a name the loader finds).
  static func candidates(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
    if let chosen = environment["DATELINE_LIBCURL"], !chosen.isEmpty { return [chosen] }
    return ["libcurl.so.4", "libcurl-gnutls.so.4"]
  }

  /// The one libcurl of this process, opened on first use (a `static let` is made once, thread-safely).
  static let shared: Result<CurlLibrary, Unavailable> = open(candidates())

  static func open(_ names: [String]) -> Result<CurlLibrary, Unavailable> {
    var error = [CChar](repeating: 0, count: 512)
    let duplicates = names.map { strdup($0) }
    defer { duplicates.forEach { free($0) } }
    let table = duplicates.map { UnsafePointer($0) }.withUnsafeBufferPointer { names in
      ccurl_open(names.baseAddress, Int32(names.count), &error, error.count)
    }
    guard let table else {
      return .failure(Unavailable(detail: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)))
    }
    return .success(CurlLibrary(table: table))
  }

  /// curl's own version line ("libcurl/7.88.1 OpenSSL/3.0.11 ...").
  var version: String { String(cString: ccurl_version(table)) }
}
