/// Where a large capture can be cut in two so that both parts are read at once and, joined, give exactly the
/// story one reading gives: the start of a post title that opens an update whatever came before it, after
/// enough untouched lines that nothing before the cut reaches past it.
///
/// The conditions, on the lines as split (before filtering):
/// - The `BoilerplateFilter.longestBlock` lines before the title are all left alone by every rule, and at least
///   two of them have text. A block that starts earlier then ends earlier, and a card lead-in's title comes
///   earlier, so the filter reaches the title with nothing pending, as it does starting from it.
/// - The last line with text before the title, and the first after it, are finished paragraphs (not title-like,
///   ending with a full stop); the title is title-like and is not a label, a card title or a time; the line after
///   it is left alone by the rules too. Then the segmenter opens an update at the title whatever state it is in,
///   and before it never takes a line past the paragraph before it (nor needs to look past that paragraph).
///
/// The only state that crosses the cut is a time read above a title that turned out to be a card: it goes to
/// the update opened at the cut, which the joining code sees to.
struct CaptureSeam {
  /// The byte offset where the title's line starts.
  let offset: Int

  /// How many lines past the middle a seam is looked for: a live blog has a post title every few lines.
  static let searchLines = 20_000

  /// The first seam at or after `middle`, or nil when there is none close by (or a line is not valid UTF-8 when
  /// `validating`).
  init?(in bytes: UnsafeBufferPointer<UInt8>, after middle: Int, rules: BoilerplateRules, validating: Bool) {
    let filter = BoilerplateFilter(rules: rules)
    // Lines from the first whole one after `middle`: each with its offset and whether the rules leave it alone.
    var recent: [(line: InputLine, offset: Int, leftAlone: Bool)] = []
    let window = BoilerplateFilter.longestBlock
    guard let firstEnd = LineSplitter.nextLineEnd(bytes, from: middle) else { return nil }
    var position = Self.start(after: firstEnd, in: bytes)
    var scanned = 0
    while position < bytes.count && scanned < Self.searchLines {
      let end = LineSplitter.nextLineEnd(bytes, from: position) ?? bytes.count
      guard let line = InputLine.make(number: 0, bytes: UnsafeBufferPointer(rebasing: bytes[position..<end]), validating: validating)
      else { return nil }
      recent.append((line, position, filter.leavesAlone(line)))
      if !line.isBlank, let seam = Self.seam(before: recent, window: window, rules: rules) {
        self.offset = seam
        return
      }
      if recent.count > 4 * window { recent.removeFirst(recent.count - window - 2) }
      position = end < bytes.count ? Self.start(after: end, in: bytes) : bytes.count
      scanned += 1
    }
    return nil
  }

  /// Where the line after the line end at `end` starts (CRLF is one line end).
  private static func start(after end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    end + (bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? 2 : 1)
  }

  /// The offset of the title when `recent` ends with a seam's title, the blank lines after it and the paragraph
  /// that follows (the last entry, which has text).
  private static func seam(before recent: [(line: InputLine, offset: Int, leftAlone: Bool)], window: Int, rules: BoilerplateRules) -> Int? {
    let next = recent[recent.count - 1]
    guard next.leftAlone, !next.line.isTitleLike, next.line.shape.endsWithPeriod else { return nil }
    var titleIndex = recent.count - 2
    while titleIndex >= 0 && recent[titleIndex].line.isBlank { titleIndex -= 1 }
    guard titleIndex >= window else { return nil }
    let title = recent[titleIndex]
    guard title.leftAlone, title.line.isTitleLike, !rules.mayBeLabel(title.line.shape.start),
      !TimeStamp.mayBe(title.line.shape)
    else { return nil }
    let before = recent[(titleIndex - window)..<titleIndex]
    guard before.allSatisfy(\.leftAlone), before.filter({ !$0.line.isBlank }).count >= 2,
      let previous = before.last(where: { !$0.line.isBlank })?.line, !previous.isTitleLike,
      previous.shape.endsWithPeriod, !TimeStamp.mayBe(previous.shape), !rules.mayBeLabel(previous.shape.start)
    else { return nil }
    return title.offset
  }
}
