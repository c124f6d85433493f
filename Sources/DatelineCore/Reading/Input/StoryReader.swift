/// Reads any input dateline takes into a story: recognises its format from the bytes (`InputFormatSniffer`)
/// and hands it to that format's reader. The command line goes through this, never a format's reader.
public struct StoryReader: Sendable {
  public var text: TextCaptureReader
  /// The HTML rules given, or nil for the bundled ones: those are parsed from the embedded file only when a
  /// page is read (`HTMLRules.bundled` is made once, at its first use), not before the first frame of a reader
  /// that opens a plain-text capture.
  private var htmlRules: HTMLRules?

  /// The page reader, with the same boilerplate rules as the text reader.
  public var html: HTMLReader { HTMLReader(rules: htmlRules ?? .bundled, boilerplate: text.rules) }

  public init(rules: BoilerplateRules = .bundled, htmlRules: HTMLRules? = nil) {
    text = TextCaptureReader(rules: rules)
    self.htmlRules = htmlRules
  }

  /// The reader for `format`, or nil for one dateline cannot read yet.
  public func reader(for format: InputFormat) -> (any DocumentReader)? {
    switch format {
    case .textCapture: text
    case .html: html
    case .feed, .opml: nil
    }
  }

  public func read(_ document: InputDocument) throws(CaptureReadError) -> Story {
    let format = InputFormatSniffer.format(of: document)
    guard let reader = reader(for: format) else {
      throw .unsupportedFormat(source: document.source, format: format.description)
    }
    return try reader.read(document)
  }

  /// Reads the file at `path` (`-` for standard input).
  public func read(path: String) throws(CaptureReadError) -> Story {
    try readWithBytes(path: path).story
  }

  /// Reads the file at `path` and also returns its bytes, so a caller can tell whether it has seen exactly
  /// this input before (a library hashes them).
  public func readWithBytes(path: String) throws(CaptureReadError) -> (story: Story, bytes: [UInt8]) {
    let bytes = try CaptureFile.bytes(atPath: path, limit: TextCaptureReader.largestCapture)
    return (try read(InputDocument(bytes: bytes, source: path)), bytes)
  }

  /// The built-in sample story.
  public func readSample() -> Story { text.readSample() }
}
