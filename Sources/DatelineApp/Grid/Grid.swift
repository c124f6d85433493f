/// A rectangle of cells that views draw into; a backend copies it to the terminal (ratatui's `Buffer`).
public struct Grid: Sendable, Equatable, CustomStringConvertible {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]
  /// What the terminal can show: text written with `put` is shaped for it (see `GlyphRepertoire`).
  public var repertoire: GlyphRepertoire = .unicode
  /// Rectangles whose rows may move up or down together between frames (the update pane's text): a backend
  /// can move them with the terminal's scrolling instead of sending every cell again.
  public var scrollAreas: [Rect] = []

  /// A blank grid; negative sizes count as zero.
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  /// The cell at column `x`, row `y` (blank when outside the grid).
  public subscript(x: Int, y: Int) -> Cell {
    get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
    set { if contains(x: x, y: y) { cells[y * width + x] = newValue } }
  }

  public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

  /// Fills a rectangle with `cell`.
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with cell: Cell = .blank) {
    let rows = max(0, y)..<max(max(0, y), min(height, y + h))
    let columns = max(0, x)..<max(max(0, x), min(width, x + w))
    for row in rows {
      for column in columns { cells[row * width + column] = cell }
    }
  }

  /// Writes `glyph` at (x, y) if it fits before `limit` (exclusive); returns the column after it.
  ///
  /// A wide glyph that would straddle `limit` is replaced by a space so no half character is left.
  @discardableResult
  public mutating func put(_ glyph: Glyph, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
    let end = min(limit ?? width, width)
    guard y >= 0, y < height, x >= 0, x < end else { return x }
    let glyph = repertoire.shape(glyph)
    let w = Int(glyph.width)
    if w > 1, glyph.text.utf8.count == w, glyph.text.utf8.allSatisfy({ $0 < 0x80 }) {
      // A transliteration ("..." for "…", "??" for a wide character): one cell a character.
      var column = x
      for byte in glyph.text.utf8 where column < end {
        column = put(Glyph(text: String(UnicodeScalar(byte)), width: 1), x: column, y: y, style: style, limit: end)
      }
      return column
    }
    if x + w > end {
      for column in x..<end { self[column, y] = Cell(" ", width: 1, style: style) }
      return end
    }
    clearWideOverlap(x: x, y: y)
    self[x, y] = Cell(glyph.text, width: glyph.width, style: style)
    if w == 2 {
      clearWideOverlap(x: x + 1, y: y)
      self[x + 1, y] = .continuation(style)
    }
    return x + w
  }

  /// Writes a plain string (sanitised and measured by display width), clipped at `limit`; returns the next column.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
    var column = x
    for glyph in GlyphScanner.glyphs(of: text, repertoire: repertoire) {
      let w = glyph.isTab ? 1 : Int(glyph.width)
      if column + w > min(limit ?? width, width) { break }
      column = put(glyph.isTab ? Glyph.space : glyph, x: column, y: y, style: style, limit: limit)
    }
    return column
  }

  /// Writes `text`, ending with "…" when it does not fit before `limit`.
  @discardableResult
  public mutating func putTruncated(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int) -> Int {
    let glyphs = GlyphScanner.glyphs(of: text, repertoire: repertoire).map { $0.isTab ? Glyph.space : $0 }
    let total = glyphs.reduce(0) { $0 + Int($1.width) }
    let end = min(limit, width)
    let ellipsis = repertoire.shape(Glyph.ellipsis)
    if x + total <= end {
      var column = x
      for glyph in glyphs { column = put(glyph, x: column, y: y, style: style, limit: end) }
      return column
    }
    var column = x
    for glyph in glyphs {
      if column + Int(glyph.width) > end - Int(ellipsis.width) { break }
      column = put(glyph, x: column, y: y, style: style, limit: end)
    }
    if column < end { column = put(ellipsis, x: column, y: y, style: style, limit: end) }
    return column
  }

  /// Sets the style of every cell in a row range, keeping the text.
  public mutating func restyle(y: Int, from x: Int, to end: Int, _ style: Style) {
    guard y >= 0, y < height else { return }
    for column in max(0, x)..<max(max(0, x), min(width, end)) { cells[y * width + column].style = style }
  }

  /// When a write lands on half of a wide character, blank the other half so no stray half remains.
  private mutating func clearWideOverlap(x: Int, y: Int) {
    let cell = self[x, y]
    if cell.isContinuation, x > 0, self[x - 1, y].width == 2 {
      self[x - 1, y] = Cell(" ", width: 1, style: self[x - 1, y].style)
    } else if cell.width == 2, x + 1 < width {
      self[x + 1, y] = Cell(" ", width: 1, style: cell.style)
    }
  }

  /// Row `y` as text (continuation cells add nothing), trailing spaces kept.
  public func row(_ y: Int) -> String {
    guard y >= 0, y < height else { return "" }
    var line = ""
    for x in 0..<width { line += self[x, y].text }
    return line
  }

  /// Row `y`'s style codes, one per column (see `Style.code`; only the role letter, `R` appended for reverse).
  public func styleRow(_ y: Int) -> [Style] { (0..<width).map { self[$0, y].style } }

  /// The rows as text with trailing spaces trimmed, one per line.
  public var description: String {
    (0..<height).map { row($0).trimmingTrailingSpaces() }.joined(separator: "\n")
  }

  /// The cells that differ from `previous` (all of them when the size changed), row by row.
  public func diff(from previous: Grid?) -> [(x: Int, y: Int, cell: Cell)] {
    var changes: [(x: Int, y: Int, cell: Cell)] = []
    guard let previous, previous.width == width, previous.height == height else {
      for y in 0..<height { for x in 0..<width { changes.append((x, y, cells[y * width + x])) } }
      return changes
    }
    for index in cells.indices where cells[index] != previous.cells[index] {
      changes.append((index % width, index / width, cells[index]))
    }
    return changes
  }
}

extension String {
  /// The string without trailing spaces.
  func trimmingTrailingSpaces() -> String {
    var end = endIndex
    while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
    return String(self[startIndex..<end])
  }
}
