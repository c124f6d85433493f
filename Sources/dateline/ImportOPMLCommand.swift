import ArgumentParser
import DatelineCore
import DatelineStore
import Foundation

/// `dateline import-opml [--library PATH] FILE`: follows every feed an OPML file lists, keeping its folders.
struct ImportOPMLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-opml", abstract: "Follow every feed an OPML file lists, in its folders.")

  @OptionGroup var library: LibraryOption
  @Argument(help: "An OPML file ('-' for standard input).") var file: String

  func run() throws {
    let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
    guard let data else {
      CaptureLoader.warn("\(file): cannot read the file")
      throw ExitCode.failure
    }
    let list: OutlineList
    switch FeedReading.read(Array(data)) {
    case .success(.outlines(let read)): list = read
    case .success(.feed): CaptureLoader.warn("\(file): a feed, not an OPML list: use 'dateline subscribe'"); throw ExitCode.failure
    case .failure(let error): CaptureLoader.warn("\(file): \(error.message)"); throw ExitCode.failure
    }
    for problem in list.errors { CaptureLoader.warn("\(file): \(problem)") }
    let store = try library.open()
    var added = 0
    for outline in list.outlines {
      do {
        if try store.subscribe(outline) { added += 1 }
      } catch {
        CaptureLoader.warn(error.description)
        throw ExitCode.failure
      }
    }
    print("\(list.outlines.count) feeds in \(TextSanitizer.clean(Substring(file))), \(added) new")
  }
}
