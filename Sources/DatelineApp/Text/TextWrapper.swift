/// One wrapped line: a range of glyphs of the source text and where each lands.
public struct WrappedLine: Sendable, Hashable {
  /// Scalar offset in the source of the first glyph on the line.
  public var scalarStart: Int
  /// Scalar offset just past the last glyph on the line.
  public var scalarEnd: Int
  /// The same range in UTF-8 bytes of the source.
  public var utf8Start: Int
  public var utf8End: Int

  public init(scalarStart: Int, scalarEnd: Int, utf8Start: Int = 0, utf8End: Int = 0) {
    self.scalarStart = scalarStart
    self.scalarEnd = scalarEnd
    self.utf8Start = utf8Start
    self.utf8End = utf8End
  }

  /// An empty line (a blank row, a decoration).
  public static let empty = WrappedLine(scalarStart: 0, scalarEnd: 0)
}

/// Breaks text into lines no wider than a given number of columns, by display width.
///
/// Lines break at spaces; a word longer than the width is cut between graphemes; a wide character never
/// straddles the edge; tabs expand to the next multiple of `tabSize` columns; leading spaces of a continuation
/// line are dropped.
public enum TextWrapper {
  public static let tabSize = 4

  /// The lines of `text` wrapped to `width` columns (at least one line, possibly empty). The text is scanned
  /// once and never held as glyphs, so a paragraph of megabytes costs one line of glyphs in memory.
  public static func wrap(_ text: String, width: Int, repertoire: GlyphRepertoire = .unicode) -> [WrappedLine] {
    if let lines = wrapPrintableASCII(text, width: width) { return lines }
    var breaker = LineBreaker<Glyph>(width: width)
    GlyphScanner.forEachGlyph(in: text[...], repertoire: repertoire) { breaker.add($0) }
    return breaker.finish()
  }

  /// `wrap` for text of printable ASCII alone (most paragraphs of English news), nil for any other text. There
  /// every byte is one glyph of one column, so the same breaking runs on byte positions without making a glyph
  /// (and its string) per character. `ASCIIWrapTests` checks it against the glyph path.
  static func wrapPrintableASCII(_ text: String, width: Int) -> [WrappedLine]? {
    var text = text
    return text.withUTF8 { bytes -> [WrappedLine]? in
      for byte in bytes where byte < 0x20 || byte > 0x7E { return nil }
      var breaker = LineBreaker<ASCIIGlyph>(width: width)
      for (offset, byte) in bytes.enumerated() { breaker.add(ASCIIGlyph(offset: offset, isSpace: byte == 0x20)) }
      return breaker.finish()
    }
  }

  /// The lines of pre-scanned glyphs wrapped to `width` columns.
  public static func wrap(glyphs: [Glyph], width: Int) -> [WrappedLine] {
    var breaker = LineBreaker<Glyph>(width: width)
    for glyph in glyphs { breaker.add(glyph) }
    return breaker.finish()
  }

  /// The glyphs of one wrapped line of `text`, scanned from that line's bytes alone.
  public static func glyphs(of text: String, line: WrappedLine, repertoire: GlyphRepertoire = .unicode) -> [Glyph] {
    let utf8 = text.utf8
    guard line.utf8End > line.utf8Start, line.utf8Start >= 0, line.utf8End <= utf8.count else { return [] }
    let start = utf8.index(utf8.startIndex, offsetBy: line.utf8Start)
    let end = utf8.index(utf8.startIndex, offsetBy: line.utf8End)
    var glyphs: [Glyph] = []
    GlyphScanner.forEachGlyph(
      in: text[start..<end], scalarBase: line.scalarStart, utf8Base: line.utf8Start, repertoire: repertoire
    ) {
      glyphs.append($0)
    }
    return glyphs
  }

