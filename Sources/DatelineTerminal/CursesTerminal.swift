@preconcurrency import CNcurses
import DatelineApp
import Foundation

/// The curses backend: sets the terminal up, copies grids to it cell by cell (only changed cells), reads keys,
/// and puts the terminal back as it was.
public struct CursesTerminal: TerminalBackend {
  /// The last frame drawn: what the terminal shows.
  private var previous: Grid?
  /// What curses' own copy of the screen holds (it repaints from it after a suspend), when dateline writes the
  /// frames: it is brought up to date before curses next looks at it (`syncCurses`), not after every frame.
  private var cursesHas: Grid?
  /// A frame on the terminal that curses' copy does not have yet.
  private var unmirrored: Grid?
  private let palette: CursesPalette
  private var errorsInARow = 0
  private var isOpen = true
  /// What the locale lets the terminal show: any Unicode in a UTF-8 locale, else ASCII (lines drawn with ACS).
  public let repertoire: GlyphRepertoire
  /// Writes the frames itself on an ECMA-48 terminal (fewer bytes than curses); nil: curses writes them.
  private var renderer: AnsiRenderer?
  /// A DECRQM query for left/right margins (mode 69) was sent and its answer has not been read yet.
  private var awaitingMarginsAnswer = false
  private var asksForMargins: Bool

  /// Starts curses. Fails with a clear error when stdin/stdout is not a terminal or TERM cannot be driven.
  public init(environment: [String: String]) throws(TerminalError) {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    // Only the character type matters to curses and to dateline (the other categories would be read for nothing).
    setlocale(LC_CTYPE, "")
    repertoire = dateline_locale_is_utf8() == 1 ? .unicode : .ascii
    let term = environment["TERM"] ?? ""
    guard !term.isEmpty, term != "dumb", dateline_terminal_usable() == 1 else {
      throw .unusableTerminal(name: term.isEmpty ? "(unset)" : term)
    }
    // Our handlers first: ncurses then leaves SIGINT/SIGTERM alone and we restore the terminal ourselves.
    // SIGTSTP/SIGCONT (Ctrl-Z, fg) and SIGWINCH are handled by ncurses itself.
    dateline_install_signal_handlers()
    set_escdelay(25)
    guard newterm(nil, stdout, stdin) != nil else { throw .initialisationFailed }
    dateline_install_crash_handlers()
    cbreak()
    noecho()
    nonl()
    keypad(dateline_stdscr(), true)
    intrflush(dateline_stdscr(), false)
    curs_set(0)
    // Let curses scroll with the terminal's scroll region when whole lines move (most of a one-line scroll).
    idlok(dateline_stdscr(), true)
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    palette = CursesPalette(noColor: noColor)
    renderer = TerminalTraits.current(environment: environment, noColor: noColor, repertoire: repertoire)
      .map(AnsiRenderer.init)
    // Only xterm and its kin are asked: others may print a query they cannot parse.
    asksForMargins = renderer != nil && term.hasPrefix("xterm")
    if renderer != nil {
      dateline_wrap_suspend()
      // curses clears the screen once; from then on dateline writes and keeps curses' picture of it in step.
      wrefresh(dateline_stdscr())
    }
  }

  public var size: (width: Int, height: Int) { (Int(dateline_cols()), Int(dateline_lines())) }

