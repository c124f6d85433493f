@preconcurrency import CNcurses
import DatelineApp
import Foundation

/// The curses backend: sets the terminal up, copies grids to it cell by cell (only changed cells), reads keys,
/// and puts the terminal back as it was.
public struct CursesTerminal: TerminalBackend {
  private var previous: Grid?
  private let palette: CursesPalette
  private var errorsInARow = 0
  private var isOpen = true

  /// Starts curses. Fails with a clear error when stdin/stdout is not a terminal or TERM cannot be driven.
  public init(environment: [String: String]) throws(TerminalError) {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    setlocale(LC_ALL, "")
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
    palette = CursesPalette(noColor: !(environment["NO_COLOR"] ?? "").isEmpty)
  }

  public var size: (width: Int, height: Int) { (Int(dateline_cols()), Int(dateline_lines())) }

  /// Draws the cells that differ from the last frame (all of them when `full` or the size changed).
  public mutating func draw(_ grid: Grid, full: Bool) {
    if full {
      clearok(dateline_curscr(), true)
      previous = nil
    }
    var scalars: [wchar_t] = []
    scalars.reserveCapacity(8)
    for change in grid.diff(from: previous) where !change.cell.isContinuation {
      let cell = change.cell
      scalars.removeAll(keepingCapacity: true)
      for scalar in cell.text.unicodeScalars.prefix(5) { scalars.append(wchar_t(bitPattern: scalar.value)) }
      if scalars.isEmpty || !Self.widthAgrees(scalars, cell.width) {
        scalars = Array(repeating: wchar_t(bitPattern: 0x3F), count: 1)  // "?" where curses disagrees on width
        if cell.width == 2 { draw(scalars, x: change.x + 1, y: change.y, style: cell.style) }
      }
      draw(scalars, x: change.x, y: change.y, style: cell.style)
    }
    previous = grid
    wnoutrefresh(dateline_stdscr())
    doupdate()
  }

  private func draw(_ scalars: [wchar_t], x: Int, y: Int, style: Style) {
    let (attrs, pair) = palette.attributes(for: style)
    scalars.withUnsafeBufferPointer { buffer in
      _ = dateline_put_cell(Int32(y), Int32(x), buffer.baseAddress, Int32(buffer.count), attrs, pair)
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
    wtimeout(dateline_stdscr(), timeout)
    while true {
      let started = DispatchTime.now().uptimeNanoseconds
      if dateline_pending_signal() != 0 { return nil }
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
      if result == dateline_key_code_yes() {
        if Int32(character) == KEY_RESIZE { return .resize(width: size.width, height: size.height) }
        return KeyDecoder.functionKey(Int32(character)).map(TerminalInput.key) ?? .unknown
      }
      return KeyDecoder.character(UInt32(character)).map(TerminalInput.key) ?? .unknown
    }
  }

  /// Puts the terminal back (idempotent).
  public mutating func close() {
    guard isOpen else { return }
    isOpen = false
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
