import DatelineApp

/// The run loop: draw, block for input, reduce, repeat, until the reducer asks to quit or input ends.
public enum ReaderLoop {
  /// Runs the reader on `backend` from `state`; returns when the user quits or input stops.
  public static func run<Backend: TerminalBackend>(_ initial: AppState, backend: inout Backend) {
    let size = backend.size
    var state = Reducer.reduce(initial, .resize(width: size.width, height: size.height)).0
    backend.draw(ScreenView.render(state), full: true)
    while let input = backend.nextInput() {
      let event: Event
      switch input {
      case .key(let key): event = .key(key)
      case .resize(let width, let height): event = .resize(width: width, height: height)
      case .unknown: continue
      }
      let (next, effects) = Reducer.reduce(state, event)
      state = next
      if effects.contains(.quit) { return }
      backend.draw(ScreenView.render(state), full: effects.contains(.redraw))
    }
  }
}
