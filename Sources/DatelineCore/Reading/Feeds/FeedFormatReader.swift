/// The one interface of the feed readers: each format's reader says whether a document is its format, by
/// content alone (root element, JSON shape; never the file name), and reads it.
public protocol FeedFormatReader: Sendable {
  func recognises(_ input: FeedInput) -> Bool
  func read(_ input: FeedInput) -> FeedDocument
}

extension XMLFeedFormatReader {
  public func recognises(_ input: FeedInput) -> Bool {
    guard input.firstSignificantByte != UInt8(ascii: "{"), let xml = input.xml else { return false }
    return recognises(root: xml.root)
  }

  public func read(_ input: FeedInput) -> FeedDocument {
    guard let xml = input.xml else { return .feed(Feed(format: format, errors: ["no XML element found"])) }
    let context = FeedXMLContext(document: xml.document, baseURL: input.baseURL, core: core)
    var feed = read(root: xml.root, context: context)
    // The reading problems (encoding, entities, parser), then any met while taking text out (an entity
    // expansion cut short).
    feed.errors = xml.errors + xml.document.expansionErrors + feed.errors
    return .feed(feed)
  }
}
