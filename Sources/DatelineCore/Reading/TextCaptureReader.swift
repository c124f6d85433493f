import Foundation

/// Reads a plain-text capture of a live-blog page (one paragraph per line) into a `Story`: decodes it, strips
/// site boilerplate by the rules, and segments the rest into a headline, a standfirst and updates.
public struct TextCaptureReader: Sendable {
  public static let sampleSource = "(sample)"
  /// Captures are web pages: anything past this is not one.
  public static let largestCapture = 512 * 1024 * 1024

  public var rules: BoilerplateRules

  public init(rules: BoilerplateRules = .bundled) { self.rules = rules }

  /// Reads the capture in `bytes`; `source` names it in the story and in errors.
  public func read(bytes: [UInt8], source: String) throws(CaptureReadError) -> Story {
    try read(lines: CaptureDecoder.lines(bytes, source: source), source: source)
  }

  /// Reads a capture already decoded to text.
  public func read(text: String, source: String) throws(CaptureReadError) -> Story {
    try read(lines: InputLine.split(text), source: source)
  }

  private func read(lines: consuming [InputLine], source: String) throws(CaptureReadError) -> Story {
    var lines = lines
    var titleLike = 0
    let removed = BoilerplateFilter(rules: rules).blankBoilerplate(in: &lines, countingTitleLike: &titleLike)
    guard let segments = UpdateSegmenter(rules: rules).segment(lines, mostUpdates: titleLike + 1) else {
      // No text left: with nothing removed, there was none to begin with.
      throw removed.isEmpty ? .empty(source: source) : .noStory(source: source)
    }
    return Story(
      source: source, headline: segments.headline.text, headlineLine: segments.headline.number,
      standfirst: segments.standfirst?.text, standfirstLine: segments.standfirst?.number,
      updates: segments.updates, removed: removed)
  }

  /// Reads the capture at `path` (`-` for standard input).
  public func read(path: String) throws(CaptureReadError) -> Story {
    let bytes = try CaptureFile.bytes(atPath: path, limit: Self.largestCapture)
    return try read(bytes: bytes, source: path)
  }

  /// The built-in sample story.
  public func readSample() -> Story {
    let bytes = BundledResource.bytes("sample-story.txt").map(Array.init) ?? []
    return (try? read(bytes: bytes, source: Self.sampleSource))
      ?? Story(source: Self.sampleSource, headline: "(the built-in sample is missing)")
  }
}
