import Foundation
import XCTest

@testable import DatelineCore

/// A capture is read a chunk of lines at a time, and a large one in two parts at once, cut at a seam. Neither
/// may change the story: it must be exactly the one a plain reading gives (all the lines split, then filtered,
/// then segmented).
final class ChunkedReadingTests: XCTestCase {
  private let reader = TextCaptureReader()

  func testSmallChunksGiveThePlainStory() throws {
    for (name, text) in try Self.inputs() {
      let plain = Self.plainStory(text)
      XCTAssertNotNil(plain, name)
      for chunkBytes in [1, 57, 4_096] {
        let chunked = try? reader.read(bytes: Array(text.utf8), source: "test", chunkBytes: chunkBytes, parallelBytes: .max)
        XCTAssertEqual(chunked, plain, "\(name), chunks of \(chunkBytes) bytes")
      }
    }
  }

  func testEverySeamGivesThePlainStory() throws {
    for (name, text) in try Self.inputs() {
      let plain = Self.plainStory(text)
      let seams = Self.seams(in: Array(text.utf8), most: 20)
      if text.utf8.count > 50_000 { XCTAssertGreaterThan(seams.count, 5, "\(name) has seams") }
      for seam in seams {
        let story = Array(text.utf8).withUnsafeBufferPointer { bytes in
          reader.parts(of: bytes, cutAt: seam, validating: true, chunkBytes: 97)
            .flatMap { try? reader.story(from: $0, source: "test") }
        }
        XCTAssertEqual(story, plain, "\(name), cut at byte \(seam)")
      }
    }
  }

  /// The large-capture path as a whole: the seam is found near the middle, both parts are read at once.
  func testLargeCapturesAreReadInTwoPartsExactly() throws {
    for (name, text) in try Self.inputs() where text.utf8.count > 50_000 {
      let twoParts = try reader.read(bytes: Array(text.utf8), source: "test", chunkBytes: 1_000, parallelBytes: 1)
      XCTAssertEqual(twoParts, Self.plainStory(text), name)
    }
  }

  /// A time read above a title that then turns out to be a card belongs to the next update opened: when that
  /// update is the one opened at the seam, the time must cross the seam with it.
  func testATimeLeftPendingCrossesTheSeam() throws {
    var lines = ["Live: a headline for the test", "A standfirst for the test", "The lead paragraph."]
    lines += ["09:12 CET", "Read more:", "A card announced by its lead-in", "its summary, in lower case and without a full stop"]
    lines += (1...12).map { "Paragraph \($0) of the text." }
    lines += ["The post opened at the seam", "Its first paragraph.", "Its second paragraph."]
    let text = lines.joined(separator: "\n") + "\n"
    let plain = try XCTUnwrap(Self.plainStory(text))
    XCTAssertEqual(plain.updates.last?.time, "09:12 CET", "the premise: one walk gives the time to the last post")
    let seams = Self.seams(in: Array(text.utf8), most: 10)
    XCTAssertEqual(seams.count, 1)
    let story = Array(text.utf8).withUnsafeBufferPointer { bytes in
      seams.first.flatMap { reader.parts(of: bytes, cutAt: $0, validating: true, chunkBytes: 10) }
        .flatMap { try? reader.story(from: $0, source: "test") }
    }
    XCTAssertEqual(story, plain)
  }

  /// Splitting a chunk at a time gives the lines of one pass, and the line ends counted before any line's
  /// start are the lines before it, whatever the line ends.
  func testSplittingInChunksAndCountingLineEnds() throws {
    for (name, text) in try Self.inputs() {
      let bytes = Array(text.utf8)
      let whole = InputLine.split(text)
      bytes.withUnsafeBufferPointer { buffer in
        var splitter = LineSplitter(buffer, validating: true)
        var chunked: [InputLine] = []
        while !splitter.isAtEnd { XCTAssertTrue(splitter.appendLines(to: &chunked, byteCount: 17, keepingBlank: true)) }
        XCTAssertEqual(chunked, whole, name)
        var start = 0
        var number = 1
        while let end = LineSplitter.nextLineEnd(buffer, from: start), number < 3_000 {
          start = end + (buffer[end] == 0x0D && end + 1 < buffer.count && buffer[end + 1] == 0x0A ? 2 : 1)
          XCTAssertEqual(LineSplitter.lineEndCount(UnsafeBufferPointer(rebasing: buffer[..<start])), number, "\(name) line \(number)")
          number += 1
        }
      }
    }
  }

