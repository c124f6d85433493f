import ArgumentParser
import DatelineStore

/// `--library PATH`, shared by the commands that use the library, and how they open it.
struct LibraryOption: ParsableArguments {
  @Option(
    name: .customLong("library"),
    help: ArgumentHelp(
      "The library file (default: $XDG_DATA_HOME/dateline/library.sqlite, else ~/.local/share/dateline/library.sqlite).",
      valueName: "PATH"))
  var path: String?

  /// The open library, or a one-line message on stderr and a failing exit.
  func open() throws -> Library {
    do {
      return try Library(location: try LibraryLocation.resolve(explicit: path))
    } catch {
      CaptureLoader.warn(error.description)
      throw ExitCode.failure
    }
  }

  /// The library opened for the reader: read at once, made writable at the first write (`Library.forReading`).
  func openForReading() throws -> Library {
    try Self.openForReading(path: path)
  }

  /// `openForReading()` for a path given as a plain value (`ReadRequest`).
  static func openForReading(path: String?) throws -> Library {
    do {
      return try Library.forReading(
        location: try LibraryLocation.resolve(explicit: path, environment: StartEnvironment.values()))
    } catch {
      CaptureLoader.warn(error.description)
      throw ExitCode.failure
    }
  }
}
