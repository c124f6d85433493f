import Foundation

/// The fields of an RSS 0.9x/2.0 or RSS 1.0 item (and the text parts of a channel): the elements both formats
/// share, with their extensions (Dublin Core, content, iTunes, Atom links), read by feedparser's conventions.
struct RSSItemReader {
  let context: FeedXMLContext

  /// One item. `fallbackBase` (the channel's link) resolves relative links when nothing else does.
  func item(_ element: XMLNodeRef, fallbackBase: String?) -> FeedItem {
    var title: String?
    var link: String?
    var alternate: (href: String, html: Bool)?
    var guid: String?
    var guidIsPermalink = false
    var published: Date?
    var updated: Date?
    var author: String?
    var summary: FeedMarkup?
    var content: FeedMarkup?
    var enclosures: [FeedEnclosure] = []
    var categories: [String] = []
    let base = context.base(for: element) ?? fallbackBase
    for child in element.children {
      let key = context.key(child)
      switch key {
      case "title", "dc:title":
        if title == nil { title = context.plainText(child, as: .guess) }
      case "link":
        if link == nil, let text = context.rawText(child) {
          link = FeedURL.resolve(text, against: context.base(for: child) ?? fallbackBase)
        }
      case "atom:link":
        let rel = child.attribute("rel")?.lowercased()
        if rel == "enclosure" {
          if let enclosure = context.enclosure(child, urlAttribute: "href", fallbackBase: fallbackBase) { enclosures.append(enclosure) }
        } else if let candidate = context.alternateLink(child), FeedXMLContext.prefer(candidate, over: alternate) {
          alternate = candidate
        }
      case "guid":
        if guid == nil, let text = context.rawText(child) {
          guid = text
          guidIsPermalink = child.attribute("isPermaLink").map(FeedText.keyword) != "false"
        }
      case "pubDate", "dcterms:issued", "atom:published", "atom:issued":
        if published == nil { published = context.date(child) }
      case "dc:date", "dcterms:modified", "atom:updated", "atom:modified":
        if updated == nil { updated = context.date(child) }
      case "author", "dc:creator", "dc:author", "itunes:author", "atom:author":
        if author == nil { author = authorName(child) }
      case "description", "dc:description":
        if summary == nil { summary = nonEmpty(context.markup(child, as: .description)) }
      case "itunes:summary":
        if summary == nil { summary = nonEmpty(context.markup(child, as: .text)) }
      case "content:encoded", "atom:content":
        if content == nil { content = nonEmpty(context.markup(child, as: .html)) }
      case "xhtml:body", "xhtml:div":
        if content == nil { content = nonEmpty(.html(context.document.innerMarkup(of: child))) }
      case "enclosure":
        if let enclosure = context.enclosure(child, urlAttribute: "url", fallbackBase: fallbackBase) { enclosures.append(enclosure) }
      case "category", "dc:subject", "itunes:category", "itunes:keywords", "atom:category":
        context.appendCategory(child, key: key, to: &categories)
      default:
        break
      }
    }
    let contentText = content.flatMap(context.plainText)
    var summaryText = summary.flatMap(context.plainText)
    if contentText == nil { content = nil }
    // As feedparser does, content stands in for a missing summary.
    if summaryText == nil {
      summary = content
      summaryText = contentText
    }
    if link == nil { link = alternate?.href }
    // A permalink guid stands in for a missing link (not one marked isPermaLink="false").
    if link == nil, let guid, guidIsPermalink, FeedURL.hasScheme(guid) || guid.hasPrefix("/") {
      link = FeedURL.resolve(guid, against: base)
    }
    let rdfAbout = element.attribute("about", namespace: "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
      ?? element.attribute("about")
    let id =
      guid.flatMap(FeedText.collapsed) ?? rdfAbout.flatMap(FeedText.collapsed)
      ?? FeedItemID.hash(
        link: link, title: title, published: published.map(FeedDate.rfc3339),
        text: summaryText ?? contentText)
    return FeedItem(
      id: id, title: title, link: link, published: published, updated: updated, author: author, summary: summaryText,
      content: contentText, summaryMarkup: summary, contentMarkup: content, enclosures: enclosures, categories: categories)
  }

  /// `markup` when it holds any text.
  private func nonEmpty(_ markup: FeedMarkup) -> FeedMarkup? { markup.isBlank ? nil : markup }

  /// An author element's name: `email (Name)` lines, or an Atom-style person with `name` and `email`.
  func authorName(_ element: XMLNodeRef) -> String? {
    if element.hasElementChildren {
      var email: String?
      for child in element.children {
        let key = child.localName
        if key == "name", let name = context.rawText(child).flatMap(FeedText.collapsed) { return name }
        if key == "email", email == nil { email = context.rawText(child).flatMap(FeedText.collapsed) }
      }
      return email
    }
    return context.rawText(element).flatMap { FeedAuthor.name(from: $0) }
  }
}
