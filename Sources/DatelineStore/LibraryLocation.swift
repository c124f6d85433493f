import Foundation

/// Where the library file lives: `--library PATH`, else `$XDG_DATA_HOME/dateline/library.sqlite`, else
/// `~/.local/share/dateline/library.sqlite`.
public struct LibraryLocation: Sendable, Hashable {
  public static let fileName = "library.sqlite"

  /// The library file.
  public var path: String
  /// True when the path is the default one, whose `dateline` directory may be created.
  public var isDefault: Bool

  public init(path: String, isDefault: Bool = false) {
    self.path = path
    self.isDefault = isDefault
  }

  /// The path the user gave, else the default under the data directory of `environment`.
  public static func resolve(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(LibraryError) -> LibraryLocation {
    if let explicit, !explicit.isEmpty { return LibraryLocation(path: explicit) }
    let base: String
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      base = xdg
    } else if let home = environment["HOME"], !home.isEmpty {
      base = home + "/.local/share"
    } else {
      throw .noDataDirectory
    }
    return LibraryLocation(path: base + "/dateline/" + fileName, isDefault: true)
  }

  /// The directory that holds the library file.
  public var directory: String {
    let dir = (path as NSString).deletingLastPathComponent
    return dir.isEmpty ? "." : dir
  }
}
