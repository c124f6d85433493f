import XCTest

@testable import DatelineCore

final class BoilerplateFilterTests: XCTestCase {
  private func filter(_ rules: String, _ lines: [String]) -> BoilerplateFilter.Result {
    let parsed = BoilerplateRules.parse(rules, origin: "test.rules")
    XCTAssertEqual(parsed.problems, [])
    let input = lines.enumerated().map { InputLine(number: $0.offset + 1, text: $0.element) }
    return BoilerplateFilter(rules: parsed.rules).filter(input)
  }

  func testWholeLineRulesIgnoreCaseQuotesAndSpacing() {
    let result = filter("line share: join the  ‘best’ conversation", [
      "Join the 'Best'   Conversation", "Join the best conversation today, said the host.",
    ])
    XCTAssertEqual(result.removed.map(\.line), [1])
    XCTAssertEqual(result.kept.map(\.number), [2])
  }

  func testWildcards() {
    let result = filter("line prompt: subscribe to * to save this article", [
      "Subscribe to Example Plus to save this article", "Subscribe to save this article",
    ])
    XCTAssertEqual(result.removed.map(\.line), [1])
  }

  func testBlockWithGluedBody() {
    let result = filter(
      "block-start appeal: please help us *\nblock-end appeal: thank you.",
      ["Please help us keep going", "Some appeal text.", "More appeal text.", "Thank you.The body starts here."])
    XCTAssertEqual(result.removed.map(\.line), [1, 2, 3, 4])
    XCTAssertEqual(result.removed.last?.text, "Thank you.")
    XCTAssertEqual(result.kept.map(\.text), ["The body starts here."])
    XCTAssertEqual(result.kept.first?.column, 10)
  }

  func testBlockStartWithoutAnEndRemovesOnlyItself() {
    let result = filter(
      "block-start appeal: please help us *\nblock-end appeal: thank you.",
      ["Please help us keep going", "A real paragraph.", "Another."])
    XCTAssertEqual(result.removed.map(\.line), [1])
    XCTAssertEqual(result.kept.count, 2)
  }

  func testPrefixRuleCutsGlue() {
    let result = filter("prefix advert: advertisement", ["AdvertisementThe council met on Monday.", "Advertisement"])
    XCTAssertEqual(result.kept.map(\.text), ["The council met on Monday."])
    XCTAssertEqual(result.removed.map(\.line), [1, 2])
  }

  func testCardIntroMarksTheNextLine() {
    let result = filter("card-intro more: read more:", ["Read more:", "A card title", "Text."])
    XCTAssertEqual(result.kept.map(\.followsCardIntro), [true, false])
  }

  func testBrokenRulesAreReportedWithTheirLine() {
    let parsed = BoilerplateRules.parse("# fine\nline ok: fine rule\nwhatever\nnope x: y\nline bad: * starts with a star\nprefix p: ends with *\n", origin: "user.rules")
    XCTAssertEqual(parsed.rules.rules.count, 1)
    XCTAssertEqual(parsed.problems.map(\.line), [3, 4, 5, 6])
    XCTAssertTrue(parsed.problems[1].description.hasPrefix("user.rules:4: unknown kind 'nope'"))
  }

  func testBundledRulesParseCleanly() {
    let parsed = BoilerplateRules.parse(BundledResource.text("boilerplate.rules") ?? "", origin: "bundled")
    XCTAssertEqual(parsed.problems, [])
    XCTAssertGreaterThan(parsed.rules.rules.count, 50)
  }

  func testUserRulesExtendTheBundledOnes() throws {
    let user = BoilerplateRules.parse("line site: brought to you by example news", origin: "user").rules
    let reader = TextCaptureReader(rules: .bundled.adding(user))
    let story = try reader.read(text: Fixtures.capture(["Brought to you by Example News", "Body."]), source: "t")
    XCTAssertEqual(story.removed.map(\.line), [3])
  }
}

final class ConfigDirectoryTests: XCTestCase {
  func testXDGFirstThenHomeAndARelativeXDGIsIgnored() {
    XCTAssertEqual(ConfigDirectory.path(of: "a", environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]), "/x/dateline/a")
    XCTAssertEqual(ConfigDirectory.path(of: "a", environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]), "/h/.config/dateline/a")
    XCTAssertNil(ConfigDirectory.path(of: "a", environment: [:]))
  }
}