  // MARK: - Inputs

  /// The plain reading: every line of the capture at once, filtered in one pass, segmented in one walk.
  private static func plainStory(_ text: String) -> Story? {
    var lines = InputLine.split(text)
    let removed = BoilerplateFilter(rules: .bundled).blankBoilerplate(in: &lines)
    guard let segments = UpdateSegmenter(rules: .bundled).segment(lines) else { return nil }
    return Story(
      source: "test", headline: segments.headline.text, headlineLine: segments.headline.number,
      standfirst: segments.standfirst?.text, standfirstLine: segments.standfirst?.number,
      updates: segments.updates, removed: removed)
  }

  /// Offsets of the first `most` seams, from the start of `bytes` on.
  private static func seams(in bytes: [UInt8], most: Int) -> [Int] {
    bytes.withUnsafeBufferPointer { buffer in
      var found: [Int] = []
      var after = 0
      while found.count < most, after < buffer.count,
        let seam = CaptureSeam(in: buffer, after: after, rules: .bundled, validating: true)
      {
        found.append(seam.offset)
        after = seam.offset
      }
      return found
    }
  }

  /// The sample, the seeds when they are there, the sample's body repeated with every kind of line end, and
  /// random mixes of body text, boilerplate (blocks, glued prefixes, card lead-ins), labels, times and blank
  /// lines.
  private static func inputs() throws -> [(String, String)] {
    let sample = try XCTUnwrap(BundledResource.text("sample-story.txt"))
    var inputs = [("sample", sample)]
    if let seeds = try? Fixtures.seedsDirectory(),
      let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path)
    {
      for name in names.sorted() {
        if let text = try? String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8) {
          inputs.append((name, text))
        }
      }
    }
    let lines = sample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let body = lines.dropFirst(6).dropLast(3)
    for end in ["\n", "\r\n", "\r"] {
      var text = lines.prefix(6).joined(separator: end) + end
      for copy in 1...40 {
        for line in body {
          text += (line.count < 90 && !line.hasSuffix(".") && !line.hasSuffix(":") ? "\(line) (\(copy))" : line) + end
        }
      }
      inputs.append(("sample repeated, \(end.debugDescription) line ends", text + lines.suffix(3).joined(separator: end)))
    }
    let pool = lines.filter { !$0.isEmpty } + ((try? Fixtures.seedsDirectory()).map(seedLines) ?? [])
    for seed in UInt64(1)...6 {
      inputs.append(("random mix \(seed)", randomCapture(seed: seed, pool: pool, lines: 2_500)))
    }
    return inputs
  }

  private static func seedLines(_ directory: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().flatMap { name in
      ((try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? "")
        .split(separator: "\n").map(String.init)
    }
  }

  private static let boilerplate = [
    "Support independent reporting", "Support our journalism", "Every contribution counts.",
    "Every contribution counts.Glued body text after the block.", "Your support helps us do this",
    "Your support makes all the difference.", "Please consider supporting us. Glued body text.", "Read more:",
    "Related:", "Read the full story below:", "Share", "Advertisement", "Subscribe", "Join the conversation",
    "Comments", "Most read", "Key events", "In pictures: the river at night", "Watch: the dyke from the air",
    "Pictured: a flooded street",
  ]
  private static let times = ["09:12 CET", "12:45", "9.05am BST", "3 hours ago", "an hour ago", "21:30"]

  /// A capture of `lines` lines drawn at random (but the same for the same `seed`), with mixed line ends.
  private static func randomCapture(seed: UInt64, pool: [String], lines: Int) -> String {
    var random = SplitMix64(seed: seed)
    func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    var text = pick(pool) + "\n" + pick(pool) + "\n"
    for _ in 0..<lines {
      let roll = random.next() % 100
      var line: String
      switch roll {
      case 0..<55: line = pick(pool)
      case 55..<70: line = pick(boilerplate)
      case 70..<76: line = pick(times)
      case 76..<84: line = ""
      case 84..<88: line = "  " + pick(pool) + " \t"
      case 88..<93: line = String(pick(pool).prefix(Int(random.next() % 60) + 1))
      default: line = "“" + pick(pool)
      }
      if random.next() % 10 < 3 && line.count < 90 && !line.hasSuffix(".") { line += " (\(random.next() % 50))" }
      text += line + pick(["\n", "\n", "\n", "\r\n", "\r"])
    }
    return text
  }
}

/// A small seeded generator, so that a failing random input is the same on the next run.
private struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
