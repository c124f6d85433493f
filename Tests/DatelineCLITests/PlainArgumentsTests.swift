import ArgumentParser
import XCTest

@testable import dateline

/// `dateline` and `dateline FILE...` skip ArgumentParser (`Dateline.main`): for every argument list the shortcut
/// takes, it must give the request ArgumentParser gives, and it must leave everything else to ArgumentParser.
final class PlainArgumentsTests: XCTestCase {
  /// What ArgumentParser makes of `arguments`: the read request, or nil when it is another command or an error.
  private func parsed(_ arguments: [String]) -> ReadRequest? {
    guard let command = try? Dateline.parseAsRoot(arguments) else { return nil }
    return (command as? ReadCommand)?.request
  }

  private func shortcut(_ arguments: [String]) -> ReadRequest? {
    ReadRequest(plainArguments: arguments, commandNames: Dateline.commandNames)
  }

  func testTheShortcutGivesWhatArgumentParserGives() {
    let lists: [[String]] = [
      [], ["story.txt"], ["a.txt", "b.html"], ["https://example.org/live?x=1"], ["a b.txt"],
      ["story.txt", "list"], ["story.txt", "help"], ["./list"], ["List"], ["héllo.txt"], [""], ["a=b"],
      ["story.txt", "read"], Array(repeating: "x.txt", count: 40),
    ]
    for arguments in lists {
      let fast = shortcut(arguments)
      XCTAssertNotNil(fast, "\(arguments) should take the shortcut")
      XCTAssertEqual(fast, parsed(arguments), "\(arguments)")
    }
  }

  func testOptionsSubcommandsAndStandardInputGoThroughArgumentParser() {
    let lists: [[String]] = [
      ["-"], ["--library", "x.sqlite"], ["--version"], ["-h"], ["--help"], ["story.txt", "--timeout", "5"],
      ["--", "story.txt"], ["-x.txt"], ["help"], ["read", "story.txt"], ["list"], ["parse", "--json", "f.xml"],
      ["refresh"], ["import-opml", "f.opml"], ["export-opml"], ["subscribe", "u"], ["entities", "a.txt"],
    ]
    for arguments in lists {
      XCTAssertNil(shortcut(arguments), "\(arguments) must go through ArgumentParser")
    }
  }

  func testTheShortcutKnowsExactlyTheSubcommandNames() {
    var names: Set<String> = ["help"]
    for command in Dateline.configuration.subcommands {
      names.insert(command._commandName)
      names.formUnion(command.configuration.aliases)
    }
    XCTAssertEqual(Set(Dateline.commandNames), names)
    XCTAssertEqual(Dateline.commandNames.count, names.count)
  }
}
