/// How much of a story its entities were found in. A story read from a file is shown first with the entities of
/// what the first screen holds; the rest of the story is analysed after that frame and replaces them
/// (`Event.entitiesFound`).
public enum EntityCoverage: Sendable, Hashable {
  /// The whole story (what the library stores, and what a finished analysis gives).
  case whole
  /// The headline, the standfirst and the first `updates` updates only; the rest is still being analysed.
  case firstUpdates(Int)

  /// Whether the entities found so far cover `part` (nil: the headline or standfirst).
  public func covers(update: Int?) -> Bool {
    switch self {
    case .whole: true
    case .firstUpdates(let count): (update ?? -1) < count
    }
  }

  public var isWhole: Bool { self == .whole }
}
