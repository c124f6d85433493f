import DatelineApp

/// What the run loop needs from a terminal (ratatui's `Backend`): its size, drawing a grid, reading keys.
public protocol TerminalBackend {
  /// Columns and rows.
  var size: (width: Int, height: Int) { get }
  /// Copies `grid` to the screen, sending only what changed since the last frame unless `full`.
  mutating func draw(_ grid: Grid, full: Bool)
  /// Blocks until the next input; nil when input is closed or a terminating signal arrived.
  mutating func nextInput() -> TerminalInput?
  /// Waits at most `milliseconds` for the next input: `.idle` when none came (so that background work and
  /// timers are seen while the user reads); nil as for `nextInput()`.
  mutating func nextInput(waitingAtMost milliseconds: Int) -> TerminalInput?
}

extension TerminalBackend {
  /// A backend that cannot wait for a limited time blocks as `nextInput()` does.
  public mutating func nextInput(waitingAtMost milliseconds: Int) -> TerminalInput? { nextInput() }
}

/// One thing read from the terminal.
public enum TerminalInput: Sendable, Hashable {
  case key(Key)
  case resize(width: Int, height: Int)
  /// A key dateline has no name for.
  case unknown
  /// Nothing came within the time given to `nextInput(waitingAtMost:)`.
  case idle
}
