/// One wrapped line: a range of glyphs of the source text and where each lands.
public struct WrappedLine: Sendable, Hashable {
  /// Scalar offset in the source of the first glyph on the line.
  public var scalarStart: Int
  /// Scalar offset just past the last glyph on the line.
  public var scalarEnd: Int
}

/// Breaks text into lines no wider than a given number of columns, by display width.
///
/// Lines break at spaces; a word longer than the width is cut between graphemes; a wide character never
/// straddles the edge; tabs expand to the next multiple of `tabSize` columns; leading spaces of a continuation
/// line are dropped.
public enum TextWrapper {
  public static let tabSize = 4

  /// The lines of `text` wrapped to `width` columns (at least one line, possibly empty).
  public static func wrap(_ text: String, width: Int) -> [WrappedLine] {
    wrap(glyphs: GlyphScanner.glyphs(of: text), width: width)
  }

  /// The lines of pre-scanned glyphs wrapped to `width` columns.
  public static func wrap(glyphs: [Glyph], width: Int) -> [WrappedLine] {
    let width = max(1, width)
    guard !glyphs.isEmpty else { return [WrappedLine(scalarStart: 0, scalarEnd: 0)] }
    var lines: [WrappedLine] = []
    var lineStart = 0  // glyph index
    var column = 0
    var lastBreak: Int? = nil  // glyph index of the last space on the line
    var index = 0
    func end(of i: Int) -> Int { glyphs[i].scalarStart + glyphs[i].scalarLength }
    func emit(from start: Int, to stop: Int) {  // glyphs start..<stop
      if stop > start {
        lines.append(WrappedLine(scalarStart: glyphs[start].scalarStart, scalarEnd: end(of: stop - 1)))
      } else {
        lines.append(WrappedLine(scalarStart: glyphs[min(start, glyphs.count - 1)].scalarStart,
                                 scalarEnd: glyphs[min(start, glyphs.count - 1)].scalarStart))
      }
    }
    while index < glyphs.count {
      let glyph = glyphs[index]
      if column == 0, glyph.isSpace, !lines.isEmpty, index == lineStart {
        lineStart += 1  // drop leading spaces of a continuation line
        index += 1
        continue
      }
      let w = glyph.isTab ? tabSize - column % tabSize : Int(glyph.width)
      if column + w > width {
        if glyph.isSpace {
          emit(from: lineStart, to: index)
          index += 1
          lineStart = index
        } else if let breakAt = lastBreak, breakAt > lineStart {
          emit(from: lineStart, to: breakAt)
          index = breakAt + 1
          lineStart = index
        } else if index > lineStart {
          emit(from: lineStart, to: index)  // a word longer than the line: cut it
          lineStart = index
        } else {
          emit(from: index, to: index + 1)  // a glyph wider than the whole line
          index += 1
          lineStart = index
        }
        column = 0
        lastBreak = nil
        continue
      }
      if glyph.isSpace { lastBreak = index }
      column += w
      index += 1
    }
    if lineStart < glyphs.count || lines.isEmpty { emit(from: lineStart, to: glyphs.count) }
    return lines
  }

  /// Places the glyphs of one wrapped line: each glyph with its column and drawn width (tabs expanded).
  public static func place(_ glyphs: [Glyph], line: WrappedLine) -> [(glyph: Glyph, x: Int, width: Int)] {
    var placed: [(glyph: Glyph, x: Int, width: Int)] = []
    var column = 0
    for glyph in glyphs where glyph.scalarStart >= line.scalarStart && glyph.scalarStart < line.scalarEnd {
      let w = glyph.isTab ? tabSize - column % tabSize : Int(glyph.width)
      placed.append((glyph, column, w))
      column += w
    }
    return placed
  }
}
