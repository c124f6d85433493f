/// The three panes of the reader, in Tab order.
public enum Pane: Int, CaseIterable, Sendable, Hashable {
  case stories
  case updates
  case entities

  public var title: String {
    switch self {
    case .stories: "Stories"
    case .updates: "Updates"
    case .entities: "Entities"
    }
  }

  public var next: Pane { Pane(rawValue: (rawValue + 1) % 3) ?? .updates }
  public var previous: Pane { Pane(rawValue: (rawValue + 2) % 3) ?? .updates }
}
