/// The namespaces feed readers know, by the prefix they are conventionally written with. Elements are looked up
/// by a key: the local name for the format's own elements, `prefix:name` for known extensions (`dc:date`,
/// `content:encoded`), whatever prefix the document happens to use.
enum FeedNamespace {
  static let prefixes: [String: String] = [
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/elements/1.0/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://www.w3.org/2005/Atom": "atom",
    "http://purl.org/atom/ns#": "atom03",
    "http://www.w3.org/1999/xhtml": "xhtml",
    "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
    "http://www.itunes.com/DTDs/Podcast-1.0.dtd": "itunes",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://search.yahoo.com/mrss/": "media",
    "http://search.yahoo.com/mrss": "media",
    // RSS's own namespaces (RSS 1.0, 0.90, and the ones some RSS 2.0 feeds declare) are the core: no prefix.
    "http://purl.org/rss/1.0/": "",
    "http://my.netscape.com/rdf/simple/0.9/": "",
    "http://backend.userland.com/rss2": "",
    "http://backend.userland.com/rss": "",
    "http://blogs.law.harvard.edu/tech/rss": "",
    "http://purl.org/net/rss1.1#": "",
  ]

  /// The key of `element`: its local name when its namespace is one of `core` (or none, or an unknown default
  /// namespace), `prefix:name` for a known extension, and `{uri}name` for an unknown prefixed one.
  static func key(of element: XMLNodeRef, core: Set<String>) -> String {
    let name = element.localName
    guard let namespace = element.node.pointee.ns, let hrefPointer = namespace.pointee.href else {
      // No namespace. An undeclared prefix stays in the name (`dc:creator`): map it like a declared one.
      if let colon = name.firstIndex(of: ":") {
        let prefix = String(name[..<colon])
        let local = String(name[name.index(after: colon)...])
        return core.contains(prefix) ? local : "\(prefix):\(local)"
      }
      return name
    }
    let href = String(cString: hrefPointer)
    if let prefix = prefixes[href] ?? prefixes[href.lowercased()] {
      return core.contains(prefix) ? name : "\(prefix):\(name)"
    }
    // An unknown default namespace is taken as the format's own (feeds declare odd ones); an unknown prefix is not.
    if namespace.pointee.prefix == nil { return name }
    return "{\(href)}\(name)"
  }
}
