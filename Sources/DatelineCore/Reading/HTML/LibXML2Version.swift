import CLibXML2

/// The libxml2 the binary was built against, for bug reports.
public enum LibXML2Version {
  public static let compiled: String = LIBXML_DOTTED_VERSION
}

/// libxml2 is opened at its first use, not linked (`CLibXML2.h` says why); this says whether it could be.
public enum LibXML2Library {
  /// Nil when libxml2 is open; else why not, in the loader's words. Opens it on first use.
  public static let unavailableReason: String? = {
    var error = [CChar](repeating: 0, count: 512)
    guard xml2_open(&error, error.count) == 0 else { return nil }
    return String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }()

  /// The one line for a reader that needs libxml2 and cannot have it.
  static func missingMessage(for purpose: String) -> String? {
    guard let reason = unavailableReason else { return nil }
    return "\(purpose) needs libxml2, which could not be loaded (\(reason); Debian: apt install libxml2)"
  }
}
