import DatelineCore
import XCTest

@testable import DatelineApp

final class KeymapTests: XCTestCase {
  func testDefaultsParseWithoutErrorsAndBindEveryCommand() throws {
    let text = try XCTUnwrap(BundledResource.text("keymap.conf"))
    var keymap = Keymap()
    XCTAssertNil(KeymapParser.apply(text, file: "keymap.conf", to: &keymap))
    for command in Command.allCases {
      XCTAssertFalse(keymap.keys(for: command).isEmpty, "\(command.name) has no default key")
      XCTAssertFalse(command.help.isEmpty)
      XCTAssertTrue(Command.groups.contains(command.group))
      XCTAssertEqual(Command(name: command.name), command)
    }
  }

  func testDefaultKeysAreTheOnesUsersGuess() {
    let keymap = Fixtures.keymap
    XCTAssertEqual(keymap.command(for: .character("j")), .moveDown)
    XCTAssertEqual(keymap.command(for: .down), .moveDown)
    XCTAssertEqual(keymap.command(for: .character(" ")), .pageDown)
    XCTAssertEqual(keymap.command(for: .control("f")), .pageDown)
    XCTAssertEqual(keymap.command(for: .control("b")), .pageUp)
    XCTAssertEqual(keymap.command(for: .character("G")), .moveLast)
    XCTAssertEqual(keymap.command(for: .home), .moveFirst)
    XCTAssertEqual(keymap.command(for: .tab), .nextPane)
    XCTAssertEqual(keymap.command(for: .backTab), .previousPane)
    XCTAssertEqual(keymap.command(for: .character("]")), .nextMention)
    XCTAssertEqual(keymap.command(for: .character("[")), .previousMention)
    XCTAssertEqual(keymap.command(for: .character("/")), .searchForward)
    XCTAssertEqual(keymap.command(for: .character("?")), .searchBackward)
    XCTAssertEqual(keymap.command(for: .character("n")), .findNext)
    XCTAssertEqual(keymap.command(for: .character("N")), .findPrevious)
    XCTAssertEqual(keymap.command(for: .character("h")), .help)
    XCTAssertEqual(keymap.command(for: .function(1)), .help)
    XCTAssertEqual(keymap.command(for: .control("l")), .redraw)
    XCTAssertEqual(keymap.command(for: .character("q")), .quit)
  }

  func testUserFileOverridesAndRemovesBindings() {
    let (keymap, error) = KeymapLoader.load(
      defaultsText: BundledResource.text("keymap.conf") ?? "",
      userText: "# mine\nbind x quit   # comment\nbind q none\nbind <C-n> next-mention\nbind ^P previous-mention\n",
      userPath: "/home/u/.config/dateline/keymap.conf")
    XCTAssertNil(error)
    XCTAssertEqual(keymap.command(for: .character("x")), .quit)
    XCTAssertNil(keymap.command(for: .character("q")))
    XCTAssertEqual(keymap.command(for: .control("n")), .nextMention)
    XCTAssertEqual(keymap.command(for: .control("p")), .previousMention)
    XCTAssertEqual(keymap.command(for: .character("j")), .moveDown)
  }

  func testUnknownCommandGivesOneMessageAndTheDefaults() {
    let (keymap, error) = KeymapLoader.load(
      defaultsText: BundledResource.text("keymap.conf") ?? "", userText: "bind x quit\n\nbind j fly-away\n",
      userPath: "keymap.conf")
    XCTAssertEqual(error?.description, "keymap.conf:3: unknown command 'fly-away'")
    XCTAssertEqual(keymap, Fixtures.keymap)
  }

  func testUnknownKeyNameAndBrokenLines() {
    var keymap = Fixtures.keymap
    XCTAssertEqual(
      KeymapParser.apply("bind <Hyper-x> quit", file: "k", to: &keymap)?.description, "k:1: unknown key name '<Hyper-x>'")
    XCTAssertEqual(
      KeymapParser.apply("bind j", file: "k", to: &keymap)?.description,
      "k:1: expected 'bind KEY COMMAND' (1 word(s) after 'bind')")
    XCTAssertEqual(
      KeymapParser.apply("[keys]\nj = \"down\"", file: "k", to: &keymap)?.description,
      "k:1: expected 'bind KEY COMMAND', found '[keys]'")
    XCTAssertEqual(
      KeymapParser.apply("bind \u{1B}[A quit", file: "k", to: &keymap)?.description, "k:1: unknown key name '?[A'")
    XCTAssertEqual(keymap, Fixtures.keymap)
  }

  func testKeyNamesRoundTrip() {
    for key: Key in [.character("j"), .character(" "), .character("#"), .control("f"), .up, .pageDown, .backTab, .function(1), .escape, .enter] {
      XCTAssertEqual(Key(name: key.name), key, key.name)
    }
    XCTAssertEqual(Key(name: "<pgdn>"), .pageDown)
    XCTAssertNil(Key(name: "jj"))
    XCTAssertNil(Key(name: ""))
  }

  func testUserPathPrefersXDG() {
    XCTAssertEqual(
      KeymapLoader.userFilePath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]), "/x/dateline/keymap.conf")
    XCTAssertEqual(KeymapLoader.userFilePath(environment: ["HOME": "/h"]), "/h/.config/dateline/keymap.conf")
    XCTAssertNil(KeymapLoader.userFilePath(environment: [:]))
  }
}
