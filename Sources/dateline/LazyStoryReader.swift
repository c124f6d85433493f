import DatelineCore
import Synchronization

/// A `StoryReader` made the first time a page is read: the library reader reads pages only when a story is
/// fetched again (`R`, `--refresh`), so its first frame does not wait for the bundled boilerplate and HTML rules
/// to be parsed (a few milliseconds of its start). The user's own rules file is read at once, so that its
/// problems are reported on stderr before the terminal is taken over.
final class LazyStoryReader: Sendable {
  private let userRules: BoilerplateRules?
  private let made = Mutex<StoryReader?>(nil)

  init(userRules: BoilerplateRules?) { self.userRules = userRules }

  /// The reader, made on the first call.
  var reader: StoryReader {
    made.withLock { made in
      if let made { return made }
      let rules = userRules.map { BoilerplateRules.bundled.adding($0) } ?? BoilerplateRules.bundled
      let reader = StoryReader(rules: rules)
      made = reader
      return reader
    }
  }
}
