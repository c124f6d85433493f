import XCTest
@testable import DatelineCore

final class EntityRecognizerTests: XCTestCase {
  private func recognizer() throws -> EntityRecognizer { try XCTUnwrap(EntityRecognizer(), "model missing") }

  private func spans(_ texts: [String]) throws -> [RecognizedSpan] { try recognizer().recognize(texts) }

  private func names(_ texts: [String]) throws -> [String: EntityType] {
    var result: [String: EntityType] = [:]
    for span in try spans(texts) { result[span.text] = span.type }
    return result
  }

  func testModelLoadsFromTheBinary() throws {
    XCTAssertNotNil(TaggerModel.bundled)
    XCTAssertTrue(StoryEntityAnalyzer().hasModel)
  }

  func testPeoplePlacesAndOrganisationsInNewsText() throws {
    let found = try names([
      "Foreign Minister Ingrid Halvorsen met officials of the World Bank in Lisbon on Tuesday.",
      "The Norwegian Refugee Council said 400 families had fled Kharkiv.",
    ])
    XCTAssertEqual(found["Ingrid Halvorsen"], .person)
    XCTAssertEqual(found["World Bank"], .organization)
    XCTAssertEqual(found["Lisbon"], .place)
    XCTAssertEqual(found["Kharkiv"], .place)
    XCTAssertEqual(found["Norwegian Refugee Council"], .organization)
    XCTAssertNil(found["Tuesday"])
    XCTAssertNil(found["Foreign Minister Ingrid Halvorsen"])
  }

  func testSentenceAndHeadlineCapitalsAreNotEntities() throws {
    let found = try names([
      "ICYMI: prices rise again",
      "Pictured: a queue outside a bakery",
      "Meanwhile, the talks went on. However, nobody left. The army said nothing.",
      "Read more: what happens next",
    ])
    for word in ["ICYMI", "Pictured", "Meanwhile", "However", "The", "Read"] {
      XCTAssertNil(found[word], word)
    }
  }

  func testNationalitiesAreNotEntities() throws {
    let found = try names(["North Korean troops and Ukrainian forces met Russians near the border."])
    XCTAssertTrue(found.isEmpty, "\(found)")
  }

  func testSpansExcludeTitlesPossessivesAndTrailingNouns() throws {
    let texts = [
      "Colonel General Petra Lindqvist’s role grew, the Kursk region said.",
      "Kherson's military administration said so.",
    ]
    let found = try spans(texts)
    XCTAssertTrue(found.contains { $0.text == "Petra Lindqvist" && $0.type == .person }, "\(found)")
    XCTAssertTrue(found.contains { $0.text == "Kursk" || $0.text == "Kursk region" })
    XCTAssertTrue(found.contains { $0.text == "Kherson" && $0.part == 1 && $0.start == 0 })
    XCTAssertFalse(found.contains { $0.text.hasSuffix("s") && $0.text.contains("’") || $0.text.hasSuffix("'s") })
  }

  func testOffsetsCountUnicodeScalarsWithCurlyQuotesAndAccents() throws {
    let text = "“Señora Zoë said,” reported Élodie Marchand from Kraków’s centre."
    let found = try spans([text])
    let scalars = Array(text.unicodeScalars)
    for span in found {
      XCTAssertEqual(EntityRecognizer.string(scalars, span.start..<span.end), span.text)
    }
    let krakow = try XCTUnwrap(found.first { $0.text == "Kraków" })
    XCTAssertEqual(krakow.start, 49)
    XCTAssertEqual(krakow.type, .place)
  }

  func testDocumentConsistencyFindsRepeatedNames() throws {
    let found = try spans([
      "Analyst Tomasz Wrobel of the Carnegie Endowment said the strike was planned.",
      "Wrobel added that more would follow.",
    ])
    XCTAssertTrue(found.contains { $0.text == "Wrobel" && $0.part == 1 && $0.type == .person }, "\(found)")
  }

  func testParentheticalAbbreviationIsRecorded() throws {
    let found = try spans(["The Centre for Maritime Security Studies (CMSS) published a report."])
    let centre = try XCTUnwrap(found.first { $0.text.hasSuffix("Maritime Security Studies") }, "\(found)")
    XCTAssertEqual(centre.introducedAbbreviation, "CMSS")
  }
}
