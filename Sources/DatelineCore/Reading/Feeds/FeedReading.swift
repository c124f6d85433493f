/// Reads a feed or an OPML file from its bytes: the format is recognised by content (JSON's opening brace, the
/// XML root element), never by file name; the HTTP Content-Type counts only for its charset.
public enum FeedReading {
  /// The readers, each for one format.
  public static let readers: [any FeedFormatReader] = [
    JSONFeedReader(), RSSReader(), RDFReader(), AtomReader(), OPMLReader(),
  ]

  /// The feed or subscription list in `input`, or why it is neither.
  public static func read(_ input: FeedInput) -> Result<FeedDocument, FeedReadError> {
    guard input.firstSignificantByte != nil else {
      return .failure(FeedReadError(input.bytes.isEmpty ? "empty file" : "nothing but whitespace"))
    }
    if let reader = readers.first(where: { $0.recognises(input) }) { return .success(reader.read(input)) }
    guard let xml = input.xml else {
      if let message = LibXML2Library.missingMessage(for: "reading feeds") { return .failure(FeedReadError(message)) }
      return .failure(FeedReadError("not a feed: neither XML nor JSON"))
    }
    let root = TextSanitizer.clean(Substring(xml.root.localName.prefix(40)))
    return .failure(FeedReadError("not a feed: the document's root element is <\(root)>"))
  }

  /// The feed or subscription list in `bytes`.
  public static func read(_ bytes: [UInt8], contentType: String? = nil, baseURL: String? = nil)
    -> Result<FeedDocument, FeedReadError>
  {
    read(FeedInput(bytes: bytes, contentType: contentType, baseURL: baseURL))
  }
}
