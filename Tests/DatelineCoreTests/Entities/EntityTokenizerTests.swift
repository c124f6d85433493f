import XCTest
@testable import DatelineCore

final class EntityTokenizerTests: XCTestCase {
  private func words(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return Tokenizer.tokens(in: scalars).map { EntityRecognizer.string(scalars, $0.start..<$0.end) }
  }

  func testPossessivesAreSplitOffWithEitherApostrophe() {
    XCTAssertEqual(words("Russia’s war"), ["Russia", "’s", "war"])
    XCTAssertEqual(words("Russia's war"), ["Russia", "'s", "war"])
    XCTAssertEqual(words("Moscow‘s fight"), ["Moscow", "‘s", "fight"])
    XCTAssertEqual(words("hasn’t stopped"), ["hasn’t", "stopped"])
    XCTAssertEqual(words("O'Brien said"), ["O'Brien", "said"])
  }

  func testHyphenatedNamesStayWhole() {
    XCTAssertEqual(words("Hyung-Jin Kim and Kim Yong-bok"), ["Hyung-Jin", "Kim", "and", "Kim", "Yong-bok"])
    XCTAssertEqual(words("the U.S.-based centre"), ["the", "U.S.", "-", "based", "centre"])
    XCTAssertEqual(words("Kyiv-led talks"), ["Kyiv", "-", "led", "talks"])
  }

  func testAbbreviationsNumbersAndPunctuation() {
    XCTAssertEqual(words("the U.S. and U.N. said"), ["the", "U.S.", "and", "U.N.", "said"])
    XCTAssertEqual(words("Mr. Smith paid 10,000 or 3.5."), ["Mr.", "Smith", "paid", "10,000", "or", "3.5", "."])
    XCTAssertEqual(words("Plan B."), ["Plan", "B", "."])
    XCTAssertEqual(words("“Good morning,” she said"), ["“", "Good", "morning", ",", "”", "she", "said"])
    XCTAssertEqual(words("ok 🙂 👍🏽!"), ["ok", "🙂", "👍", "🏽", "!"])
  }

  func testOffsetsAreUnicodeScalars() {
    let text = "“Zoë” met Łukasz in Kraków"
    let tokens = Tokenizer.tokens(in: text)
    XCTAssertEqual(tokens.map(\.start), [0, 1, 4, 6, 10, 17, 20])
    XCTAssertEqual(tokens.last?.end, 26)
  }

  func testNonLatinScriptsAndDiacritics() {
    XCTAssertEqual(words("Володимир Зеленський прибув"), ["Володимир", "Зеленський", "прибув"])
    XCTAssertEqual(words("Jérôme Poirot"), ["Jérôme", "Poirot"])
  }

  func testEmptyAndSymbolOnlyInput() {
    XCTAssertTrue(Tokenizer.tokens(in: "").isEmpty)
    XCTAssertTrue(Tokenizer.tokens(in: "   \t ").isEmpty)
    XCTAssertEqual(words("--- ... !!!").count, 9)
  }
}
