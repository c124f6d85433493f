/// Why the reader could not start on this terminal.
public enum TerminalError: Error, CustomStringConvertible, Sendable {
  case notATerminal
  case unusableTerminal(name: String)
  case initialisationFailed

  public var description: String {
    switch self {
    case .notATerminal:
      "standard input is not a terminal; run the reader in one, or use `dateline parse FILE`"
    case .unusableTerminal(let name):
      "TERM=\(name) cannot drive the reader (unknown, or no cursor addressing); try TERM=xterm-256color"
    case .initialisationFailed:
      "could not initialise the terminal"
    }
  }
}
