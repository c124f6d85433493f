import DatelineApp

/// Turns each new frame into the fewest bytes it can for an ECMA-48 terminal (the xterm, tmux/screen, linux,
/// rxvt and VT100 families), from what it knows is on the screen:
///
/// - one SGR sequence per change of style (`ESC [ 1 ; 36 m`), never a reset and re-apply per cell; a reset only
///   when an attribute has to go, folded into the same sequence;
/// - rows of a scroll area (the update pane) that moved are moved by the terminal (a scroll region, and left and
///   right margins where the terminal has them), and only the rows that came into view are sent;
/// - lines in the terminal's line-drawing set (one byte each), repeated characters with `rep` where it exists,
///   the end of a row with one erase;
/// - small gaps in a row are written over rather than jumped.
///
/// Pure: bytes out, nothing written; `CursesTerminal` sends them.
public struct AnsiRenderer: Sendable {
  public var traits: TerminalTraits
  /// What the terminal shows, as far as this renderer wrote it.
  private var screen: Grid?
  private var pen = Pen.normal
  private var lineMode = false
  /// The scroll region set on the terminal: rows (1-based, inclusive), nil for the whole screen. Kept between
  /// frames so the next one-line scroll is a line feed; `leave()` and a full redraw put it back, and
  /// `forgetScrollRegion()` is called when something else may have changed it (a suspend).
  private var region: (top: Int, bottom: Int)?
  private var regionKnown = true
  /// Where the cursor is, or nil when unknown (after the last column, where terminals differ).
  private var cursor: (x: Int, y: Int)?
  private var out: [UInt8] = []

  public init(traits: TerminalTraits) { self.traits = traits }

  /// Where the cursor was left by the last frame, when known.
  public var cursorPosition: (x: Int, y: Int)? { cursor }

  /// The bytes that turn the screen into `grid` (cleared first when `full`, the size changed or nothing is known).
  public mutating func frame(_ grid: Grid, full: Bool) -> [UInt8] {
    out.removeAll(keepingCapacity: true)
    if full || screen?.width != grid.width || screen?.height != grid.height {
      setPen(.normal)
      resetRegion()
      emit("\u{1B}[H\u{1B}[2J")
      cursor = (0, 0)
      var blank = Grid(width: grid.width, height: grid.height)
      blank.repertoire = grid.repertoire
      screen = blank
    } else {
      for area in grid.scrollAreas { scroll(area, to: grid) }
    }
    for y in 0..<grid.height { drawRow(y, of: grid) }
    setPen(.normal)
    setLineMode(false)
    screen = grid
    return out
  }

  // MARK: Scrolling

  /// When the rows of `area` moved by some lines since the last frame, moves them on the terminal and in
  /// `screen` (a full-width area with a scroll region; a narrower one only with left/right margins).
  private mutating func scroll(_ area: Rect, to grid: Grid) {
    guard var old = screen, area.height > 2, area.x >= 0, area.maxX <= grid.width, area.y >= 0,
      area.maxY <= grid.height
    else { return }
    let fullWidth = area.x == 0 && area.width == grid.width
    guard fullWidth || traits.hasLeftRightMargins else { return }
    guard let shift = Self.shift(in: area, from: old, to: grid) else { return }
    if pen.reverse { setPen(.normal) }  // the rows scrolled in take the current look on some terminals
    setLineMode(false)
    let top = area.y + 1
    let bottom = area.maxY
    let count = abs(shift)
    if fullWidth {
      // A line feed at the bottom of the region (or a reverse index at its top): the cursor is then at the start
      // of the row that came into view, where the drawing goes on.
      if !regionKnown || region?.top != top || region?.bottom != bottom {
        emit("\u{1B}[\(top);\(bottom)r")
        region = (top, bottom)
        regionKnown = true
        cursor = (0, 0)
      }
      let row = shift > 0 ? bottom - 1 : top - 1
      if count > 4 && traits.hasScrollCommands {
        emit("\u{1B}[\(count)" + (shift > 0 ? "S" : "T"))
      } else {
        if cursor?.y != row { emit("\u{1B}[\(row + 1)H") }
        for _ in 0..<count { emit(shift > 0 ? "\r\n" : "\r\u{1B}M") }
      }
      cursor = count > 4 && traits.hasScrollCommands ? cursor : (0, row)
    } else {
      resetRegion()
      emit("\u{1B}[?69h\u{1B}[\(top);\(bottom)r\u{1B}[\(area.x + 1);\(area.maxX)s")
      emit("\u{1B}[" + (count == 1 ? "" : String(count)) + (shift > 0 ? "S" : "T"))
      emit("\u{1B}[?69l\u{1B}[r")  // leaving the mode puts the left and right margins back; the cursor goes home
      cursor = (0, 0)
    }
    // The same move in the model of the screen; the rows scrolled in are blank.
    let rows = shift > 0 ? Array(area.y..<area.maxY) : Array((area.y..<area.maxY).reversed())
    for y in rows {
      let source = y + shift
      for x in area.x..<area.maxX {
        old[x, y] = source >= area.y && source < area.maxY ? old[x, source] : .blank
      }
    }
    screen = old
  }

