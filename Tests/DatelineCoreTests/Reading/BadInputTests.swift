import Foundation
import XCTest

@testable import DatelineCore

/// Every kind of bad input gets a correct story or one clear error, never a crash or a hang.
final class BadInputTests: XCTestCase {
  private var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  private func write(_ bytes: [UInt8], _ name: String = "capture.txt") throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  private func readError(_ path: String) -> CaptureReadError? {
    do {
      _ = try TextCaptureReader().read(path: path)
      return nil
    } catch { return error }
  }

  private let simple = "Headline of a test\nStandfirst of a test\nA paragraph of text.\nA title\nIts text, with “quotes”.\n"

  func testMissingFile() {
    XCTAssertEqual(readError(directory.path + "/nope.txt"), .fileNotFound(path: directory.path + "/nope.txt"))
  }

  func testDirectory() {
    XCTAssertEqual(readError(directory.path), .isDirectory(path: directory.path))
  }

  func testEmptyFileAndBlankFile() throws {
    XCTAssertEqual(readError(try write([])), .empty(source: directory.appendingPathComponent("capture.txt").path))
    let blank = try write(Array(" \n\n  \r\n".utf8), "blank.txt")
    XCTAssertEqual(readError(blank), .empty(source: blank))
  }

  func testBinaryFile() throws {
    var bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]
    bytes += (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let path = try write(bytes)
    XCTAssertEqual(readError(path), .binary(source: path))
  }

  func testInvalidUTF8IsRepaired() throws {
    var bytes = Array(simple.utf8)
    bytes.insert(contentsOf: [0xC3, 0x28, 0xFF], at: 25)
    let story = try TextCaptureReader().read(path: try write(bytes))
    XCTAssertEqual(story.updates.count, 2)
    XCTAssertTrue(story.standfirst?.contains("\u{FFFD}") ?? false)
  }

  func testOverlongSurrogateAndOutOfRangeSequencesAreInvalid() throws {
    for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]] {
      let bytes = Array("Headline café\nStandfirst\nText ".utf8) + bad + Array(" more text.\n".utf8)
      let story = try TextCaptureReader().read(bytes: bytes, source: "t")
      let text = try XCTUnwrap(story.updates.first?.paragraphs.first?.text)
      XCTAssertTrue(text.contains("\u{FFFD}"), "\(bad) must be repaired, not passed through: \(text.debugDescription)")
      XCTAssertEqual(story.headline, "Headline café")
    }
  }

  func testLegacyEightBitTextIsReadAsWindows1252() throws {
    let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" owner speaks\nStandfirst\nShe said ".utf8) + [0x93]
      + Array("no".utf8) + [0x94] + Array(".\n".utf8)
    let story = try TextCaptureReader().read(path: try write(bytes))
    XCTAssertEqual(story.headline, "Café owner speaks")
    XCTAssertEqual(story.updates.first?.paragraphs.first?.text, "She said “no”.")
  }

  func testUTF8WithBOM() throws {
    let story = try TextCaptureReader().read(path: try write([0xEF, 0xBB, 0xBF] + Array(simple.utf8)))
    XCTAssertEqual(story.headline, "Headline of a test")
  }

  func testUTF16WithBOM() throws {
    for bigEndian in [false, true] {
      var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
      for unit in simple.utf16 {
        let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        bytes += bigEndian ? pair.reversed() : pair
      }
      let story = try TextCaptureReader().read(path: try write(bytes))
      XCTAssertEqual(story.headline, "Headline of a test")
      XCTAssertEqual(story.updates.last?.paragraphs.first?.text, "Its text, with “quotes”.")
    }
  }

  func testCRLFLineEnds() throws {
    let story = try TextCaptureReader().read(path: try write(Array(simple.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
    XCTAssertEqual(story.updates.map(\.title), [nil, "A title"])
    XCTAssertEqual(story.updates[1].line, 4)
    XCTAssertFalse(StoryJSON(story).encoded().contains("\\r"))
  }

  func testHugeSingleLine() throws {
    let word = Array("lorem ipsum ".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(20_000_000)
    while bytes.count < 20_000_000 { bytes += word }
    let started = Date()
    let story = try TextCaptureReader().read(path: try write(bytes))
    XCTAssertEqual(story.headline.utf8.count, bytes.count - 1, "one line, trailing space trimmed")
    XCTAssertLessThan(Date().timeIntervalSince(started), 30, "reading must stay linear")
  }

  func testOnlyBoilerplate() throws {
    let path = try write(Array("Subscribe now\nJoin the conversation\nComments\n".utf8))
    XCTAssertEqual(readError(path), .noStory(source: path))
  }

  func testControlCharactersAndEscapeSequencesAreRemoved() throws {
    let text = "Head\u{1B}[31mline\u{1B}[0m here\u{07}\nStand\u{1B}]0;evil title\u{07}first\u{0}\n"
      + "Body\u{8}\u{9B}2J text\u{85} with\ttab and \u{202E}override.\n"
    let story = try TextCaptureReader().read(text: text, source: "t")
    XCTAssertEqual(story.headline, "Headline here")
    XCTAssertEqual(story.standfirst, "Standfirst")
    XCTAssertEqual(story.updates[0].paragraphs[0].text, "Body text with tab and override.")
    for piece in [StoryJSON(story).encoded(), StoryText(story).rendered()] {
      XCTAssertFalse(piece.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    }
  }

  func testOversizedCaptureIsRefusedWithoutReadingItAll() throws {
    let path = try write(Array(repeating: UInt8(ascii: "a"), count: 2_000))
    XCTAssertThrowsError(try CaptureFile.bytes(atPath: path, limit: 1_000)) { error in
      XCTAssertEqual(error as? CaptureReadError, .tooLarge(source: path, bytes: 2_000, limit: 1_000))
    }
  }

  func testEndlessDevicesStopAtTheBinaryCheck() {
    for device in ["/dev/zero", "/dev/urandom"] where FileManager.default.isReadableFile(atPath: device) {
      XCTAssertThrowsError(try CaptureFile.bytes(atPath: device, limit: 1 << 30)) { error in
        XCTAssertEqual(error as? CaptureReadError, .binary(source: device))
      }
    }
  }

  func testAFileOfManyReadsIsReadWhole() throws {
    // Several reads' worth (a read is 64 KiB), with a multi-byte character across each read's end.
    var bytes: [UInt8] = []
    while bytes.count < 300_000 { bytes += Array("Résumé of the day’s events, line \(bytes.count).\n".utf8) }
    XCTAssertEqual(try CaptureFile.bytes(atPath: try write(bytes), limit: 1_000_000), bytes)
    XCTAssertEqual(try CaptureFile.bytes(atPath: try write([], "empty.txt"), limit: 10), [])
  }

  func testAPathThroughAFileIsNotFound() throws {
    let file = try write(Array(simple.utf8))
    XCTAssertEqual(readError(file + "/inside.txt"), .fileNotFound(path: file + "/inside.txt"))
  }

  func testErrorsAreOneLine() {
    let errors: [CaptureReadError] = [
      .fileNotFound(path: "a"), .isDirectory(path: "a"), .unreadable(path: "a", reason: "r"), .empty(source: "a"),
      .binary(source: "a"), .invalidEncoding(source: "a", detail: "d"), .noStory(source: "a"),
      .tooLarge(source: "a", bytes: 2, limit: 1), .parserUnavailable(source: "a", message: "m"),
    ]
    for error in errors { XCTAssertFalse(error.description.contains("\n")) }
  }
}
