import Foundation

/// Reads a plain-text capture of a live-blog page (one paragraph per line) into a `Story`: decodes it, strips
/// site boilerplate by the rules, and segments the rest into a headline, a standfirst and updates.
public struct TextCaptureReader: Sendable {
  public static let sampleSource = "(sample)"
  /// Captures are web pages: anything past this is not one.
  public static let largestCapture = 512 * 1024 * 1024
  /// Lines are made, filtered and segmented this many bytes of input at a time.
  static let chunkBytes = 256 * 1024
  /// Captures at least this large are read in two parts at once, cut at a `CaptureSeam` near the middle: a
  /// machine has at least two cores.
  static let parallelBytes = 4 * 1024 * 1024

  public var rules: BoilerplateRules

  public init(rules: BoilerplateRules = .bundled) { self.rules = rules }

  /// Reads the capture in `bytes`; `source` names it in the story and in errors.
  public func read(bytes: [UInt8], source: String) throws(CaptureReadError) -> Story {
    try read(bytes: bytes, source: source, chunkBytes: Self.chunkBytes, parallelBytes: Self.parallelBytes)
  }

  /// Reads a capture already decoded to text.
  public func read(text: String, source: String) throws(CaptureReadError) -> Story {
    try read(text: text, source: source, chunkBytes: Self.chunkBytes, parallelBytes: Self.parallelBytes)
  }

  /// `read(bytes:source:)` with the sizes that decide how the work is cut up (tests make them small).
  func read(bytes: [UInt8], source: String, chunkBytes: Int, parallelBytes: Int) throws(CaptureReadError) -> Story {
    // Valid UTF-8 (the usual case) is read straight from the bytes, never copied into one string.
    if let body = try CaptureDecoder.utf8Body(bytes, source: source),
      let parts = body.withUnsafeBufferPointer({ bytes in
        self.parts(of: bytes, validating: true, chunkBytes: chunkBytes, parallelBytes: parallelBytes)
      })
    {
      return try story(from: parts, source: source)
    }
    let text = try CaptureDecoder.decode(bytes, source: source)
    return try read(text: text, source: source, chunkBytes: chunkBytes, parallelBytes: parallelBytes)
  }

  /// `read(text:source:)` with the sizes that decide how the work is cut up.
  func read(text: String, source: String, chunkBytes: Int, parallelBytes: Int) throws(CaptureReadError) -> Story {
    var text = text
    text.makeContiguousUTF8()
    // Not validating, reading the bytes cannot fail; and a contiguous string always lends its storage.
    let parts = text.utf8.withContiguousStorageIfAvailable { bytes in
      self.parts(of: bytes, validating: false, chunkBytes: chunkBytes, parallelBytes: parallelBytes)
    } ?? nil
    return try story(from: parts ?? [], source: source)
  }

  /// Reads UTF-8 bytes in one part, or in two at once when they are large and have a seam. Nil when
  /// `validating` and a line is not valid UTF-8.
  private func parts(
    of bytes: UnsafeBufferPointer<UInt8>, validating: Bool, chunkBytes: Int, parallelBytes: Int
  ) -> [ChunkedReader.Part]? {
    if bytes.count >= parallelBytes,
      let seam = CaptureSeam(in: bytes, after: bytes.count / 2, rules: rules, validating: validating)
    {
      return parts(of: bytes, cutAt: seam.offset, validating: validating, chunkBytes: chunkBytes)
    }
    let whole = LineSplitter(bytes, validating: validating)
    return ChunkedReader.read(whole, rules: rules, startsStory: true, chunkBytes: chunkBytes).map { [$0] }
  }

  /// Reads the bytes before and from `seam` (a `CaptureSeam`'s offset) at once, on two threads.
  func parts(
    of bytes: UnsafeBufferPointer<UInt8>, cutAt seam: Int, validating: Bool, chunkBytes: Int
  ) -> [ChunkedReader.Part]? {
    let halves = ParallelHalves {
      let splitter = LineSplitter(UnsafeBufferPointer(rebasing: bytes[..<seam]), validating: validating)
      var part = ChunkedReader.read(splitter, rules: rules, startsStory: true, chunkBytes: chunkBytes)
      part?.makeRoom(forPartOf: bytes.count - seam, after: seam)
      return part
    } second: {
      let linesBefore = LineSplitter.lineEndCount(UnsafeBufferPointer(rebasing: bytes[..<seam]))
      let splitter = LineSplitter(UnsafeBufferPointer(rebasing: bytes[seam...]), firstNumber: linesBefore + 1, validating: validating)
      return ChunkedReader.read(splitter, rules: rules, startsStory: false, chunkBytes: chunkBytes)
    }
    guard let first = halves.first, let second = halves.second else { return nil }
    return [first, second]
  }

  /// Joins the parts read into one story.
  func story(from parts: consuming [ChunkedReader.Part], source: String) throws(CaptureReadError) -> Story {
    guard let opening = parts.first?.opening else {
      // No text left: with nothing removed, there was none to begin with.
      throw (parts.first?.removed.isEmpty ?? true) ? .empty(source: source) : .noStory(source: source)
    }
    // Each part's arrays are taken out of it, so that appending to the first part's grows it in place rather
    // than copying it (a large capture has hundreds of thousands of updates).
    var updates: [Update] = []
    var idHashes: [UInt64] = []
    var removed: [RemovedText] = []
    for index in parts.indices {
      var continued: [Update] = []
      swap(&continued, &parts[index].updates)
      // The update opened at the seam takes a time left pending before it, as one walk would have given it.
      if index > 0, let time = parts[index - 1].pendingTime, !continued.isEmpty {
        continued[0].time = time.text
        continued[0].timeLine = time.line
      }
      if updates.isEmpty {
        swap(&updates, &continued)
      } else {
        updates.reserveCapacity(updates.count + continued.count)
        updates.append(contentsOf: continued)
      }
      idHashes += parts[index].idHashes
      removed += parts[index].removed
    }
    return Story(
      source: source, headline: opening.headline.text, headlineLine: opening.headline.number,
      standfirst: opening.standfirst?.text, standfirstLine: opening.standfirst?.number,
      updates: UpdateBuilder.numberRepeatedIDs(updates, idHashes: idHashes), removed: removed)
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