  /// Draws the cells that differ from the last frame (all of them when `full` or the size changed).
  public mutating func draw(_ grid: Grid, full: Bool) {
    if full {
      if renderer == nil { clearok(dateline_curscr(), true) }
      previous = nil
    }
    guard var renderer else {
      mirror(grid, from: previous)
      doupdate()
      previous = grid
      return
    }
    if dateline_take_suspended() == 1 {
      renderer.forgetScrollRegion()
      // Back from Ctrl-Z, curses repainted its copy; when that was older than the last frame, all is sent.
      if unmirrored != nil { previous = nil }
    }
    let bytes = renderer.frame(grid, full: previous == nil)
    self.renderer = renderer
    bytes.withUnsafeBufferPointer { _ = dateline_write_all($0.baseAddress, $0.count) }
    // Curses' copy is brought up to date later, before it is next used: a frame that follows at once (the first
    // screen's entities completing the first frame) is not held up by it.
    unmirrored = grid
    if asksForMargins {
      // After the first frame, so that the answer never delays it; read back among the keys.
      asksForMargins = false
      awaitingMarginsAnswer = true
      let query = Array("\u{1B}[?69$p".utf8)
      query.withUnsafeBufferPointer { _ = dateline_write_all($0.baseAddress, $0.count) }
    }
    previous = grid
  }

  /// Brings curses' copy of the screen up to date with the last frame written (before curses reads a key, which
  /// may refresh from that copy, and before the terminal is put back).
  private mutating func syncCurses() {
    guard let grid = unmirrored else { return }
    dateline_hold_suspend(1)
    defer { dateline_hold_suspend(0) }  // a Ctrl-Z held meanwhile stops the process here, curses' copy complete
    if dateline_take_suspended() == 1, var renderer {
      // Stopped (Ctrl-Z) and resumed since the frame was written: curses repainted from its older copy, so the
      // frame is sent again whole.
      renderer.forgetScrollRegion()
      let bytes = renderer.frame(grid, full: true)
      self.renderer = renderer
      bytes.withUnsafeBufferPointer { _ = dateline_write_all($0.baseAddress, $0.count) }
    }
    mirror(grid, from: cursesHas)
    dateline_screen_written()
    cursesHas = grid
    unmirrored = nil
  }

  /// Puts the cells of `grid` that differ from `old` (all when nil) into curses' screen (`stdscr`, then `newscr`).
  private func mirror(_ grid: Grid, from old: Grid?) {
    var scalars: [wchar_t] = []
    scalars.reserveCapacity(8)
    for change in grid.diff(from: old) where !change.cell.isContinuation {
      let cell = change.cell
      scalars.removeAll(keepingCapacity: true)
      if let code = LineDrawing.acsCode(at: change.x, of: { grid[$0, change.y] }, width: grid.width, repertoire: repertoire) {
        var character: wchar_t = 0
        var lineAttrs: Int32 = 0
        dateline_acs(CChar(bitPattern: code), &character, &lineAttrs)
        draw([character], x: change.x, y: change.y, style: cell.style, extra: lineAttrs)
        continue
      }
      var text = cell.text
      if repertoire == .ascii, text.utf8.contains(where: { $0 >= 0x80 }) {
        // The grid is shaped for ASCII already; this is the last resort for anything that was not.
        let ascii = AsciiTransliteration.ascii(text, width: Int(cell.width))
        text = ascii.utf8.count == Int(cell.width) ? ascii : String(repeating: "?", count: Int(cell.width))
        for (offset, byte) in text.utf8.enumerated() {
          draw([wchar_t(byte)], x: change.x + offset, y: change.y, style: cell.style)
        }
        continue
      }
      for scalar in text.unicodeScalars.prefix(5) { scalars.append(wchar_t(bitPattern: scalar.value)) }
      if scalars.isEmpty || !Self.widthAgrees(scalars, cell.width) {
        scalars = Array(repeating: wchar_t(bitPattern: 0x3F), count: 1)  // "?" where curses disagrees on width
        if cell.width == 2 { draw(scalars, x: change.x + 1, y: change.y, style: cell.style) }
      }
      draw(scalars, x: change.x, y: change.y, style: cell.style)
    }
    wnoutrefresh(dateline_stdscr())
  }

  private func draw(_ scalars: [wchar_t], x: Int, y: Int, style: Style, extra: Int32 = 0) {
    let (attrs, pair) = palette.attributes(for: style)
    scalars.withUnsafeBufferPointer { buffer in
      _ = dateline_put_cell(Int32(y), Int32(x), buffer.baseAddress, Int32(buffer.count), attrs | extra, pair)
    }
  }

