import ArgumentParser
import DatelineCore

struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse", abstract: "Print what dateline reads from captures (the built-in sample with no file).")

  @Flag(help: "Print JSON (one object per line with several files).") var json = false
  @Argument(help: "Plain-text captures, one paragraph per line.") var files: [String] = []

  func run() throws {
    let reader = TextCaptureReader()
    let stories = files.isEmpty ? [reader.readSample()] : try files.map { try reader.read(path: $0) }
    for story in stories { print(story.headline) }
  }
}
