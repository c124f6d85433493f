import Foundation

/// Atom 1.0 (RFC 4287) and Atom 0.3: the feed's title, alternate link and subtitle (`tagline` in 0.3), and
/// its entries. Text constructs follow their declared type (`text`, `html`, `xhtml`, or a MIME type; 0.3's
/// `mode="escaped"`, `"xml"` and `"base64"`).
struct AtomReader: XMLFeedFormatReader {
  let format = FeedFormat.atom
  let core: Set<String> = ["atom", "atom03"]

  func recognises(root: XMLNodeRef) -> Bool { root.localName == "feed" || root.localName == "atom:feed" }

  func read(root: XMLNodeRef, context: FeedXMLContext) -> Feed {
    var feed = Feed(format: format)
    var alternate: (href: String, html: Bool)?
    var entries: [XMLNodeRef] = []
    for child in root.children {
      switch context.key(child) {
      case "title":
        if feed.title == nil { feed.title = text(child, context: context) }
      case "subtitle", "tagline":
        if feed.subtitle == nil { feed.subtitle = text(child, context: context) }
      case "link":
        if let candidate = context.alternateLink(child), FeedXMLContext.prefer(candidate, over: alternate) {
          alternate = candidate
        }
      case "entry":
        entries.append(child)
      default:
        break
      }
    }
    feed.link = alternate?.href
    feed.items = entries.map { entry($0, context: context) }
    return feed
  }

  private func entry(_ element: XMLNodeRef, context: FeedXMLContext) -> FeedItem {
    var id: String?
    var title: String?
    var alternate: (href: String, html: Bool)?
    var published: Date?
    var updated: Date?
    var author: String?
    var summary: FeedMarkup?
    var content: FeedMarkup?
    var enclosures: [FeedEnclosure] = []
    var categories: [String] = []
    for child in element.children {
      let key = context.key(child)
      switch key {
      case "id":
        if id == nil { id = context.rawText(child).flatMap(FeedText.collapsed) }
      case "title":
        if title == nil { title = text(child, context: context) }
      case "link":
        let rel = child.attribute("rel").map(FeedText.keyword)
        if rel == "enclosure" {
          if let enclosure = context.enclosure(child, urlAttribute: "href") { enclosures.append(enclosure) }
        } else if let candidate = context.alternateLink(child), FeedXMLContext.prefer(candidate, over: alternate) {
          alternate = candidate
        }
      case "published", "issued", "dcterms:issued":
        if published == nil { published = context.date(child) }
      case "updated", "modified", "dc:date", "dcterms:modified":
        if updated == nil { updated = context.date(child) }
      case "author":
        if author == nil { author = person(child, context: context) }
      case "dc:creator":
        if author == nil { author = context.rawText(child).flatMap { FeedAuthor.name(from: $0) } }
      case "summary":
        if summary == nil { summary = markup(child, context: context) }
      case "content":
        if content == nil { content = markup(child, context: context) }
      case "category", "dc:subject":
        context.appendCategory(child, key: key, to: &categories)
      default:
        break
      }
    }
    let link = alternate?.href
    let contentText = content.flatMap(context.plainText)
    var summaryText = summary.flatMap(context.plainText)
    if contentText == nil { content = nil }
    // As feedparser does, content stands in for a missing summary.
    if summaryText == nil {
      summary = content
      summaryText = contentText
    }
    return FeedItem(
      id: id
        ?? FeedItemID.hash(
          link: link, title: title, published: published.map(FeedDate.rfc3339), text: summaryText ?? contentText),
      title: title, link: link, published: published, updated: updated, author: author, summary: summaryText,
      content: contentText, summaryMarkup: summary, contentMarkup: content, enclosures: enclosures, categories: categories)
  }

  /// A person construct's name, or its email when it has no name.
  private func person(_ element: XMLNodeRef, context: FeedXMLContext) -> String? {
    var email: String?
    for child in element.children {
      switch context.key(child) {
      case "name":
        if let name = context.rawText(child).flatMap(FeedText.collapsed) { return name }
      case "email":
        if email == nil { email = context.rawText(child).flatMap(FeedText.collapsed) }
      default:
        break
      }
    }
    if email == nil, !element.hasElementChildren {
      // Some feeds write the name as the element's own text.
      return context.rawText(element).flatMap { FeedAuthor.name(from: $0) }
    }
    return email
  }

  /// A text construct as plain text, by its declared type (and Atom 0.3's mode).
  func text(_ element: XMLNodeRef, context: FeedXMLContext) -> String? {
    markup(element, context: context).flatMap(context.plainText)
  }

  /// A text construct's source as HTML or text, by its declared type (and Atom 0.3's mode); nil when it holds
  /// no text (out-of-line content, binary media, nothing but whitespace).
  func markup(_ element: XMLNodeRef, context: FeedXMLContext) -> FeedMarkup? {
    guard let markup = rawMarkup(element, context: context), !markup.isBlank else { return nil }
    return markup
  }

  private func rawMarkup(_ element: XMLNodeRef, context: FeedXMLContext) -> FeedMarkup? {
    if element.attribute("src") != nil, context.key(element) == "content", !element.hasElementChildren,
      context.rawText(element) == nil
    {
      return nil  // out-of-line content: nothing to read here
    }
    let type = element.attribute("type").map(FeedText.keyword) ?? "text"
    let mode = element.attribute("mode").map(FeedText.keyword)
    if mode == "base64" {
      let encoded = (context.rawText(element) ?? "").filter { !$0.isWhitespace }
      guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else { return nil }
      let decoded = String(decoding: data, as: UTF8.self)
      return Self.isHTML(type) ? .html(decoded) : .text(decoded)
    }
    if mode == "xml" || type == "xhtml" || type == "application/xhtml+xml" {
      return context.xhtmlMarkup(element)
    }
    if Self.isHTML(type) || mode == "escaped" && type != "text/plain" && type != "text" {
      return context.markup(element, as: .html)
    }
    if type == "text" || type.hasPrefix("text/") {
      if element.hasElementChildren { return context.xhtmlMarkup(element) }
      return .text(context.document.text(of: element))
    }
    if type.hasSuffix("+xml") || type.hasSuffix("/xml") {
      return .text(context.document.text(of: element))
    }
    return nil  // base64 of some other media type: not text
  }

  private static func isHTML(_ type: String) -> Bool { type == "html" || type == "text/html" }
}
