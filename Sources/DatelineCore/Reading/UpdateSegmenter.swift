/// Splits the body lines of a capture (boilerplate already removed) into a headline, a standfirst and updates.
///
/// A plain-text capture has lost the page's markup, so each line is judged by its form and its neighbours:
/// - A post title is short and ends without sentence punctuation (`LineShape.isTitleLike`), and a post has
///   text after it: a title-like line followed by a paragraph opens an update.
/// - A related-story card sits inside a post: after a lead-in ("Read more:", a byline ending in ':'), as a line
///   that repeats or shortens the post's own title, or as a title followed by an unpunctuated summary and then
///   no paragraph. Cards never open updates.
/// - Picture and video posts ("In pictures: …", by the label rules) open an update even with no text.
/// - A title-like line followed by another title-like line that opens a post is a post with no text of its own
///   (its body was an embed the capture could not keep).
/// - A line that continues an open quotation, starts in lower case, is long, or ends like a sentence is text.
public struct UpdateSegmenter: Sendable {
  /// A standfirst is one or two sentences; a longer second line is the story's first paragraph.
  static let longestStandfirstWords = 60
  /// A card summary is one sentence; longer unpunctuated text is a paragraph.
  static let longestSummaryWords = 45

  public var rules: BoilerplateRules

  public init(rules: BoilerplateRules) { self.rules = rules }

  public struct Segments: Sendable {
    public var headline: InputLine
    public var standfirst: InputLine?
    public var updates: [Update]
  }

  /// Segments `lines`, skipping blank ones (blank in the input, or blanked boilerplate); nil when no line has
  /// text.
  public func segment(_ lines: [InputLine]) -> Segments? {
    guard let opening = opening(of: lines, before: lines.count, isComplete: true) else { return nil }
    var builder = UpdateBuilder()
    walk(lines, from: opening.bodyStart, to: lines.count, into: &builder)
    return Segments(headline: opening.headline, standfirst: opening.standfirst, updates: builder.finish())
  }

  /// The story's headline (the first line with text), its standfirst (the next, when short enough) and the index
  /// where the body starts, from `lines[..<end]`. Nil when those lines hold no text, or, unless `isComplete`
  /// (more lines may follow), not yet two lines of it.
  func opening(of lines: [InputLine], before end: Int, isComplete: Bool)
    -> (headline: InputLine, standfirst: InputLine?, bodyStart: Int)?
  {
    guard let first = Self.nextText(in: lines, from: 0, before: end) else { return nil }
    guard let second = Self.nextText(in: lines, from: first + 1, before: end) else {
      return isComplete ? (lines[first], nil, first + 1) : nil
    }
    if lines[second].shape.wordCount <= Self.longestStandfirstWords {
      return (lines[first], lines[second], second + 1)
    }
    return (lines[first], nil, first + 1)
  }

  /// A line as the segmenter sees it.
  typealias Classified = InputLine

