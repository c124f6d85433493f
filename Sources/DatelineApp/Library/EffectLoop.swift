/// What the run loop must do after an event and its effects: quit, or draw (everything, after Ctrl-L).
public struct EffectOutcome: Sendable, Hashable {
  public var quit = false
  public var redraw = false
}

extension EffectRunner {
  /// Reduces `event` into `state`, carries out its effects in order and reduces the events they give back, until
  /// none is left or a quit comes up. With no runner, effects that need a story source are dropped (every story
  /// is in memory then).
  public static func apply(_ event: Event, to state: inout AppState, runner: EffectRunner?) -> EffectOutcome {
    let (next, effects) = Reducer.reduce(state, event)
    state = next
    var queue = effects[...]
    var outcome = EffectOutcome()
    while let effect = queue.popFirst() {
      switch effect {
      case .quit:
        outcome.quit = true
        return outcome
      case .redraw:
        outcome.redraw = true
      default:
        for result in runner?.perform(effect, in: state) ?? [] {
          let (after, more) = Reducer.reduce(state, result)
          state = after
          queue.append(contentsOf: more)
        }
      }
    }
    return outcome
  }
}