  /// Whether the C library's width of the base character matches ours (else curses would shift the line).
  private static func widthAgrees(_ scalars: [wchar_t], _ width: UInt8) -> Bool {
    guard let first = scalars.first else { return false }
    let base = first == 0xA0 && scalars.count > 1 ? 1 : Int(dateline_wcwidth(first))
    return base == Int(width)
  }

  /// Blocks for the next key (no timeout: an idle reader uses no CPU). Nil after SIGINT/SIGTERM/SIGHUP or when
  /// the input is gone.
  public mutating func nextInput() -> TerminalInput? { read(timeout: -1) }

  /// Waits at most `milliseconds` for a key (while a refresh runs or its timer is set); `.idle` when none came.
  public mutating func nextInput(waitingAtMost milliseconds: Int) -> TerminalInput? {
    read(timeout: Int32(max(0, min(milliseconds, 600_000))))
  }

  private mutating func read(timeout: Int32) -> TerminalInput? {
    syncCurses()
    wtimeout(dateline_stdscr(), timeout)
    while true {
      let started = DispatchTime.now().uptimeNanoseconds
      if dateline_pending_signal() != 0 { return nil }
      // A resize while no key was being read: curses is told now, and the read below gives KEY_RESIZE.
      _ = dateline_sync_size()
      var character: wint_t = 0
      let result = wget_wch(dateline_stdscr(), &character)
      if dateline_pending_signal() != 0 { return nil }
      if result == ERR {
        // A wait that ran its course is no input; an ERR straight away is input that has gone.
        let waited = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        if timeout >= 0, waited * 2 >= UInt64(timeout) { return .idle }
        errorsInARow += 1
        if errorsInARow > 50 { return nil }  // input closed (e.g. the SSH connection dropped)
        continue
      }
      errorsInARow = 0
      if awaitingMarginsAnswer, result != dateline_key_code_yes(), character == 27 {
        awaitingMarginsAnswer = false
        switch TerminalAnswer.read(next: { Self.readByte(timeout: 100) }) {
        case .marginsMode(let known):
          renderer?.traits.hasLeftRightMargins = known
          continue
        case .other(let bytes):
          // Not an answer: the Escape key and what followed it, handed back in order.
          for byte in bytes.reversed() { unget_wch(wchar_t(byte)) }
          return .key(.escape)
        }
      }
      if result == dateline_key_code_yes() {
        if Int32(character) == KEY_RESIZE { return .resize(width: size.width, height: size.height) }
        return KeyDecoder.functionKey(Int32(character)).map(TerminalInput.key) ?? .unknown
      }
      return KeyDecoder.character(UInt32(character)).map(TerminalInput.key) ?? .unknown
    }
  }

  /// One more byte of input within `timeout` milliseconds, or nil.
  private static func readByte(timeout: Int32) -> UInt8? {
    wtimeout(dateline_stdscr(), timeout)
    defer { wtimeout(dateline_stdscr(), -1) }
    var character: wint_t = 0
    let result = wget_wch(dateline_stdscr(), &character)
    guard result != ERR, result != dateline_key_code_yes(), character < 0x80 else { return nil }
    return UInt8(character)
  }

  /// Puts the terminal back (idempotent).
  public mutating func close() {
    guard isOpen else { return }
    isOpen = false
    syncCurses()
    if var renderer {
      let bytes = renderer.leave()
      bytes.withUnsafeBufferPointer { _ = dateline_write_all($0.baseAddress, $0.count) }
    }
    curs_set(1)
    endwin()
  }

  /// The signal that ended input, if any, to re-raise after `close()`.
  public var pendingSignal: Int32? {
    let signal = dateline_pending_signal()
    return signal == 0 ? nil : signal
  }

  /// Dies of `signal` the usual way (after `close()`).
  public static func reraise(_ signal: Int32) { dateline_reraise(signal) }
}
