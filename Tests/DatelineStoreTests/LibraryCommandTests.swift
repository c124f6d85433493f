import DatelineCore
import Foundation
import XCTest

@testable import DatelineStore

/// `dateline add`, `list` and `remove` run as the user runs them.
final class LibraryCommandTests: XCTestCase {
  private func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = try StoreFixtures.datelineBinary()
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
  }

  func testAddJSONListAndRemove() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let library = dir.appendingPathComponent("library.sqlite").path
    let headline = "Floods live: river crews race to protect the old town as waters rise"
    let one = dir.appendingPathComponent("one.txt")
    let two = dir.appendingPathComponent("two.txt")
    try Data(StoreFixtures.capture(headline: headline, updates: [("Bridges closed", StoreFixtures.paragraphs("b"))]).utf8)
      .write(to: one)
    try Data(
      StoreFixtures.capture(
        headline: headline,
        updates: [("Mayor visits", StoreFixtures.paragraphs("m")), ("Bridges clossed", StoreFixtures.paragraphs("b"))]
      ).utf8
    ).write(to: two)

    let added = try run(["add", "--json", "--library", library, one.path, two.path])
    XCTAssertEqual(added.status, 0, added.err)
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(added.out.utf8)) as? [String: Any])
    XCTAssertEqual(Array(json.keys), ["captures"])
    let captures = try XCTUnwrap(json["captures"] as? [[String: Any]])
    XCTAssertEqual(captures.count, 2)
    XCTAssertEqual(Set(captures[1].keys), ["source", "story", "updates", "new", "changed"])
    XCTAssertEqual(captures[1]["source"] as? String, two.path)
    XCTAssertEqual(captures[1]["story"] as? String, headline)
    XCTAssertEqual(captures[1]["updates"] as? Int, 2)
    XCTAssertEqual(captures[1]["new"] as? [String], ["Mayor visits"])
    XCTAssertEqual(captures[1]["changed"] as? [String], ["Bridges clossed"])
    XCTAssertTrue(added.out.hasPrefix("{\"captures\": [{\"source\": "), "keys in the documented order")

    let again = try run(["add", "--json", "--library", library, two.path])
    XCTAssertTrue(again.out.contains("\"new\": [], \"changed\": []"), again.out)

    let listed = try run(["list", "--json", "--library", library])
    XCTAssertEqual(listed.status, 0, listed.err)
    let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [String: Any])
    let stories = try XCTUnwrap(list["stories"] as? [[String: Any]])
    XCTAssertEqual(stories.count, 1)
    XCTAssertEqual(stories[0]["updates"] as? Int, 2)
    XCTAssertEqual(stories[0]["new"] as? Int, 2)

    let removed = try run(["remove", "--library", library, "1"])
    XCTAssertEqual(removed.status, 0, removed.err)
    XCTAssertEqual(try run(["list", "--json", "--library", library]).out, "{\"stories\": []}\n")
    let missing = try run(["remove", "--library", library, "1"])
    XCTAssertEqual(missing.status, 1)
    XCTAssertEqual(missing.err.filter { $0 == "\n" }.count, 1, "one line: \(missing.err)")
  }

  func testUnusableLibraryIsOneLineAndNonZero() throws {
    let dir = try StoreFixtures.temporaryDirectory(self)
    let notes = dir.appendingPathComponent("notes.txt")
    try Data("not a database at all, just some notes for the week\n".utf8).write(to: notes)
    let result = try run(["list", "--library", notes.path])
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.err.hasPrefix("dateline: \(notes.path): not a dateline library"), result.err)
    XCTAssertEqual(result.err.filter { $0 == "\n" }.count, 1)
    XCTAssertEqual(try Data(contentsOf: notes), Data("not a database at all, just some notes for the week\n".utf8))
  }
}
