import CLibXML2

/// What the XML feed readers share: element keys in the format's terms, text by its declared kind, and links
/// resolved against `xml:base` (on the element and its ancestors) and the feed's own location.
struct FeedXMLContext {
  let document: XMLFeedDocument
  /// The feed's own location (the URL it was fetched from, or `--base-url`).
  let baseURL: String?
  /// Prefixes that count as the format's own elements (see `FeedNamespace.key`).
  let core: Set<String>
  /// One HTML parser for every fragment of the document (summaries, contents, titles).
  let fragments = HTMLFragmentParser()
  /// Element keys already worked out, by name and namespace.
  let keys = FeedKeyCache()

  func key(_ element: XMLNodeRef) -> String { keys.key(of: element, core: core) }

  /// The element's text, trimmed; nil when empty.
  func rawText(_ element: XMLNodeRef) -> String? {
    let text = document.text(of: element)
    let utf8 = text.utf8
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
      return nil
    }
    if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return text }
    return String(text[first...last])
  }

  /// Plain text of an element whose text is of `kind`. Markup written as elements (unescaped HTML in an RSS
  /// description, inline XHTML) is read as HTML.
  func plainText(_ element: XMLNodeRef, as kind: FeedText.Kind) -> String? {
    if element.hasElementChildren {
      return FeedText.plain(document.innerMarkup(of: element), as: .html, using: fragments)
    }
    return FeedText.plain(document.text(of: element), as: kind, using: fragments)
  }

  /// The plain text of a summary or content, nil when empty.
  func plainText(_ markup: FeedMarkup) -> String? { markup.plainText(using: fragments) }

  /// The element's text as HTML or text by `kind`; markup written as elements is HTML.
  func markup(_ element: XMLNodeRef, as kind: FeedText.Kind) -> FeedMarkup {
    if element.hasElementChildren { return .html(document.innerMarkup(of: element)) }
    return FeedText.markup(document.text(of: element), as: kind)
  }

  /// Markup written as elements (Atom `type="xhtml"`: the `div` wrapper's content).
  func xhtmlMarkup(_ element: XMLNodeRef) -> FeedMarkup {
    let children = Array(element.children)
    if children.count == 1, children[0].localName == "div" { return .html(document.innerMarkup(of: children[0])) }
    return .html(document.innerMarkup(of: element))
  }

  /// Plain text of markup written as elements (Atom `type="xhtml"`: the `div` wrapper's content).
  func xhtmlText(_ element: XMLNodeRef) -> String? {
    let children = Array(element.children)
    if children.count == 1, children[0].localName == "div" {
      return FeedText.plain(document.innerMarkup(of: children[0]), as: .html, using: fragments)
    }
    return FeedText.plain(document.innerMarkup(of: element), as: .html, using: fragments)
  }

  /// The base URL in force at `element`: the feed's location, then every `xml:base` from the root down.
  func base(for element: XMLNodeRef) -> String? {
    var bases: [String] = []
    var current: xmlNodePtr? = element.node
    while let node = current, node.pointee.type == XML_ELEMENT_NODE {
      if let base = XMLNodeRef(node: node).xmlBase { bases.append(base) }
      current = node.pointee.parent
    }
    var result = baseURL
    for base in bases.reversed() { result = FeedURL.resolve(base, against: result) ?? result }
    return result
  }

  /// `reference` (found on or in `element`) made absolute.
  func url(_ reference: String?, at element: XMLNodeRef, fallback: String? = nil) -> String? {
    guard let reference else { return nil }
    return FeedURL.resolve(reference, against: base(for: element) ?? fallback)
  }

  /// Categories of an element: its `category` terms (RSS text, Atom `term`), `dc:subject`, nested
  /// `itunes:category` (parent then child) and `itunes:keywords`, each once, in order.
  func appendCategory(_ element: XMLNodeRef, key: String, to categories: inout [String]) {
    func add(_ value: String?) {
      guard let value = value.flatMap(FeedText.collapsed), !categories.contains(value) else { return }
      categories.append(value)
    }
    switch key {
    case "category", "atom:category":
      if let term = element.attribute("term") {
        add(term)
      } else {
        add(rawText(element))
      }
    case "dc:subject":
      add(rawText(element))
    case "itunes:category":
      add(element.attribute("text"))
      for child in element.children where self.key(child) == "itunes:category" {
        appendCategory(child, key: "itunes:category", to: &categories)
      }
    case "itunes:keywords":
      for keyword in (rawText(element) ?? "").split(separator: ",") { add(String(keyword)) }
    default:
      break
    }
  }

  /// An Atom-style `link` element's href when it is an alternate link (`rel` absent or `alternate`), and
  /// whether its type is HTML (preferred among several).
  func alternateLink(_ element: XMLNodeRef) -> (href: String, html: Bool)? {
    let rel = element.attribute("rel").map(FeedText.keyword) ?? "alternate"
    guard rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate",
      let href = element.attribute("href"), let resolved = url(href, at: element)
    else { return nil }
    let type = element.attribute("type")?.lowercased()
    return (resolved, type.map { $0.contains("html") } ?? true)
  }

  /// Whether an alternate link found now replaces the one kept so far: the first wins, unless an HTML one
  /// comes after a link of another type.
  static func prefer(_ candidate: (href: String, html: Bool), over current: (href: String, html: Bool)?) -> Bool {
    guard let current else { return true }
    return !current.html && candidate.html
  }

  /// An enclosure from `url`/`href`, `type` and `length` attributes.
  func enclosure(_ element: XMLNodeRef, urlAttribute: String, fallbackBase: String? = nil) -> FeedEnclosure? {
    guard let href = element.attribute(urlAttribute), let resolved = url(href, at: element, fallback: fallbackBase)
    else { return nil }
    let type = element.attribute("type").flatMap(FeedText.collapsed)
    let length = element.attribute("length").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap {
      $0 >= 0 ? $0 : nil
    }
    return FeedEnclosure(url: resolved, type: type, length: length)
  }

  /// A date element's instant, or nil when it holds no date we can read (feeds' invalid dates are common and
  /// not an error of the document).
  func date(_ element: XMLNodeRef) -> Date? {
    rawText(element).flatMap(FeedDate.parse)
  }
}

import Foundation
