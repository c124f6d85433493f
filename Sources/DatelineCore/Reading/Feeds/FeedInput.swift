/// A document handed to the feed readers: its bytes, the HTTP Content-Type it came with (its charset counts),
/// and its own location (to resolve relative links). The XML parse is made once, when a reader first asks.
public final class FeedInput {
  public let bytes: [UInt8]
  public let contentType: String?
  public let baseURL: String?

  public init(bytes: [UInt8], contentType: String? = nil, baseURL: String? = nil) {
    self.bytes = bytes
    self.contentType = contentType
    self.baseURL = baseURL
  }

  /// The bytes parsed as XML (decoded, entities repaired, recover mode), or nil when no element could be read.
  lazy var xml: ParsedFeedXML? = ParsedFeedXML(self)

  /// The first byte that is not whitespace or a byte-order mark.
  var firstSignificantByte: UInt8? {
    var index = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    while index < bytes.count, FeedDate.isSpace(bytes[index]) { index += 1 }
    return index < bytes.count ? bytes[index] : nil
  }
}

/// An XML feed document with its root and every problem met on the way (encoding, entities, parser).
struct ParsedFeedXML {
  let document: XMLFeedDocument
  let root: XMLNodeRef
  let errors: [String]

  init?(_ input: FeedInput) {
    let decoded = FeedBytes(input.bytes, httpCharset: FeedBytes.charset(ofContentType: input.contentType))
    let repaired = XMLMarkupRepair(decoded.utf8)
    guard let document = XMLFeedDocument(utf8: repaired.text, url: input.baseURL), let root = document.root else {
      return nil
    }
    self.document = document
    self.root = root
    self.errors = decoded.errors + repaired.errors + document.errors
  }
}
