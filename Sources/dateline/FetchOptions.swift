import ArgumentParser
import DatelineCore
import DatelineFetch
import Foundation

/// `--timeout SECONDS`, shared by the commands that take URLs, and the fetcher they use; the settings file's
/// `timeout` when the option is not given.
struct FetchOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Give up on a URL after this many seconds in all (default 30, connecting at most 10).", valueName: "SECONDS"))
  var timeout: Int?

  func validate() throws {
    if let timeout, !(1...300).contains(timeout) { throw ValidationError("--timeout takes seconds from 1 to 300") }
  }

  /// The client for the URLs of this command.
  func fetcher() -> PageFetcher {
    Self.fetcher(timeout: timeout)
  }

  /// `fetcher()` for a timeout given as a plain value (`ReadRequest`).
  static func fetcher(timeout: Int?) -> PageFetcher {
    let seconds = timeout ?? SettingsFile.load().timeoutSeconds
    return PageFetcher(policy: seconds.map { FetchPolicy.standard.withTimeout(TimeInterval($0)) } ?? .standard)
  }
}

/// The user's settings file (`dateline.conf` in the config directory), read once per command; problems are
/// one line each on stderr.
enum SettingsFile {
  static func load() -> Settings {
    guard let path = ConfigDirectory.path(of: Settings.fileName, environment: StartEnvironment.values()),
      ConfigDirectory.fileExists(atPath: path), let data = FileManager.default.contents(atPath: path)
    else { return Settings() }
    let (settings, problems) = Settings.parse(String(decoding: data, as: UTF8.self), origin: path)
    for problem in problems { CaptureLoader.warn("\(problem) (line ignored)") }
    return settings
  }
}
