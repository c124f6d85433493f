import Foundation
import XCTest

@testable import DatelineCore

/// The fictional HTML pages of `Tests/Fixtures/html`, read as the command line reads them.
enum HTMLFixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/html")

  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: folder.appendingPathComponent(name)))
  }

  static func story(_ name: String) throws -> Story {
    try StoryReader().read(InputDocument(bytes: bytes(name), source: name))
  }

  static func story(html: String, source: String = "page.html", contentType: String? = nil) throws -> Story {
    try StoryReader().read(InputDocument(bytes: Array(html.utf8), source: source, contentType: contentType))
  }

  /// All the text of a story's updates, one paragraph a line, titles included.
  static func bodyText(_ story: Story) -> String {
    story.updates.flatMap { ($0.title.map { [$0] } ?? []) + $0.paragraphs.map(\.text) }.joined(separator: "\n")
  }
}
