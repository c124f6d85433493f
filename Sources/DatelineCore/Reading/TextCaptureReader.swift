import Foundation

/// Reads a plain-text capture of a live-blog page (one paragraph per line) into a `Story`.
public struct TextCaptureReader: Sendable {
  public static let sampleSource = "(sample)"

  public init() {}

  /// Reads the capture in `bytes`; `source` names it in the story and in errors.
  public func read(bytes: [UInt8], source: String) throws(CaptureReadError) -> Story {
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let headline = lines.first else { throw .empty(source: source) }
    let paragraphs = lines.dropFirst(2).enumerated().map { Paragraph(line: $0.offset + 3, text: $0.element) }
    return Story(
      source: source, headline: headline, standfirst: lines.count > 1 ? lines[1] : nil,
      standfirstLine: lines.count > 1 ? 2 : nil,
      updates: [Update(title: nil, line: 3, paragraphs: paragraphs)])
  }

  /// Reads the capture at `path`.
  public func read(path: String) throws(CaptureReadError) -> Story {
    guard let data = FileManager.default.contents(atPath: path) else { throw .fileNotFound(path: path) }
    return try read(bytes: [UInt8](data), source: path)
  }

  /// The built-in sample story.
  public func readSample() -> Story {
    let bytes = BundledResource.bytes("sample-story.txt").map(Array.init) ?? []
    return (try? read(bytes: bytes, source: Self.sampleSource))
      ?? Story(source: Self.sampleSource, headline: "(the built-in sample is missing)")
  }
}
