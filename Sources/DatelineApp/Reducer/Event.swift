/// Something that happened, for the reducer: a command, a key (for text input and the keymap), or a resize.
public enum Event: Sendable, Hashable {
  case command(Command)
  case key(Key)
  case resize(width: Int, height: Int)
}

/// Work the reducer asks the run loop to do; the reducer itself never touches the terminal.
public enum Effect: Sendable, Hashable {
  /// Leave the reader.
  case quit
  /// Repaint the whole screen (Ctrl-L), not only what changed.
  case redraw
}
