import DatelineApp

/// The run loop: draw, block for input, reduce and carry out the effects, repeat, until the reducer asks to quit
/// or input ends.
public enum ReaderLoop {
  /// Runs the reader on `backend` from `state`; effects that need stories are done by `runner` (none when every
  /// story is in memory). Returns when the user quits or input stops (then the state is saved as on a quit).
  /// `slowStart` draws a "Loading…" frame before the first story is read (worth its bytes only for a large one).
  ///
  /// `afterFirstFrame`, when given, runs once the first frame is on screen and may hand over the state and
  /// runner to go on with (the same stories from a library made meanwhile): work the first screen does not need
  /// comes after it.
  public static func run<Backend: TerminalBackend>(
    _ initial: AppState, backend: inout Backend, runner: EffectRunner? = nil, slowStart: Bool = false,
    afterFirstFrame: ((AppState) -> (state: AppState, runner: EffectRunner?)?)? = nil
  ) {
    let size = backend.size
    var state = initial
    var runner = runner
    state.use(backend.repertoire)
    if slowStart, state.story == nil, !state.entries.isEmpty {
      backend.draw(ScreenView.render(state), full: true)
    }
    _ = EffectRunner.apply(.resize(width: size.width, height: size.height), to: &state, runner: runner)
    backend.draw(ScreenView.render(state), full: true)
    if let afterFirstFrame, let next = afterFirstFrame(state) {
      state = next.state
      runner = next.runner
      state.use(backend.repertoire)
      let size = backend.size
      _ = EffectRunner.apply(.resize(width: size.width, height: size.height), to: &state, runner: runner)
      backend.draw(ScreenView.render(state), full: false)
    }
    while let input = backend.nextInput() {
      let event: Event
      switch input {
      case .key(let key): event = .key(key)
      case .resize(let width, let height): event = .resize(width: width, height: height)
      case .unknown: continue
      }
      let outcome = EffectRunner.apply(event, to: &state, runner: runner)
      if outcome.quit { return }
      backend.draw(ScreenView.render(state), full: outcome.redraw)
    }
    // A first quit only closes the help screen when it is open.
    if !EffectRunner.apply(.command(.quit), to: &state, runner: runner).quit {
      _ = EffectRunner.apply(.command(.quit), to: &state, runner: runner)
    }
  }
}
