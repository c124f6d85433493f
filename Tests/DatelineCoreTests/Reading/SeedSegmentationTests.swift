import Foundation
import XCTest

@testable import DatelineCore

/// The two real captures in ../shared/seeds must be read perfectly. The expected segmentation is written as
/// input line numbers (the seeds' text stays out of the repository); texts are checked against the file itself.
final class SeedSegmentationTests: XCTestCase {
  /// One expected update: its title line (nil for the untitled lead), paragraph lines, and cards as
  /// (title line, summary line).
  struct Expected {
    var title: Int?
    var line: Int
    var paragraphs: [Int]
    var links: [(Int, Int?)] = []
    var kind: Update.Kind = .text
  }

  func testSeed000() throws {
    try check(
      seed: "000", removed: [3, 4, 5, 6, 7, 54, 67, 70, 71, 72, 73, 74], gluedLine: 7,
      updates: [
        Expected(title: nil, line: 7, paragraphs: [7, 8, 9, 10, 11]),
        Expected(title: 12, line: 12, paragraphs: [13, 14, 15, 16], links: [(17, 18)]),
        Expected(title: 19, line: 19, paragraphs: [], kind: .pictures),
        Expected(title: 20, line: 20, paragraphs: [21, 22, 23], links: [(24, nil)]),
        Expected(title: 25, line: 25, paragraphs: []),
        Expected(title: 26, line: 26, paragraphs: [27, 28]),
        Expected(title: 29, line: 29, paragraphs: Array(30...39)),
        Expected(title: 40, line: 40, paragraphs: Array(41...50)),
        Expected(title: 51, line: 51, paragraphs: [52, 53], links: [(55, 56)]),
        Expected(title: 57, line: 57, paragraphs: [], kind: .pictures),
        Expected(title: 58, line: 58, paragraphs: Array(59...63)),
        Expected(title: 64, line: 64, paragraphs: [65, 66], links: [(68, 69)]),
      ])
  }

  func testSeed002() throws {
    try check(
      seed: "002", removed: [3, 4, 5, 6, 7, 45, 46, 47, 48, 49], gluedLine: 7,
      updates: [
        Expected(title: nil, line: 7, paragraphs: [7, 8, 9, 10, 11]),
        Expected(title: 12, line: 12, paragraphs: [13, 14, 15, 16]),
        Expected(title: 17, line: 17, paragraphs: Array(18...22)),
        Expected(title: 23, line: 23, paragraphs: [24, 25]),
        Expected(title: 26, line: 26, paragraphs: Array(27...33)),
        Expected(title: 34, line: 34, paragraphs: Array(35...40)),
        Expected(title: 41, line: 41, paragraphs: [], links: [(42, 43)]),
        Expected(title: 44, line: 44, paragraphs: [], kind: .pictures),
      ])
  }

  /// The update both seeds share keeps one identity, so a later capture can be matched to an earlier one.
  func testSharedUpdatesHaveTheSameIdentity() throws {
    let first = try TextCaptureReader().read(path: Fixtures.seed("000").path)
    let second = try TextCaptureReader().read(path: Fixtures.seed("002").path)
    XCTAssertEqual(first.id, second.id)
    let shared = Set(first.updates.map(\.id)).intersection(second.updates.map(\.id))
    XCTAssertEqual(shared.count, 2, "the untitled lead and one titled update appear in both captures")
  }

  private func check(seed: String, removed: [Int], gluedLine: Int, updates expected: [Expected]) throws {
    let url = try Fixtures.seed(seed)
    let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    func text(_ number: Int) -> String { lines[number - 1].trimmingCharacters(in: .whitespaces) }
    let story = try TextCaptureReader().read(path: url.path)

    XCTAssertEqual(story.headline, text(1))
    XCTAssertEqual(story.standfirst, text(2))
    XCTAssertEqual(story.removed.map(\.line), removed, "boilerplate lines")
    XCTAssertEqual(story.updates.count, expected.count, "number of updates")

    for (index, (update, want)) in zip(story.updates, expected).enumerated() {
      let label = "update \(index + 1) (line \(want.line))"
      XCTAssertEqual(update.title, want.title.map(text), label)
      XCTAssertEqual(update.line, want.line, label)
      XCTAssertEqual(update.kind, want.kind, label)
      XCTAssertEqual(update.paragraphs.map(\.line), want.paragraphs, label)
      for paragraph in update.paragraphs where paragraph.line != gluedLine {
        XCTAssertEqual(paragraph.text, text(paragraph.line), label)
      }
      XCTAssertEqual(update.links.map(\.line), want.links.map(\.0), "\(label): cards")
      XCTAssertEqual(update.links.map(\.summaryLine), want.links.map(\.1), "\(label): card summaries")
      for link in update.links {
        XCTAssertEqual(link.title, text(link.line))
        XCTAssertEqual(link.summary, link.summaryLine.map(text))
      }
    }

    // Where boilerplate and body were glued, the cut leaves both halves whole.
    let glued = try XCTUnwrap(story.updates.first?.paragraphs.first { $0.line == gluedLine })
    let cut = try XCTUnwrap(story.removed.first { $0.line == gluedLine })
    XCTAssertEqual(cut.text + glued.text, text(gluedLine))
    XCTAssertEqual(String(String.UnicodeScalarView(text(gluedLine).unicodeScalars.dropFirst(glued.column))), glued.text)
    XCTAssertTrue(glued.text.first?.isUppercase ?? false)

    // Nothing of the body is lost: every non-empty line is the headline, the standfirst, removed, or in an update.
    var accounted = Set([story.headlineLine] + (story.standfirstLine.map { [$0] } ?? []) + story.removed.map(\.line))
    for update in story.updates { accounted.formUnion(update.sourceLines) }
    let nonEmpty = lines.indices.filter { !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }.map { $0 + 1 }
    XCTAssertEqual(accounted.sorted(), nonEmpty)
  }
}
