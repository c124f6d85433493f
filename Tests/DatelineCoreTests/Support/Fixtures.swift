import Foundation
import XCTest

@testable import DatelineCore

/// Paths shared by the tests: the package root and the seeds beside it.
enum Fixtures {
  static let packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The directory of real captures (`../shared/seeds`), or a skip with a clear message when it is absent.
  static func seedsDirectory() throws -> URL {
    let seeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    guard FileManager.default.fileExists(atPath: seeds.path) else {
      throw XCTSkip("../shared/seeds is not beside the package: the seed captures are not available here")
    }
    return seeds
  }

  /// The seed whose file name starts with `prefix` ("000", "002").
  static func seed(_ prefix: String) throws -> URL {
    let directory = try seedsDirectory()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) }) else {
      throw XCTSkip("no seed named \(prefix)* in \(directory.path)")
    }
    return directory.appendingPathComponent(name)
  }

  /// Reads `text` as a capture with the bundled rules.
  static func story(_ text: String, source: String = "test") throws -> Story {
    try TextCaptureReader().read(bytes: Array(text.utf8), source: source)
  }

  /// A capture made of a headline, a standfirst and `body` lines.
  static func capture(_ body: [String]) -> String {
    (["Test live: the headline of a fixture story", "A standfirst that sums it up"] + body).joined(separator: "\n")
  }
}
