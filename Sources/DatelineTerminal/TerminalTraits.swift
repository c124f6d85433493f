@preconcurrency import CNcurses
import DatelineApp

/// What the renderer needs to know about the terminal, read from terminfo (and the locale) once at start.
///
/// The renderer writes ECMA-48 sequences itself (cursor position, SGR, erase, scroll region, scroll); it is only
/// used when terminfo shows such a terminal (cursor addressing `ESC [ row ; col H`), which every terminal of the
/// xterm, screen/tmux, linux, rxvt and VT100/VT220 families is.
public struct TerminalTraits: Sendable {
  /// Colours are used (the terminal has 8 or more and `NO_COLOR` is not set).
  public var usesColor: Bool
  /// SGR 2 (dim) is known to the terminal.
  public var hasDim: Bool
  /// `rep` (`CSI n b`): repeat the last character.
  public var hasRepeat: Bool
  /// `indn`/`rin` (`CSI n S` / `CSI n T`): scroll the region up / down by n lines.
  public var hasScrollCommands: Bool
  /// Writing the bottom-right cell does not scroll the screen (`xenl`).
  public var hasPendingWrap: Bool
  /// Switches into and out of the line-drawing set (`smacs`/`rmacs`), nil when lines must be drawn otherwise.
  public var enterLines: [UInt8]?
  public var exitLines: [UInt8]?
  /// What each VT100 line-drawing letter becomes on this terminal (terminfo `acsc`): the letter to send in
  /// line-drawing mode, or an ASCII stand-in to send as it is.
  public var lineCharacters: [UInt8: (character: UInt8, inLineMode: Bool)]
  /// What text can be sent: UTF-8, or ASCII alone.
  public var repertoire: GlyphRepertoire
  /// Left/right margins (DECSLRM), known once the terminal has answered the DECRQM query for mode 69.
  public var hasLeftRightMargins: Bool

  public init(
    usesColor: Bool, hasDim: Bool = true, hasRepeat: Bool = false, hasScrollCommands: Bool = true,
    hasPendingWrap: Bool = true, enterLines: [UInt8]? = Array("\u{1B}(0".utf8), exitLines: [UInt8]? = Array("\u{1B}(B".utf8),
    lineCharacters: [UInt8: (character: UInt8, inLineMode: Bool)] = Self.vt100Lines, repertoire: GlyphRepertoire,
    hasLeftRightMargins: Bool = false
  ) {
    self.usesColor = usesColor
    self.hasDim = hasDim
    self.hasRepeat = hasRepeat
    self.hasScrollCommands = hasScrollCommands
    self.hasPendingWrap = hasPendingWrap
    self.enterLines = enterLines
    self.exitLines = exitLines
    self.lineCharacters = lineCharacters
    self.repertoire = repertoire
    self.hasLeftRightMargins = hasLeftRightMargins
  }

  /// Every line-drawing letter sent as itself in line-drawing mode (a VT100's own set).
  public static let vt100Lines: [UInt8: (character: UInt8, inLineMode: Bool)] = Dictionary(
    uniqueKeysWithValues: Array("qxlkmjtuwvna".utf8).map { ($0, ($0, true)) })
}

extension TerminalTraits {
  /// The traits of the terminal curses has set up (terminfo, locale, `NO_COLOR`), or nil when it is not an
  /// ECMA-48 terminal (then curses draws). Valid after newterm().
  static func current(environment: [String: String], noColor: Bool, repertoire: GlyphRepertoire) -> TerminalTraits? {
    guard let cup = capability("cup"), cup.starts(with: Array("\u{1B}[".utf8)) else { return nil }
    let term = environment["TERM"] ?? ""
    // As curses does: the linux console and GNU screen ignore the line-drawing set in UTF-8, and the user can
    // say the same of any terminal.
    let noLinesInUTF8 =
      repertoire == .unicode
      && (term.hasPrefix("linux") || term.hasPrefix("screen") || (environment["NCURSES_NO_UTF8_ACS"] ?? "0") != "0")
    var enter = capability("smacs")
    var exit = capability("rmacs")
    if noLinesInUTF8 || enter == nil || exit == nil {
      enter = nil
      exit = nil
    }
    var lines: [UInt8: (character: UInt8, inLineMode: Bool)] = [:]
    for code in Array("qxlkmjtuwvna".utf8) {
      var character: wchar_t = 0
      var attrs: Int32 = 0
      dateline_acs(CChar(bitPattern: code), &character, &attrs)
      let inLineMode = attrs & Int32(truncatingIfNeeded: dateline_attr_altcharset()) != 0
      lines[code] = (UInt8(truncatingIfNeeded: character), inLineMode && enter != nil)
    }
    return TerminalTraits(
      usesColor: !noColor && dateline_colors() >= 8, hasDim: capability("dim") != nil,
      hasRepeat: capability("rep") != nil, hasScrollCommands: capability("indn") != nil && capability("rin") != nil,
      hasPendingWrap: dateline_tigetflag("xenl") == 1 || dateline_tigetflag("am") == 0, enterLines: enter,
      exitLines: exit, lineCharacters: lines, repertoire: repertoire)
  }

  /// A terminfo string without its padding (`$<5>`), or nil when absent.
  private static func capability(_ name: String) -> [UInt8]? {
    guard let pointer = dateline_tigetstr(name) else { return nil }
    var bytes = Array(String(cString: pointer).utf8)
    while let start = bytes.firstIndex(of: UInt8(ascii: "$")), start + 1 < bytes.count,
      bytes[start + 1] == UInt8(ascii: "<"), let end = bytes[start...].firstIndex(of: UInt8(ascii: ">"))
    {
      bytes.removeSubrange(start...end)
    }
    return bytes.isEmpty ? nil : bytes
  }
}
