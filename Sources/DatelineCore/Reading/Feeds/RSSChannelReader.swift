/// A channel and its items, for RSS and RDF alike: the feed's title, link (never an image's or a text input's)
/// and subtitle, then the items in document order, inside the channel or beside it.
struct RSSChannelReader {
  let context: FeedXMLContext

  func feed(format: FeedFormat, root: XMLNodeRef, channel: XMLNodeRef?) -> Feed {
    var feed = Feed(format: format)
    var alternate: (href: String, html: Bool)?
    if let channel {
      for child in channel.children {
        switch context.key(child) {
        case "title", "dc:title":
          if feed.title == nil { feed.title = context.plainText(child, as: .guess) }
        case "link":
          if feed.link == nil, let text = context.rawText(child) { feed.link = context.url(text, at: child) }
        case "atom:link":
          if let candidate = context.alternateLink(child), FeedXMLContext.prefer(candidate, over: alternate) {
            alternate = candidate
          }
        case "description", "dc:description":
          if feed.subtitle == nil { feed.subtitle = context.plainText(child, as: .description) }
        case "itunes:subtitle", "itunes:summary":
          if feed.subtitle == nil { feed.subtitle = context.plainText(child, as: .text) }
        default:
          break
        }
      }
    }
    if feed.link == nil { feed.link = alternate?.href }
    // Relative item links with no xml:base and no known location are resolved against the channel's link.
    let fallbackBase = context.baseURL == nil ? feed.link.flatMap { FeedURL.hasScheme($0) ? $0 : nil } : nil
    let items = RSSItemReader(context: context)
    if let channel, channel.node != root.node {
      feed.items = orderedItems(root: root, channel: channel, items: items, fallbackBase: fallbackBase)
    } else {
      for child in root.children where context.key(child) == "item" {
        feed.items.append(items.item(child, fallbackBase: fallbackBase))
      }
    }
    return feed
  }

  /// Items inside the channel and beside it, in document order.
  private func orderedItems(root: XMLNodeRef, channel: XMLNodeRef, items: RSSItemReader, fallbackBase: String?)
    -> [FeedItem]
  {
    var result: [FeedItem] = []
    for child in root.children {
      if child.node == channel.node {
        for inner in channel.children where context.key(inner) == "item" {
          result.append(items.item(inner, fallbackBase: fallbackBase))
        }
      } else if context.key(child) == "item" {
        result.append(items.item(child, fallbackBase: fallbackBase))
      }
    }
    return result
  }
}
