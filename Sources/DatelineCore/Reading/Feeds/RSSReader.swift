/// RSS 0.91 to 2.0 (and `<rss>` without a version): the channel's title, link and description, and its items.
/// Items are also taken where broken feeds put them, beside the channel rather than in it.
struct RSSReader: XMLFeedFormatReader {
  let format = FeedFormat.rss
  let core: Set<String> = [""]

  func recognises(root: XMLNodeRef) -> Bool {
    let name = root.localName.lowercased()
    guard name == "rss" || name == "channel" else { return false }
    return !(root.attribute("version")?.trimmingCharacters(in: .whitespaces).hasPrefix("0.90") ?? false)
  }

  func read(root: XMLNodeRef, context: FeedXMLContext) -> Feed {
    let channel = root.localName.lowercased() == "channel" ? root : root.children.first { context.key($0) == "channel" }
    return RSSChannelReader(context: context).feed(format: format, root: root, channel: channel)
  }
}
