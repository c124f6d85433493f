/// Every action a key can trigger: one table with the name used in keymap files, the group and the help text
/// (tig's request table). The keymap parser, the help screen and the documentation all read it.
public enum Command: String, CaseIterable, Sendable, Hashable {
  case moveDown = "move-down"
  case moveUp = "move-up"
  case pageDown = "page-down"
  case pageUp = "page-up"
  case halfPageDown = "half-page-down"
  case halfPageUp = "half-page-up"
  case moveFirst = "move-first"
  case moveLast = "move-last"
  case nextPane = "next-pane"
  case previousPane = "previous-pane"
  case zoom = "zoom"
  case enter = "enter"
  case nextUpdate = "next-update"
  case previousUpdate = "previous-update"
  case nextNew = "next-new"
  case previousNew = "previous-new"
  case nextMention = "next-mention"
  case previousMention = "previous-mention"
  case selectEntity = "select-entity"
  case cycleTypeFilter = "filter-type"
  case entityStories = "entity-stories"
  case searchForward = "search"
  case searchBackward = "search-back"
  case findNext = "find-next"
  case findPrevious = "find-previous"
  case help = "help"
  case redraw = "redraw"
  case reload = "reload"
  case refreshFeeds = "refresh-feeds"
  case cancel = "cancel"
  case quit = "quit"

  /// The name used in keymap files (`bind j move-down`).
  public var name: String { rawValue }

  /// The command called `name`, or nil.
  public init?(name: String) { self.init(rawValue: name) }

  /// The help-screen section the command is listed under.
  public var group: String {
    switch self {
    case .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .moveFirst, .moveLast:
      "Moving"
    case .nextPane, .previousPane, .zoom, .enter, .nextUpdate, .previousUpdate, .nextNew, .previousNew:
      "Panes and stories"
    case .nextMention, .previousMention, .selectEntity, .cycleTypeFilter, .entityStories: "Entities"
    case .searchForward, .searchBackward, .findNext, .findPrevious: "Searching"
    case .help, .redraw, .reload, .refreshFeeds, .cancel, .quit: "Other"
    }
  }

  /// One line of help text.
  public var help: String {
    switch self {
    case .moveDown: "Move down one line"
    case .moveUp: "Move up one line"
    case .pageDown: "Move down one page"
    case .pageUp: "Move up one page"
    case .halfPageDown: "Move down half a page"
    case .halfPageUp: "Move up half a page"
    case .moveFirst: "Go to the top"
    case .moveLast: "Go to the bottom"
    case .nextPane: "Focus the next pane (one pane at a time when narrow)"
    case .previousPane: "Focus the previous pane"
    case .zoom: "One pane at a time, full width (cheapest over a slow link); again for all three"
    case .enter: "Open the selected story, or select the entity in the sidebar"
    case .nextUpdate: "Scroll to the next update"
    case .previousUpdate: "Scroll to the previous update"
    case .nextNew: "Go to the next new or changed update (across stories)"
    case .previousNew: "Go to the previous new or changed update"
    case .nextMention: "Jump to the next mention of the selected entity (across stories)"
    case .previousMention: "Jump to the previous mention of the selected entity"
    case .selectEntity: "Select the entity under or nearest the cursor"
    case .cycleTypeFilter: "Filter the sidebar: all, people, places, organisations"
    case .entityStories: "Sidebar: every story that mentions the selected entity, or this story's entities"
    case .searchForward: "Search forwards"
    case .searchBackward: "Search backwards"
    case .findNext: "Next search match"
    case .findPrevious: "Previous search match"
    case .help: "Show or hide this help"
    case .redraw: "Redraw the screen"
    case .reload: "Fetch a story from the web again (new updates marked), else reload the library"
    case .refreshFeeds: "Fetch every subscribed feed in the background (new items become stories)"
    case .cancel: "Close help, clear the search highlight"
    case .quit: "Quit (closes help first)"
    }
  }

  /// The help-screen groups in display order.
  public static let groups = ["Moving", "Panes and stories", "Entities", "Searching", "Other"]
}
