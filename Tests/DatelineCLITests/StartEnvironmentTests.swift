import Foundation
import XCTest

@testable import dateline

/// The reader passes `StartEnvironment.values()` (a few variables read with getenv) where the code reads
/// `environment["NAME"]`: every such name in the sources the reader uses must be among them.
final class StartEnvironmentTests: XCTestCase {
  func testEveryVariableTheReaderReadsIsLookedUp() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources").standardizedFileURL
    var read: Set<String> = []
    for target in ["DatelineCore", "DatelineApp", "DatelineStore", "DatelineTerminal", "DatelineSession", "dateline"] {
      let folder = sources.appendingPathComponent(target)
      guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
      for case let file as String in files where file.hasSuffix(".swift") {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"environment\["([A-Z_]+)"\]"#)
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
          if let range = Range(match.range(at: 1), in: text) { read.insert(String(text[range])) }
        }
      }
    }
    XCTAssertFalse(read.isEmpty, "the sources were not found")
    XCTAssertEqual(read.subtracting(StartEnvironment.names), [], "read but never looked up")
  }

  func testSetVariablesAreTakenAndUnsetOnesLeftOut() {
    setenv("NO_COLOR", "1", 1)
    unsetenv("NCURSES_NO_UTF8_ACS")
    let values = StartEnvironment.values()
    XCTAssertEqual(values["NO_COLOR"], "1")
    XCTAssertNil(values["NCURSES_NO_UTF8_ACS"])
    unsetenv("NO_COLOR")
  }
}
