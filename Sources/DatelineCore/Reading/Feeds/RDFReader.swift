/// RSS 1.0 and RSS 0.90, both RDF: `rdf:RDF` holding a `channel` and, beside it, the `item`s (and an image and
/// text input whose links never reach the feed's). `<rss version="0.90">` is read here too.
struct RDFReader: XMLFeedFormatReader {
  let format = FeedFormat.rdf
  let core: Set<String> = [""]

  func recognises(root: XMLNodeRef) -> Bool {
    if root.localName == "RDF" || root.localName == "rdf:RDF" { return true }
    return root.localName.lowercased() == "rss"
      && (root.attribute("version")?.trimmingCharacters(in: .whitespaces).hasPrefix("0.90") ?? false)
  }

  func read(root: XMLNodeRef, context: FeedXMLContext) -> Feed {
    let channel = root.children.first { context.key($0) == "channel" }
    return RSSChannelReader(context: context).feed(format: format, root: root, channel: channel)
  }
}