  /// By how many rows the content of `area` moved from `old` to `new` (positive: up, as after `j`), when a
  /// scroll saves sending most of its rows again; nil otherwise.
  static func shift(in area: Rect, from old: Grid, to new: Grid) -> Int? {
    func rowHashes(_ grid: Grid) -> [Int] {
      (area.y..<area.maxY).map { y in
        var hasher = Hasher()
        for x in area.x..<area.maxX { hasher.combine(grid[x, y]) }
        return hasher.finalize()
      }
    }
    let before = rowHashes(old)
    let after = rowHashes(new)
    let height = area.height
    let unchanged = (0..<height).filter { before[$0] == after[$0] }.count
    var best: (shift: Int, matches: Int)?
    for k in 1..<height {
      var up = 0
      var down = 0
      for row in 0..<(height - k) {
        if after[row] == before[row + k] { up += 1 }
        if after[row + k] == before[row] { down += 1 }
      }
      for (shift, matches) in [(k, up), (-k, down)] where matches > (best?.matches ?? 0) {
        best = (shift, matches)
      }
    }
    guard let best, best.matches > unchanged + 1, best.matches * 2 >= height - abs(best.shift) else { return nil }
    return best.shift
  }

  /// The bytes that put the terminal's scrolling back as it was (before curses leaves, or the process stops).
  public mutating func leave() -> [UInt8] {
    out.removeAll()
    setPen(.normal)
    setLineMode(false)
    resetRegion()
    return out
  }

  /// Something outside the renderer (a suspend and resume) may have set the scroll region: set it again before
  /// the next scroll.
  public mutating func forgetScrollRegion() {
    regionKnown = false
    cursor = nil
  }

  private mutating func resetRegion() {
    guard region != nil || !regionKnown else { return }
    emit("\u{1B}[r")  // the whole screen; the cursor goes home
    region = nil
    regionKnown = true
    cursor = (0, 0)
  }

  // MARK: Rows

