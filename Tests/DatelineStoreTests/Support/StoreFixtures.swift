import DatelineCore
import Foundation
import XCTest

@testable import DatelineStore

/// Temporary directories, captures built in code, and the paths tests need.
enum StoreFixtures {
  /// A fresh directory removed when `test` ends.
  static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("dateline-store-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
  }

  /// `/work/shared/seeds` found from this file's real location, or nil when the shared folder is absent.
  static var seedsDirectory: URL? {
    let file = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    let root = file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    return FileManager.default.fileExists(atPath: seeds.path) ? seeds : nil
  }

  /// The seed capture whose name starts with `prefix`, or a skip.
  static func seed(_ prefix: String) throws -> URL {
    guard let dir = seedsDirectory else { throw XCTSkip("the shared seeds folder is absent") }
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    guard let name = names.first(where: { $0.hasPrefix(prefix) }) else { throw XCTSkip("no seed \(prefix)") }
    return dir.appendingPathComponent(name)
  }

  /// The `dateline` executable in the build products folder next to the test bundle.
  static func datelineBinary() throws -> URL {
    // On Linux the bundle URL is the products folder itself; on macOS it is the .xctest inside it.
    let bundle = Bundle(for: BundleLocator.self).bundleURL
    for products in [bundle, bundle.deletingLastPathComponent()] {
      let binary = products.appendingPathComponent("dateline")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: binary.path, isDirectory: &isDirectory), !isDirectory.boolValue,
        FileManager.default.isExecutableFile(atPath: binary.path)
      {
        return binary
      }
    }
    throw XCTSkip("dateline is not built next to the tests (\(bundle.path))")
  }

  /// Runs the `dateline` binary with `arguments` to its end; its exit status and what it wrote on stderr.
  static func runDateline(_ binary: URL, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, message)
  }

  /// A capture text: a headline, a standfirst, then each update as a time line, a title and paragraphs.
  static func capture(headline: String, updates: [(title: String, paragraphs: [String])]) -> String {
    var text = headline + "\nA standfirst line that sums the story up for readers today\n"
    for (n, update) in updates.enumerated() {
      text += "1\(n % 10):0\(n % 10) CET\n" + update.title + "\n"
      for paragraph in update.paragraphs { text += paragraph + "\n" }
    }
    return text
  }

  /// Reads capture `text` as if from `source`.
  static func story(_ text: String, source: String) throws -> Story {
    try TextCaptureReader().read(bytes: Array(text.utf8), source: source)
  }

  /// Imports `text` into `library` with `analyze`.
  @discardableResult
  static func importText(
    _ text: String, source: String, into library: Library, analyze: Library.EntityAnalysis? = nil
  ) throws -> ImportReport {
    try library.importCapture(story(text, source: source), bytes: Array(text.utf8), analyze: analyze)
  }

  /// An update's paragraphs for tests: two sentences whose words are picked by `seed`, so that two seeds give
  /// two clearly different openings.
  static func paragraphs(_ seed: String) -> [String] {
    let words = [
      "river", "bridge", "army", "mayor", "shelter", "rain", "hills", "crews", "sandbags", "ministry", "school",
      "hospital", "train", "station", "harbour", "farmers", "volunteers", "police", "forecast", "village",
      "market", "council", "engineers", "pumps", "dykes", "roads", "buses", "power", "water", "boats",
    ]
    var state = ContentHasher()
    state.add(seed)
    var hash = UInt64(state.hex.suffix(16), radix: 16) ?? 1
    func sentence() -> String {
      var picked: [String] = []
      for _ in 0..<12 {
        hash = hash &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        picked.append(words[Int((hash >> 33) % UInt64(words.count))])
      }
      return "The " + picked.joined(separator: " ") + "."
    }
    return [sentence(), sentence()]
  }

  /// The SQLite file's bytes plus its WAL, to compare before and after.
  static func bytes(of url: URL) -> Data? { FileManager.default.contents(atPath: url.path) }
}

/// A class to find the test bundle by.
final class BundleLocator {}
