import CLibXML2

/// URL resolution for feeds (RFC 3986, by libxml2): relative links against `xml:base` and the feed's location.
enum FeedURL {
  /// `reference` made absolute against `base`; the reference itself when there is no base or it cannot be
  /// resolved; nil when it is empty. Links are printed: nothing a terminal would act on survives.
  static func resolve(_ reference: String, against base: String?) -> String? {
    guard let resolved = resolveUnsanitized(reference, against: base) else { return nil }
    guard TextSanitizer.mayNeedWork(resolved[...].utf8) else { return resolved }
    let cleaned = TextSanitizer.clean(resolved[...])
    return cleaned.isEmpty ? nil : cleaned
  }

  private static func resolveUnsanitized(_ reference: String, against base: String?) -> String? {
    let trimmed = trimmedASCIISpace(reference)
    guard !trimmed.isEmpty else { return nil }
    guard let base, !base.isEmpty else { return trimmed }
    let built: String? = trimmed.withCString { referencePointer in
      base.withCString { basePointer in
        let result = xml2_xmlBuildURI(
          UnsafeRawPointer(referencePointer).assumingMemoryBound(to: xmlChar.self),
          UnsafeRawPointer(basePointer).assumingMemoryBound(to: xmlChar.self))
        guard let result else { return nil }
        defer { xml2_free(result) }
        return String(cString: result)
      }
    }
    return built ?? trimmed
  }

  /// `text` without leading and trailing ASCII white space (cheap when there is none, as is usual).
  static func trimmedASCIISpace(_ text: String) -> String {
    let utf8 = text.utf8
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
    guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return text }
    return String(text[first...last])
  }

  /// Whether `text` starts with a URL scheme (`http:`, `tag:`), so that it is absolute.
  static func hasScheme(_ text: String) -> Bool {
    guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
    return text[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
      && text.first?.isLetter == true
  }
}