  /// Walks the lines from `start` while it is before `end`, looking ahead past `end` where a rule needs the next
  /// two lines with text (which must be settled). Returns where the walk stopped: a rule that takes a card's
  /// summary with its title may carry it a line past `end`.
  @discardableResult
  func walk(_ lines: [Classified], from start: Int, to end: Int, into builder: inout UpdateBuilder) -> Int {
    var index = start
    var lineWords: [UInt64] = []  // scratch, reused for every title-like line
    while index < end {
      // Most lines are plain text: settle them from their shape alone, before copying the line or looking at
      // any neighbour.
      let shape = lines[index].shape
      if shape.start.count == 0 {
        index += 1  // blank, or blanked boilerplate
        continue
      }
      let mayBeLabel = rules.mayBeLabel(shape.start)
      if !lines[index].followsCardIntro && !shape.isTitleLike && !TimeStamp.mayBe(shape) && !mayBeLabel {
        builder.addParagraph(lines[index])
        index += 1
        continue
      }
      let current = lines[index]
      let nextIndex = Self.nextText(in: lines, from: index + 1)
      let next = nextIndex.map { lines[$0] }
      let afterNextIndex = nextIndex.flatMap { Self.nextText(in: lines, from: $0 + 1) }
      let afterNext = afterNextIndex.map { lines[$0].shape }  // only its shape is looked at
      // Where the line after `current` (and the one after that) are: blank lines in between are skipped.
      let afterCurrent = nextIndex.map { $0 + 1 } ?? lines.count

      if TimeStamp.mayBe(current.shape), let next, next.isTitleLike, let time = TimeStamp.parse(current.text) {
        builder.pendingTime = (time, current.number)
        index += 1
        continue
      }

      // A lead-in announced a card: this line is its title; the next is its summary unless it opens a post.
      if current.followsCardIntro && current.shape.wordCount <= LineShape.longestTitleWords * 2 {
        let takesSummary = next.map { isSummary($0, after: afterNext, announced: true) } ?? false
        builder.addCard(title: current, summary: takesSummary ? next : nil)
        index = takesSummary ? afterCurrent : index + 1
        continue
      }

      let postKind = mayBeLabel && current.shape.wordCount <= LineShape.longestTitleWords * 2
        ? rules.postKind(ofTitle: current.text) : .text
      if postKind != .text {
        builder.open(title: current, kind: postKind)
        index += 1
        continue
      }

      guard current.isTitleLike else {
        builder.addParagraph(current)
        index += 1
        continue
      }

      // A line that repeats or shortens the post's own title is a link to the full story, unless text follows
      // it, in which case it is a new post with a similar title.
      let keyHash = TextFingerprint.wordHashes(current.text, into: &lineWords)
      if builder.hasTitle, TitleSimilarity.isRepeat(lineWords, of: builder.currentTitleWords),
        !(next.map { $0.isParagraphLike && $0.shape.endsWithPeriod } ?? false)
      {
        let takesSummary = next.map { isSummary($0, after: afterNext, announced: false) } ?? false
        builder.addCard(title: current, summary: takesSummary ? next : nil)
        index = takesSummary ? afterCurrent : index + 1
        continue
      }

      // A title followed by an unpunctuated summary and then no paragraph is a card, not a post.
      if let next, !builder.isEmpty, next.shape.isUnpunctuated, !next.shape.startsWithQuote,
        !next.shape.leavesQuoteOpen, next.shape.wordCount <= Self.longestSummaryWords,
        !(rules.mayBeLabel(next.shape.start) && rules.postKind(ofTitle: next.text) != .text),
        !(afterNext.map { !$0.isTitleLike } ?? false)
      {
        builder.addCard(title: current, summary: next)
        index = afterCurrent
        continue
      }

      builder.open(title: current, kind: .text, words: &lineWords, keyHash: keyHash)
      index += 1
    }
    return index
  }

  /// The index of the first line at or after `start` (and before `end`, if given) that has text.
  static func nextText(in lines: [InputLine], from start: Int, before end: Int? = nil) -> Int? {
    var index = start
    let end = end ?? lines.count
    while index < end {
      if lines[index].shape.start.count > 0 { return index }
      index += 1
    }
    return nil
  }

  /// Whether `candidate` is the summary of the card just read. A summary has no final full stop and is not
  /// itself a title that opens a post. After an announced card (a lead-in) a short summary is expected; after a
  /// bare link a title-like line is more likely the next post's title, so only a line too long for a title is
  /// taken as its summary.
  private func isSummary(_ candidate: Classified, after following: LineShape?, announced: Bool) -> Bool {
    let shape = candidate.shape
    guard shape.isUnpunctuated, !shape.startsWithQuote, !shape.leavesQuoteOpen,
      shape.wordCount <= Self.longestSummaryWords, !candidate.followsCardIntro,
      rules.postKind(ofTitle: candidate.text) == .text
    else { return false }
    if candidate.isTitleLike, let following, !following.isTitleLike { return false }
    return announced || !candidate.isTitleLike
  }

}