  /// Places the glyphs of one wrapped line: each glyph with its column and drawn width (tabs expanded).
  /// `glyphs` may be the whole text's (sorted by offset) or the line's own.
  public static func place(_ glyphs: [Glyph], line: WrappedLine) -> [(glyph: Glyph, x: Int, width: Int)] {
    var low = 0
    var high = glyphs.count
    while low < high {
      let mid = (low + high) / 2
      if glyphs[mid].scalarStart < line.scalarStart { low = mid + 1 } else { high = mid }
    }
    var placed: [(glyph: Glyph, x: Int, width: Int)] = []
    var column = 0
    for glyph in glyphs[low...] {
      guard glyph.scalarStart < line.scalarEnd else { break }
      let w = glyph.isTab ? tabSize - column % tabSize : Int(glyph.width)
      placed.append((glyph, column, w))
      column += w
    }
    return placed
  }
}

/// What line breaking needs of a glyph.
protocol BreakableGlyph {
  var width: UInt8 { get }
  var scalarStart: Int { get }
  var scalarLength: Int { get }
  var utf8Start: Int { get }
  var utf8Length: Int { get }
  var isSpace: Bool { get }
  var isTab: Bool { get }
}

extension Glyph: BreakableGlyph {}

/// One byte of printable ASCII as line breaking sees it: one column, one scalar, one byte.
struct ASCIIGlyph: BreakableGlyph {
  let offset: Int
  let isSpace: Bool
  var width: UInt8 { 1 }
  var scalarStart: Int { offset }
  var scalarLength: Int { 1 }
  var utf8Start: Int { offset }
  var utf8Length: Int { 1 }
  var isTab: Bool { false }
}

/// The greedy line breaking of `TextWrapper`, fed one glyph at a time. It keeps only the glyphs of the line being
/// filled: breaking at its last space re-feeds the glyphs after that space.
struct LineBreaker<G: BreakableGlyph> {
  let width: Int
  private(set) var lines: [WrappedLine] = []
  private var line: [G] = []
  private var column = 0
  /// Index in `line` of its last space.
  private var lastBreak: Int?

  init(width: Int) { self.width = max(1, width) }

  mutating func add(_ glyph: G) {
    guard var pending = step(glyph) else { return }
    var index = 0
    while index < pending.count {
      if let again = step(pending[index]) {
        pending = again + pending[(index + 1)...]
        index = 0
      } else {
        index += 1
      }
    }
  }

  /// The lines, once every glyph has been added.
  mutating func finish() -> [WrappedLine] {
    if !line.isEmpty || lines.isEmpty { emit(line[...]) }
    line = []
    return lines
  }

  /// Takes one glyph; returns the glyphs to take again when the line was broken before them.
  private mutating func step(_ glyph: G) -> [G]? {
    if column == 0, glyph.isSpace, !lines.isEmpty, line.isEmpty { return nil }  // a continuation's leading space
    let w = glyph.isTab ? TextWrapper.tabSize - column % TextWrapper.tabSize : Int(glyph.width)
    guard column + w > width else {
      if glyph.isSpace { lastBreak = line.count }
      line.append(glyph)
      column += w
      return nil
    }
    defer {
      column = 0
      lastBreak = nil
    }
    if glyph.isSpace {
      emit(line[...], at: glyph)
      line = []
      return nil
    }
    if let breakAt = lastBreak, breakAt > 0 {
      emit(line[..<breakAt])
      let again = Array(line[(breakAt + 1)...]) + [glyph]
      line = []
      return again
    }
    if !line.isEmpty {
      emit(line[...])  // a word longer than the line: cut it
      line = []
      return [glyph]
    }
    emit([glyph][...])  // a glyph wider than the whole line
    return nil
  }

  /// Adds a line of `glyphs`; an empty one sits at `position` (or at offset 0).
  private mutating func emit(_ glyphs: ArraySlice<G>, at position: G? = nil) {
    guard let first = glyphs.first, let last = glyphs.last else {
      let scalar = position?.scalarStart ?? 0
      let utf8 = position?.utf8Start ?? 0
      lines.append(WrappedLine(scalarStart: scalar, scalarEnd: scalar, utf8Start: utf8, utf8End: utf8))
      return
    }
    lines.append(
      WrappedLine(
        scalarStart: first.scalarStart, scalarEnd: last.scalarStart + last.scalarLength, utf8Start: first.utf8Start,
        utf8End: last.utf8Start + last.utf8Length))
  }
}
