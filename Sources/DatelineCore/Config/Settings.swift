/// dateline's settings file, `dateline.conf` in the config directory: `name = value` lines, `#` comments.
///
/// ```
/// refresh = 120   # seconds between fetches of a story from the web while it is read (0: never)
/// timeout = 20    # seconds a fetch may take in all
/// ```
/// Command-line options win over the file. A bad line is reported as `file:line: what` and skipped.
public struct Settings: Sendable, Hashable {
  /// Seconds between automatic refreshes of the open story when it came from a URL; nil: only on `R`.
  public var refreshSeconds: Int?
  /// Seconds a whole fetch may take; nil: the default.
  public var timeoutSeconds: Int?

  public static let fileName = "dateline.conf"

  public init(refreshSeconds: Int? = nil, timeoutSeconds: Int? = nil) {
    self.refreshSeconds = refreshSeconds
    self.timeoutSeconds = timeoutSeconds
  }

  /// The settings in `text`, and one message per line that could not be used (`origin:line: what`).
  public static func parse(_ text: String, origin: String) -> (settings: Settings, problems: [String]) {
    var settings = Settings()
    var problems: [String] = []
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      let trimmed = line.trimmingSpaces
      if trimmed.isEmpty { continue }
      let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2 else {
        problems.append("\(origin):\(n + 1): expected 'name = value'")
        continue
      }
      let name = parts[0].trimmingSpaces
      let value = parts[1].trimmingSpaces
      switch name {
      case "refresh":
        guard let seconds = Int(value), seconds >= 0, seconds <= 86_400 else {
          problems.append("\(origin):\(n + 1): refresh takes seconds from 0 (never) to 86400")
          continue
        }
        settings.refreshSeconds = seconds == 0 ? nil : seconds
      case "timeout":
        guard let seconds = Int(value), seconds >= 1, seconds <= 300 else {
          problems.append("\(origin):\(n + 1): timeout takes seconds from 1 to 300")
          continue
        }
        settings.timeoutSeconds = seconds
      default:
        problems.append("\(origin):\(n + 1): unknown setting '\(name)' (known: refresh, timeout)")
      }
    }
    return (settings, problems)
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
  }
}
