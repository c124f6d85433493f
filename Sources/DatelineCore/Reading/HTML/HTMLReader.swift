/// Reads an HTML page into a story: an article as one update (sub-headings start further ones), a live blog
/// as one update per post. The headline, standfirst and canonical URL come from the page's metadata.
public struct HTMLReader: DocumentReader {
  /// Web pages past this are refused: real article pages are well under 10 MB, and libxml2's tree takes
  /// several times the page's size in memory.
  public static let largestPage = 64 * 1024 * 1024

  public var rules: HTMLRules
  /// Line rules shared with text captures: share prompts and appeals that sit inside the body's markup.
  public var boilerplate: BoilerplateRules

  public init(rules: HTMLRules = .bundled, boilerplate: BoilerplateRules = .bundled) {
    self.rules = rules
    self.boilerplate = boilerplate
  }

  public func read(_ input: InputDocument) throws(CaptureReadError) -> Story {
    if input.bytes.isEmpty { throw .empty(source: input.source) }
    if input.bytes.count > Self.largestPage {
      throw .tooLarge(source: input.source, bytes: input.bytes.count, limit: Self.largestPage)
    }
    if CaptureDecoder.looksBinary(input.bytes.prefix(65_536)), !startsWithUTF16BOM(input.bytes) {
      throw .binary(source: input.source)
    }
    guard let document = HTMLDocument(bytes: input.bytes, contentType: input.contentType, url: input.url) else {
      if let message = LibXML2Library.missingMessage(for: "reading HTML") {
        throw .parserUnavailable(source: input.source, message: message)
      }
      throw .noArticleText(source: input.source)
    }
    do {
      return try read(document, input: input)
    } catch .noArticleText where document.isDeclaredLegacyCharset {
      // libxml2 stops at the first byte its converter for a declared charset (Shift_JIS, KOI8-R...) rejects:
      // a page whose declaration is wrong is read again as its bytes suggest.
      guard let sniffed = HTMLDocument(bytes: input.bytes, contentType: input.contentType, url: input.url, ignoringDeclarations: true)
      else { throw .noArticleText(source: input.source) }
      return try read(sniffed, input: input)
    }
  }

  private func read(_ document: HTMLDocument, input: InputDocument) throws(CaptureReadError) -> Story {
    let scan = HTMLPageScan(document: document, rules: rules)
    let metadata = PageMetadata(scan: scan, document: document, url: input.url)
    var article = ArticleExtractor(scan: scan, metadata: metadata, rules: rules, boilerplate: boilerplate)
    var liveBlog = LiveBlogExtractor(
      scan: scan, document: document, metadata: metadata, rules: rules, boilerplate: boilerplate)
    let updates: [Update]
    let removed: [RemovedText]
    // The article's body blocks are found once: the live-blog reader looks for time headings in them, and the
    // article reader reads them when the page is not a live blog.
    var bodyBlocks: [HTMLBlock]?
    if let posts = liveBlog.updates(articleBlocks: {
      let blocks = article.bodyBlocks()
      bodyBlocks = blocks
      return blocks
    }) {
      (updates, removed) = (posts, liveBlog.removed)
    } else {
      updates = article.updates(bodyBlocks: bodyBlocks)
      removed = article.removed
    }
    guard !updates.isEmpty else { throw .noArticleText(source: input.source) }
    guard let headline = metadata.headline ?? updates.first?.displayName else { throw .noArticleText(source: input.source) }
    var story = Story(
      source: input.source, headline: headline, headlineLine: metadata.headlineLine, standfirst: metadata.standfirst,
      standfirstLine: metadata.standfirst == nil ? nil : metadata.headlineLine, updates: updates, removed: removed)
    story.setCanonicalURL(metadata.canonicalURL)
    return story
  }

  private func startsWithUTF16BOM(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) }
}
