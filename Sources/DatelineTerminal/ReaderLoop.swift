import DatelineApp
import Foundation

/// The run loop: draw, block for input, reduce and carry out the effects, repeat, until the reducer asks to quit
/// or input ends.
public enum ReaderLoop {
  /// Runs the reader on `backend` from `state`; effects that need stories are done by `runner` (none when every
  /// story is in memory). Returns when the user quits or input stops (then the state is saved as on a quit).
  /// `slowStart` draws a "Loading…" frame before the first story is read (worth its bytes only for a large one).
  /// `refreshEvery` seconds, the open story is fetched again when it came from the web. While background work
  /// runs or a refresh is due, input is waited for a little at a time so their events are taken in; otherwise
  /// the loop blocks (an idle reader uses no CPU).
  ///
  /// `afterFirstFrame`, when given, runs once the first frame is on screen and may hand over the state and
  /// runner to go on with (the same stories from a library made meanwhile): work the first screen does not need
  /// comes after it.
  ///
  /// `finishFirstScreen`: the first frame was drawn with part of what the screen shows (the entities of the
  /// updates on it) and the rest is being worked out in the runner's background since before that frame (the
  /// whole story's entities): once the frame is on screen, that work is waited for and its events reduced and
  /// drawn before anything else (keys typed meanwhile wait in the terminal), so that `afterFirstFrame` and the
  /// first key see the whole story.
  public static func run<Backend: TerminalBackend>(
    _ initial: AppState, backend: inout Backend, runner: EffectRunner? = nil, slowStart: Bool = false,
    refreshEvery: TimeInterval? = nil, finishFirstScreen: Bool = false,
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
    if finishFirstScreen, let runner {
      runner.background.waitUntilDone()
      for event in runner.background.drain() { _ = EffectRunner.apply(event, to: &state, runner: runner) }
      backend.draw(ScreenView.render(state), full: false)
    }
    if let afterFirstFrame, let next = afterFirstFrame(state) {
      state = next.state
      runner = next.runner
      state.use(backend.repertoire)
      let size = backend.size
      _ = EffectRunner.apply(.resize(width: size.width, height: size.height), to: &state, runner: runner)
      backend.draw(ScreenView.render(state), full: false)
    }
    let period = refreshEvery.map { max(1, $0) }
    var nextRefresh = period.map { Date().addingTimeInterval($0) }
    while true {
      let wait = waitMilliseconds(busy: runner?.background.isBusy ?? false, nextRefresh: nextRefresh)
      guard let input = wait.map({ backend.nextInput(waitingAtMost: $0) }) ?? backend.nextInput() else { break }
      var events: [Event] = []
      switch input {
      case .key(let key): events.append(.key(key))
      case .resize(let width, let height): events.append(.resize(width: width, height: height))
      case .unknown, .idle: break
      }
      events += runner?.background.drain() ?? []
      if let due = nextRefresh, let period, Date() >= due {
        events.append(.refreshDue)
        nextRefresh = Date().addingTimeInterval(period)
      }
      guard !events.isEmpty else { continue }
      var full = false
      for event in events {
        let outcome = EffectRunner.apply(event, to: &state, runner: runner)
        if outcome.quit { return }
        full = full || outcome.redraw
      }
      backend.draw(ScreenView.render(state), full: full)
    }
    // A first quit only closes the help screen when it is open.
    if !EffectRunner.apply(.command(.quit), to: &state, runner: runner).quit {
      _ = EffectRunner.apply(.command(.quit), to: &state, runner: runner)
    }
  }

  /// How long to wait for input before looking at background work and the timer: 50 ms while work runs, until
  /// the next refresh otherwise, or nil to block.
  static func waitMilliseconds(busy: Bool, nextRefresh: Date?) -> Int? {
    if busy { return 50 }
    guard let nextRefresh else { return nil }
    return max(0, Int((nextRefresh.timeIntervalSinceNow * 1000).rounded(.up)))
  }
}
