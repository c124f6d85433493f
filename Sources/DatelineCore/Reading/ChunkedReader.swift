/// Reads a run of a capture's lines through the boilerplate filter and the segmenter a chunk at a time, so that
/// only about a chunk's lines exist at once, never every line of a large capture. A line that a rule reads
/// ahead from waits, with the few lines after it, for the next chunk (or the end) to bring what it reads.
struct ChunkedReader {
  /// What a run of lines gave. A capture read in two runs joins two parts (see `TextCaptureReader`).
  struct Part {
    /// Nil when the run does not start the story, or has no text.
    var opening: (headline: InputLine, standfirst: InputLine?)?
    /// Ids not yet made unique (`UpdateBuilder.numberRepeatedIDs` does that for all parts at once).
    var updates: [Update]
    /// The hashes the ids are made of, in the same order.
    var idHashes: [UInt64]
    var removed: [RemovedText]
    /// A time read above a title that did not open an update: it belongs to the next update opened.
    var pendingTime: (text: String, line: Int)?

    /// Makes room in `updates` for those of the part that follows, read from `followingBytes` of input: as many
    /// per byte as this part's `ownBytes` gave, and a tenth more. Appending them then grows the array in place
    /// rather than copying it while both parts are held (a large capture has hundreds of thousands of updates).
    mutating func makeRoom(forPartOf followingBytes: Int, after ownBytes: Int) {
      let perByte = Double(updates.count) / Double(max(ownBytes, 1))
      updates.reserveCapacity(updates.count + Int(perByte * Double(followingBytes) * 1.1))
    }
  }

  private let filter: BoilerplateFilter
  private let segmenter: UpdateSegmenter
  /// Lines read and not yet done with: blank input lines are left out (numbers still tell where lines are).
  private var lines: [InputLine] = []
  /// The filter has settled `lines[..<settled]`.
  private var settled = 0
  /// The segmenter's next line.
  private var walked = 0
  private var needsOpening: Bool
  private var opening: (headline: InputLine, standfirst: InputLine?)?
  private var builder = UpdateBuilder()
  private var removed: [RemovedText] = []

  /// `startsStory` is false for a run that continues a capture at a seam (`CaptureSeam`): it has no headline.
  init(rules: BoilerplateRules, startsStory: Bool) {
    filter = BoilerplateFilter(rules: rules)
    segmenter = UpdateSegmenter(rules: rules)
    needsOpening = startsStory
  }

  /// Reads every line `splitter` makes, about `chunkBytes` of input at a time. Nil when a line is not valid
  /// UTF-8 (with a validating splitter).
  static func read(_ splitter: LineSplitter, rules: BoilerplateRules, startsStory: Bool, chunkBytes: Int) -> Part? {
    var splitter = splitter
    var reader = ChunkedReader(rules: rules, startsStory: startsStory)
    repeat {
      guard splitter.appendLines(to: &reader.lines, byteCount: chunkBytes, keepingBlank: false) else { return nil }
      reader.advance(isComplete: splitter.isAtEnd)
    } while !splitter.isAtEnd
    let (updates, idHashes) = reader.builder.finishWithoutNumbering()
    return Part(
      opening: reader.opening, updates: updates, idHashes: idHashes, removed: reader.removed,
      pendingTime: reader.builder.pendingTime)
  }

  /// Filters and segments as far as the lines read so far allow, then lets go of the lines done with.
  private mutating func advance(isComplete: Bool) {
    settled = filter.blankBoilerplate(in: &lines, from: settled, isComplete: isComplete, into: &removed)
    if needsOpening {
      // Until the headline is found, nothing before it matters.
      walked = UpdateSegmenter.nextText(in: lines, from: walked, before: settled) ?? settled
      if let found = segmenter.opening(of: lines, before: settled, isComplete: isComplete) {
        opening = (found.headline, found.standfirst)
        walked = found.bodyStart
        needsOpening = false
      }
    }
    if !needsOpening {
      // The segmenter looks at the next two lines with text after a line: they must be settled.
      let end = isComplete ? settled : Self.secondLastText(in: lines, before: settled) ?? walked
      walked = segmenter.walk(lines, from: walked, to: end, into: &builder)
    }
    let done = min(walked, settled)
    lines.removeSubrange(..<done)
    walked -= done
    settled -= done
  }

  /// The index of the second-last line with text in `lines[..<end]`.
  private static func secondLastText(in lines: [InputLine], before end: Int) -> Int? {
    var index = end - 1
    var found = 0
    while index >= 0 {
      if !lines[index].isBlank {
        found += 1
        if found == 2 { return index }
      }
      index -= 1
    }
    return nil
  }
}
