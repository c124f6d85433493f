import DatelineCore
import Foundation

/// Loads the stories named on a command line, reporting each bad file as one line on stderr.
enum CaptureLoader {
  enum Source { case sample, file(String) }

  static func sources(_ files: [String]) -> [Source] {
    files.isEmpty ? [.sample] : files.map(Source.file)
  }

  /// A reader of every input format, with the bundled boilerplate rules and the user's own, if any.
  static func reader() -> StoryReader {
    let user = userRules()
    return StoryReader(rules: user.map { BoilerplateRules.bundled.adding($0) } ?? BoilerplateRules.bundled)
  }

  /// The user's own boilerplate rules (`boilerplate.rules` in the config directory), if there is such a file;
  /// each bad line is reported on stderr and ignored.
  static func userRules() -> BoilerplateRules? {
    guard
      let path = ConfigDirectory.path(of: "boilerplate.rules", environment: StartEnvironment.values()),
      ConfigDirectory.fileExists(atPath: path), let text = try? String(contentsOfFile: path, encoding: .utf8)
    else { return nil }
    let parsed = BoilerplateRules.parse(text, origin: path)
    for problem in parsed.problems { warn("\(problem) (line ignored)") }
    return parsed.rules
  }

  /// The story of `source`, or nil after printing why it could not be read.
  static func load(_ source: Source, with reader: StoryReader) -> Story? {
    switch source {
    case .sample: return reader.readSample()
    case .file(let path):
      do {
        return try reader.read(path: path)
      } catch {
        warn(error.description)
        return nil
      }
    }
  }

  static func warn(_ message: String) {
    FileHandle.standardError.write(Data("dateline: \(TextSanitizer.clean(message[...]))\n".utf8))
  }
}
