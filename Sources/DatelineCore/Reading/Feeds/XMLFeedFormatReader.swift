/// A reader of one XML feed format, chosen by the document's root element.
protocol XMLFeedFormatReader: FeedFormatReader {
  var format: FeedFormat { get }
  /// Prefixes whose elements are this format's own (see `FeedNamespace.key`).
  var core: Set<String> { get }
  /// Whether `root` is this format's root element.
  func recognises(root: XMLNodeRef) -> Bool
  func read(root: XMLNodeRef, context: FeedXMLContext) -> Feed
}
