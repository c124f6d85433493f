import XCTest
@testable import DatelineCore

/// Issue 12: shapes of wire copy the recogniser must get right — teams in match reports, datelines, bodies named
/// "the X of Y", roles before names, events and single letters. Sentences written for these tests.
final class EntityNewsShapesTests: XCTestCase {
  private func names(_ texts: [String]) throws -> [String: EntityType] {
    let recognizer = try XCTUnwrap(EntityRecognizer(), "model missing")
    var result: [String: EntityType] = [:]
    for span in recognizer.recognize(texts) { result[span.text] = span.type }
    return result
  }

  func testTeamsInAMatchReportAreOrganisationsAndTheVenueAPlace() throws {
    let found = try names([
      "Ireland beat Wales 31-7 in Dublin on Saturday to stay top of the table.",
      "Wales coach Rhodri Beddow said his young side had learned a hard lesson.",
    ])
    XCTAssertEqual(found["Ireland"], .organization)
    XCTAssertEqual(found["Wales"], .organization)
    XCTAssertEqual(found["Dublin"], .place)
    XCTAssertEqual(found["Rhodri Beddow"], .person)
  }

  func testCountriesOutsideSportStayPlaces() throws {
    let found = try names(["Ireland and Wales signed a new energy agreement in Dublin on Monday."])
    XCTAssertEqual(found["Ireland"], .place)
    XCTAssertEqual(found["Wales"], .place)
  }

  func testDatelineInCapitalsIsThePlaceWithoutTheDate() throws {
    let analyzer = StoryEntityAnalyzer()
    let (entities, mentions) = analyzer.analyze(texts: [
      "ROME 1996-12-06", "Police in Rome arrested three men on Friday, the Interior Ministry said.",
    ])
    let rome = entities.filter { $0.type == .place && ([$0.name] + $0.aliases).contains("Rome") }
    XCTAssertEqual(rome.count, 1, "\(entities)")
    XCTAssertEqual(rome.first?.name, "Rome", "\(entities)")
    XCTAssertTrue(rome.first?.aliases.contains("ROME") ?? false, "\(entities)")
    XCTAssertFalse(mentions.contains { $0.span.text.contains("1996") })
  }

  func testBodyOfSomethingIsOneOrganisation() throws {
    let found = try names(["The Institute for the Study of War and the Bank of England both published reports."])
    XCTAssertEqual(found["Institute for the Study of War"], .organization)
    XCTAssertEqual(found["Bank of England"], .organization)
    XCTAssertNil(found["Institute"])
    XCTAssertNil(found["England"])
  }

  func testSportsRoleBeforeANameIsLeftOut() throws {
    let found = try names(["Defender Bence Kiss scored late on."])
    XCTAssertNil(found["Defender Bence Kiss"])
    XCTAssertEqual(found["Bence Kiss"], .person)
  }

  func testPrizesAreEventsAndTheWordIIsNoOne() throws {
    let found = try names([
      "Author Maria Lindqvist won the Booker Prize in London.", "I think I saw Maria Lindqvist there, I said.",
    ])
    XCTAssertNil(found["Booker Prize"])
    XCTAssertNil(found["I"])
    XCTAssertEqual(found["Maria Lindqvist"], .person)
  }

  func testFirstWordOfACompanyAloneIsThatCompany() throws {
    let found = try names([
      "Veltrix Semiconductor won approval to buy a rival on Tuesday.",
      "Veltrix said the purchase would double its research staff.",
    ])
    XCTAssertEqual(found["Veltrix Semiconductor"], .organization)
    XCTAssertEqual(found["Veltrix"], .organization)
  }
}
