/// The feeds an HTML page points to: its `<link rel="alternate">` elements whose type is a feed's (RSS, Atom,
/// RDF, JSON Feed), their hrefs made absolute against the page's URL, each once, in page order.
public enum FeedDiscovery {
  static let feedTypes: Set<String> = [
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
    "application/json", "text/xml", "application/xml",
  ]

  public static func feeds(inPage bytes: [UInt8], contentType: String? = nil, url: String?) -> [Outline] {
    guard let document = HTMLDocument(bytes: bytes, contentType: contentType, url: url), let root = document.root else {
      return []
    }
    var found: [Outline] = []
    HTMLTreeWalk.walk(from: root) { node in
      guard node.isElement else { return false }
      guard node.name.lowercased() == "link" else { return true }
      let rel = (node.attribute("rel") ?? "").lowercased().split(separator: " ")
      let type = (node.attribute("type") ?? "").split(separator: ";").first.map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      } ?? ""
      if rel.contains("alternate"), feedTypes.contains(type), let href = node.attribute("href"),
        let absolute = FeedURL.resolve(href, against: url), !found.contains(where: { $0.url == absolute })
      {
        found.append(Outline(url: absolute, title: node.attribute("title").flatMap(FeedText.collapsed)))
      }
      return false
    } leave: { _ in }
    return found
  }
}

import Foundation
