#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where dateline's user configuration files live: `$XDG_CONFIG_HOME/dateline`, else `~/.config/dateline`.
/// A relative `XDG_CONFIG_HOME` is ignored, as the XDG base directory specification says.
public enum ConfigDirectory {
  /// The path of the configuration file `name`, whether or not it exists; nil when neither variable is set.
  public static func path(of name: String, environment: [String: String]) -> String? {
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/dateline/" + name }
    if let home = environment["HOME"], !home.isEmpty { return home + "/.config/dateline/" + name }
    return nil
  }

  /// Whether there is something at `path` (one `access` call). Configuration files are optional and usually
  /// absent: this answers before Foundation's file reading, whose first use costs more than a start needs.
  public static func fileExists(atPath path: String) -> Bool { access(path, F_OK) == 0 }
}