  private mutating func drawRow(_ y: Int, of grid: Grid) {
    guard let old = screen else { return }
    let width = grid.width
    var lastChange = -1
    for x in 0..<width where grid[x, y] != old[x, y] { lastChange = x }
    guard lastChange >= 0 else { return }
    // The blank end of the row, erased with one sequence when that is shorter than writing it.
    var tail = width
    while tail > 0, grid[tail - 1, y] == .blank { tail -= 1 }
    let erase = lastChange >= tail && width - tail >= 4
    var x = 0
    while x < width {
      if erase, x >= tail {
        if (x..<width).contains(where: { grid[$0, y] != old[$0, y] }) {
          let first = (x..<width).first { grid[$0, y] != old[$0, y] } ?? x
          moveTo(first, y, in: grid)
          if pen.reverse || pen.underline { setPen(.normal) }
          emit("\u{1B}[K")
        }
        return
      }
      let cell = grid[x, y]
      if cell == old[x, y] || cell.isContinuation || (y == grid.height - 1 && x == width - 1 && !traits.hasPendingWrap) {
        x += 1
        continue
      }
      moveTo(x, y, in: grid)
      let run = repeatRun(from: x, y: y, of: grid, old: old)
      x += put(cell, at: x, y: y, of: grid)
      if run > 1 {
        emit("\u{1B}[\(run - 1)b")
        x += run - 1
        if let at = cursor { cursor = x >= width ? nil : (at.x + run - 1, at.y) }
      }
    }
  }

  /// How many cells from `x` hold the same one-byte character and look, all changed (worth `rep` from 6 on).
  private func repeatRun(from x: Int, y: Int, of grid: Grid, old: Grid) -> Int {
    guard traits.hasRepeat else { return 1 }
    let cell = grid[x, y]
    guard cell.width == 1, cell.text.utf8.count == 1 || lineCode(at: x, y: y, of: grid) != nil else { return 1 }
    var end = x + 1
    while end < grid.width, grid[end, y] == cell, grid[end, y] != old[end, y] { end += 1 }
    if y == grid.height - 1, end == grid.width, !traits.hasPendingWrap { end -= 1 }
    return end - x >= 6 ? end - x : 1
  }

  /// Writes one cell at the cursor; returns how many columns it took.
  private mutating func put(_ cell: Cell, at x: Int, y: Int, of grid: Grid) -> Int {
    setPen(Pen(cell.style, traits: traits))
    let width = Int(cell.width)
    if let code = lineCode(at: x, y: y, of: grid) {
      if let mapped = traits.lineCharacters[code], traits.enterLines != nil || !mapped.inLineMode {
        setLineMode(mapped.inLineMode)
        out.append(mapped.character)
      } else {
        setLineMode(false)
        emit(traits.repertoire == .unicode ? cell.text : String(UnicodeScalar(Self.asciiLine(code))))
      }
    } else {
      setLineMode(false)
      if traits.repertoire == .ascii, cell.text.utf8.contains(where: { $0 >= 0x80 }) {
        let ascii = AsciiTransliteration.ascii(cell.text, width: width)
        emit(ascii.utf8.count == width ? ascii : String(repeating: "?", count: width))
      } else {
        emit(cell.text)
      }
    }
    advance(width, in: grid)
    return width
  }

  /// The line-drawing letter to draw the cell at `x` with, if it is a line the terminal's set should draw.
  private func lineCode(at x: Int, y: Int, of grid: Grid) -> UInt8? {
    let repertoire: GlyphRepertoire = traits.enterLines == nil ? .ascii : traits.repertoire
    let code = LineDrawing.acsCode(at: x, of: { grid[$0, y] }, width: grid.width, repertoire: repertoire)
    // Without a line-drawing set, Unicode lines stay Unicode; only ASCII needs the letter for its stand-in.
    if traits.enterLines == nil, traits.repertoire == .unicode { return nil }
    return code
  }

  /// The ASCII stand-in for a line-drawing letter when the terminal has no line-drawing set.
  static func asciiLine(_ code: UInt8) -> UInt8 {
    switch code {
    case UInt8(ascii: "q"): UInt8(ascii: "-")
    case UInt8(ascii: "x"): UInt8(ascii: "|")
    case UInt8(ascii: "a"): UInt8(ascii: "#")
    default: UInt8(ascii: "+")
    }
  }

  private mutating func advance(_ columns: Int, in grid: Grid) {
    guard let at = cursor else { return }
    let next = at.x + columns
    // After the last column the cursor waits to wrap, differently on each terminal: position it again.
    cursor = next >= grid.width ? nil : (next, at.y)
  }

  // MARK: Cursor and attributes

