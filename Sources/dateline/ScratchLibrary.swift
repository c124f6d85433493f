import DatelineApp
import DatelineCore
import DatelineSession
import DatelineStore
import Foundation

/// A library in a temporary folder for the captures named on the command line: they merge into stories as in
/// the real library (later captures' new and changed updates marked), without touching the user's library.
/// Removed when the reader ends.
struct ScratchLibrary {
  let directory: URL
  let library: Library

  /// Imports `captures` in order; nil (after one line on stderr) when no temporary library can be made.
  init?(captures: [(story: Story, bytes: [UInt8])], analyze: @escaping Library.EntityAnalysis) {
    Self.removeLeftovers()
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(Self.prefix)\(getpid())-\(UUID().uuidString.prefix(8))")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      library = try Library(path: directory.appendingPathComponent(LibraryLocation.fileName).path)
      for capture in captures {
        let report = try library.importCapture(capture.story, bytes: capture.bytes, analyze: analyze)
        // A story's first capture has nothing "new" to point at; only what later captures add is.
        if report.newStory, let story = try library.findStory(report.storyKey) { try library.markStoryRead(story.id) }
      }
    } catch {
      CaptureLoader.warn("cannot merge the captures in a temporary library (\(error)); showing them one by one")
      try? FileManager.default.removeItem(at: directory)
      return nil
    }
  }

  /// The story list in the order the stories first appear on the command line.
  func entries(order keys: [String]) throws(LibraryError) -> [StoryEntry] {
    let summaries = try library.stories()
    func rank(_ key: String) -> Int { keys.firstIndex(of: key) ?? keys.count }
    return summaries.sorted { rank($0.key) < rank($1.key) }.map(StoryEntry.init)
  }

  func remove() { try? FileManager.default.removeItem(at: directory) }

  static let prefix = "dateline-read-"

  /// Removes the temporary libraries of readers that died without cleaning up (a crash, SIGKILL): those whose
  /// process id no longer exists.
  static func removeLeftovers() {
    let temporary = FileManager.default.temporaryDirectory
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary.path) else { return }
    for name in names where name.hasPrefix(prefix) {
      guard let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap({ Int32($0) }), pid > 0,
        kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
    }
  }
}
