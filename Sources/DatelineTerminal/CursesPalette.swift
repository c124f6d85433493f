@preconcurrency import CNcurses
import DatelineApp

/// Maps styles to curses attributes and colour pairs; without colour (or with NO_COLOR set) every role becomes
/// an attribute instead (people bold, places underlined, organisations bold and underlined).
struct CursesPalette {
  let usesColor: Bool

  /// Sets up colour pairs when the terminal has colours and `noColor` is false.
  init(noColor: Bool) {
    guard !noColor, has_colors() else {
      usesColor = false
      return
    }
    start_color()
    use_default_colors()
    let pairs: [(ColorRole, Int16, Int16)] = [
      (.person, Int16(COLOR_CYAN), -1), (.place, Int16(COLOR_GREEN), -1), (.organization, Int16(COLOR_MAGENTA), -1),
      (.heading, Int16(COLOR_YELLOW), -1), (.card, Int16(COLOR_BLUE), -1), (.dim, -1, -1),
      (.selection, -1, -1), (.status, -1, -1), (.match, Int16(COLOR_YELLOW), -1),
    ]
    for (role, foreground, background) in pairs {
      init_pair(Int16(role.rawValue), foreground, background)
    }
    usesColor = true
  }

  /// Attributes and colour pair for `style`.
  func attributes(for style: Style) -> (attrs: Int32, pair: Int16) {
    var attrs: Int32 = 0
    if style.attributes.contains(.bold) { attrs |= dateline_attr_bold() }
    if style.attributes.contains(.underline) { attrs |= dateline_attr_underline() }
    if style.attributes.contains(.reverse) { attrs |= dateline_attr_reverse() }
    if style.attributes.contains(.dim) { attrs |= dateline_attr_dim() }
    if usesColor {
      if style.role == .dim { attrs |= dateline_attr_dim() }
      let pair: Int16 = style.role == .normal || style.role == .dim ? 0 : Int16(style.role.rawValue)
      return (attrs, pair)
    }
    switch style.role {
    case .person: attrs |= dateline_attr_bold()
    case .place: attrs |= dateline_attr_underline()
    case .organization: attrs |= dateline_attr_bold() | dateline_attr_underline()
    case .match: attrs |= dateline_attr_reverse()
    default: break
    }
    return (attrs, 0)
  }
}
