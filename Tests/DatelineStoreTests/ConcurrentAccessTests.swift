import DatelineCore
import Foundation
import XCTest

@testable import DatelineStore

/// A reader and importers at once, each with its own connection pool: nobody sees "database is locked".
final class ConcurrentAccessTests: XCTestCase {
  func testReaderAndTwoImportersInThreadsWithSeparatePools() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let path = dir.appendingPathComponent("library.sqlite").path
    _ = try Library(path: path)
    let sample = try XCTUnwrap(BundledResource.text("sample-story.txt"))
    let errors = ErrorLog()
    let done = DispatchGroup()
    for writer in 0..<2 {
      DispatchQueue.global().async(group: done) {
        do {
          let library = try Library(path: path)
          let blog = SyntheticLiveBlog(sample: sample, window: 30).renamed(seed: writer)
          for n in 0..<40 {
            try StoreFixtures.importText(blog.capture(n), source: "w\(writer).txt", into: library)
          }
        } catch {
          errors.add("writer \(writer): \(error)")
        }
      }
    }
    let finished = Flag()
    DispatchQueue.global().async { done.wait(); finished.set() }
    let reader = try Library(path: path)
    var reads = 0
    while !finished.isSet {
      do {
        for story in try reader.stories() { _ = try reader.updates(story: story.id, range: 0..<40) }
        reads += 1
      } catch {
        errors.add("reader: \(error)")
      }
    }
    XCTAssertEqual(errors.all, [])
    XCTAssertGreaterThan(reads, 0)
    XCTAssertEqual(try reader.stories().count, 2)
  }

  func testReaderWhileARealImporterProcessRuns() throws {
    let binary = try StoreFixtures.datelineBinary()
    let dir = try StoreFixtures.temporaryDirectory(self)
    let path = dir.appendingPathComponent("library.sqlite").path
    let sample = try XCTUnwrap(BundledResource.text("sample-story.txt"))
    let blog = SyntheticLiveBlog(sample: sample, window: 60)
    var files: [String] = []
    var distinct = Set<String>()
    for n in 0..<25 {
      let url = dir.appendingPathComponent("capture-\(n).txt")
      let text = blog.capture(n)
      distinct.insert(text)
      try Data(text.utf8).write(to: url)
      files.append(url.path)
    }
    let reader = try Library(path: path)
    let process = Process()
    process.executableURL = binary
    process.arguments = ["add", "--library", path] + files
    let stderr = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = stderr
    try process.run()
    var reads = 0
    var errors: [String] = []
    while process.isRunning {
      do {
        for story in try reader.stories() { _ = try reader.updates(story: story.id, range: 0..<40) }
        // A second process opening the library mid-import does not wait for it.
        if reads % 5 == 0 {
          let list = try StoreFixtures.runDateline(binary, ["list", "--library", path])
          if list.status != 0 { errors.append("dateline list: " + list.stderr) }
        }
        try reader.saveReadingPosition(story: reader.stories().first?.id ?? 0, update: nil, line: reads)
        reads += 1
      } catch LibraryError.database(_, let detail) where detail.contains("FOREIGN KEY") {
        // No story yet.
      } catch {
        errors.append("\(error)")
      }
    }
    process.waitUntilExit()
    let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    XCTAssertEqual(process.terminationStatus, 0, message)
    XCTAssertFalse(message.contains("locked"), message)
    XCTAssertEqual(errors, [])
    XCTAssertGreaterThan(reads, 0)
    XCTAssertEqual(try reader.stories().first?.captureCount, distinct.count, "identical captures count once")
  }
}

/// Errors gathered from several threads.
final class ErrorLog: @unchecked Sendable {
  private let lock = NSLock()
  private var messages: [String] = []
  func add(_ message: String) { lock.lock(); messages.append(message); lock.unlock() }
  var all: [String] { lock.lock(); defer { lock.unlock() }; return messages }
}

/// A flag set once from another thread.
final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  func set() { lock.lock(); value = true; lock.unlock() }
  var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
