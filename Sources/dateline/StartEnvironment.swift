import Foundation

/// The environment variables that the reader's start and the configuration files depend on, looked up one by
/// one. Why not `ProcessInfo.processInfo.environment`: it copies the whole environment into a dictionary, and its
/// first call cost half a millisecond on the way to the first frame.
enum StartEnvironment {
  /// Every variable read through the dictionaries this gives (config and data directories, the terminal).
  static let names = ["HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "TERM", "NO_COLOR", "NCURSES_NO_UTF8_ACS"]

  /// The variables of `names` that are set.
  static func values() -> [String: String] {
    var values: [String: String] = [:]
    for name in names {
      if let value = getenv(name) { values[name] = String(cString: value) }
    }
    return values
  }
}
