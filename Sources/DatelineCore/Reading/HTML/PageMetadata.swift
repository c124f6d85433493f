import Foundation

/// What a page says about itself: headline, standfirst, canonical URL, and its JSON-LD. Each comes from the
/// most deliberate source the page has: JSON-LD (written for search engines, so kept accurate), then Open
/// Graph (written for link previews), then the visible `<h1>` and `<title>`.
struct PageMetadata {
  var headline: String?
  var headlineLine: Int = 1
  var standfirst: String?
  var canonicalURL: String?
  var jsonLD: JSONLDArticle?

  init(scan: HTMLPageScan, document: HTMLDocument, url: String?) {
    jsonLD = JSONLDArticle(scripts: scan.jsonLD)
    let siteName = scan.meta["og:site_name"]
    // The walk's first `<h1>`; only a page whose every `<h1>` lies in a skipped part is walked again.
    let h1 = scan.firstH1 ?? document.first(.h1)
    let h1Text = h1.map { HTMLFragmentText.plainText(of: $0, in: document) }.flatMap { $0.isEmpty ? nil : $0 }
    let candidates: [String?] = [
      jsonLD?.headline, scan.meta["og:title"].map { Self.withoutSiteName($0, siteName: siteName) }, h1Text,
      scan.meta["twitter:title"], scan.title.map { Self.withoutSiteName($0, siteName: siteName) },
    ]
    headline = candidates.lazy.compactMap { $0.map(Self.clean) }.first { !$0.isEmpty }
    if let title = headline, title == scan.title.map(Self.clean), let part = Self.titlePart(title, shownIn: scan.blocks) {
      // Only a `<title>` to go on, "Site - Headline": the part the page also shows as a line is the headline.
      headline = part
    }
    headlineLine = h1?.line ?? 1
    let descriptions: [String?] = [
      scan.meta["og:description"], scan.meta["description"], jsonLD?.description, scan.meta["twitter:description"],
    ]
    standfirst = descriptions.lazy.compactMap { $0.map(Self.clean) }.first { !$0.isEmpty }
    let addresses: [String?] = [scan.canonical, scan.meta["og:url"], jsonLD?.url, url]
    canonicalURL = addresses.lazy.compactMap { $0.flatMap { Self.absolute($0, base: url) } }.first
  }

  /// The part of a `<title>` cut at a separator (" - ", " | ") that one of the page's first blocks repeats.
  static func titlePart(_ title: String, shownIn blocks: [HTMLBlock]) -> String? {
    var parts: [String] = []
    for separator in [" | ", " - ", " – ", " — ", " :: "] {
      let pieces = title.splitting(at: separator)
      if pieces.count > 1 { parts += pieces.map { $0.trimmingASCIISpace() } }
    }
    guard !parts.isEmpty else { return nil }
    let keys = Dictionary(parts.map { (TextFingerprint.key($0), $0) }, uniquingKeysWith: { first, _ in first })
    for block in blocks.prefix(40) {
      if let part = keys[TextFingerprint.key(block.text)], !part.isEmpty { return part }
    }
    return nil
  }

  /// Metadata text is HTML-escaped text at most, sometimes markup: plain text on one line.
  static func clean(_ text: String) -> String { HTMLFragmentText.plainText(fromHTML: text) }

  /// "Headline | Site" without " | Site", when the page names its site.
  static func withoutSiteName(_ title: String, siteName: String?) -> String {
    guard let siteName, !siteName.isEmpty else { return title }
    for separator in [" | ", " - ", " – ", " — ", " :: "] where title.hasSuffix(separator + siteName) {
      return String(title.dropLast(separator.count + siteName.count))
    }
    return title
  }

  /// An absolute http(s) URL from `address`, resolved against `base` when relative; nil for anything else.
  static func absolute(_ address: String, base: String?) -> String? {
    let trimmed = address.trimmingASCIISpace()
    guard !trimmed.isEmpty else { return nil }
    let baseURL = base.flatMap { URL(string: $0) }
    guard let resolved = URL(string: trimmed, relativeTo: baseURL)?.absoluteURL,
      let scheme = resolved.scheme?.lowercased(), scheme == "http" || scheme == "https", resolved.host != nil
    else { return nil }
    return resolved.absoluteString
  }
}

extension String {
  /// The pieces of the string between occurrences of `separator` (the whole string when there is none),
  /// compared byte for byte.
  func splitting(at separator: String) -> [String] {
    let bytes = Array(utf8), needle = Array(separator.utf8)
    guard !needle.isEmpty, bytes.count >= needle.count else { return [self] }
    var pieces: [String] = []
    var start = 0, index = 0
    while index + needle.count <= bytes.count {
      if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) {
        pieces.append(String(decoding: bytes[start..<index], as: UTF8.self))
        index += needle.count
        start = index
      } else {
        index += 1
      }
    }
    pieces.append(String(decoding: bytes[start...], as: UTF8.self))
    return pieces
  }
}