  /// Moves the cursor to (x, y) with the shortest of: nothing, rewriting a short unchanged gap, a move right,
  /// an absolute position.
  private mutating func moveTo(_ x: Int, _ y: Int, in grid: Grid) {
    if let at = cursor, at.y == y, at.x == x { return }
    if let at = cursor, at.y == y, at.x < x {
      let gap = x - at.x
      // A space looks the same in any colour or weight: only underline and reverse show on it.
      let rewritable =
        gap <= 3 && (at.x..<x).allSatisfy { column in
          let cell = grid[column, y]
          let look = Pen(cell.style, traits: traits)
          let sameLook = look == pen || (cell.text == " " && !look.underline && !look.reverse && !pen.underline && !pen.reverse)
          return cell.width == 1 && cell.text.utf8.count == 1 && sameLook && lineCode(at: column, y: y, of: grid) == nil
        }
      if rewritable, screen.map({ old in (at.x..<x).allSatisfy { old[$0, y] == grid[$0, y] } }) ?? false {
        setLineMode(false)
        for column in at.x..<x { emit(grid[column, y].text) }
        cursor = (x, y)
        return
      }
      emit(gap == 1 ? "\u{1B}[C" : "\u{1B}[\(gap)C")
      cursor = (x, y)
      return
    }
    if x == 0 { emit(y == 0 ? "\u{1B}[H" : "\u{1B}[\(y + 1)H") } else { emit("\u{1B}[\(y + 1);\(x + 1)H") }
    cursor = (x, y)
  }

  /// One SGR sequence from the current look to `next`: only what is added, or a reset folded in with what stays
  /// when something has to go.
  private mutating func setPen(_ next: Pen) {
    guard next != pen else { return }
    var codes: [String] = []
    let dropping =
      (pen.bold && !next.bold) || (pen.dim && !next.dim) || (pen.underline && !next.underline)
      || (pen.reverse && !next.reverse)
    let from = dropping ? Pen.normal : pen
    if dropping { codes.append("0") }
    if next.bold && !from.bold { codes.append("1") }
    if next.dim && !from.dim { codes.append("2") }
    if next.underline && !from.underline { codes.append("4") }
    if next.reverse && !from.reverse { codes.append("7") }
    if next.color != from.color { codes.append(next.color.map { "3\($0)" } ?? "39") }
    emit(next == .normal ? "\u{1B}[m" : "\u{1B}[" + codes.joined(separator: ";") + "m")
    pen = next
  }

  private mutating func setLineMode(_ on: Bool) {
    guard on != lineMode, let enter = traits.enterLines, let exit = traits.exitLines else { return }
    out += on ? enter : exit
    lineMode = on
  }

  private mutating func emit(_ text: String) { out += text.utf8 }
}

/// The look of the text being written: attributes and a foreground colour (0-7, nil for the default).
struct Pen: Equatable, Sendable {
  var bold = false
  var dim = false
  var underline = false
  var reverse = false
  var color: UInt8?

  static let normal = Pen()

  /// The look of `style` on this terminal: colours by role, or without colour attributes instead (people bold,
  /// places underlined, organisations both, search matches reversed).
  init(_ style: Style, traits: TerminalTraits) {
    bold = style.attributes.contains(.bold)
    underline = style.attributes.contains(.underline)
    reverse = style.attributes.contains(.reverse)
    dim = traits.hasDim && (style.attributes.contains(.dim) || (traits.usesColor && style.role == .dim))
    if traits.usesColor {
      switch style.role {
      case .person: color = 6
      case .place: color = 2
      case .organization: color = 5
      case .heading, .match: color = 3
      case .card: color = 4
      case .normal, .dim, .selection, .status: color = nil
      }
    } else {
      switch style.role {
      case .person: bold = true
      case .place: underline = true
      case .organization:
        bold = true
        underline = true
      case .match: reverse = true
      default: break
      }
    }
  }

  init() {}
}
