import XCTest
@testable import DatelineCore

final class EntityAliasResolverTests: XCTestCase {
  private func span(_ text: String, _ type: EntityType, part: Int, abbreviation: String? = nil) -> RecognizedSpan {
    RecognizedSpan(
      part: part, start: 0, end: text.unicodeScalars.count, tokens: 0..<1, type: type, text: text,
      introducedAbbreviation: abbreviation)
  }

  private func groups(_ spans: [RecognizedSpan]) -> [Set<String>] {
    let resolution = AliasResolver().resolve(spans)
    return resolution.entities.map { Set([$0.name] + $0.aliases) }
  }

  func testSpellingAndTypographicVariantsMerge() {
    let g = groups([
      span("Kim Yong Bok", .person, part: 0), span("Kim Yong-bok", .person, part: 1),
      span("Ri Chang Ho", .person, part: 2), span("Ri Changho", .person, part: 3),
      span("Berdyansk", .place, part: 4), span("Berdiansk", .place, part: 5),
      span("Nato", .organization, part: 6), span("NATO", .organization, part: 7),
      span("Korean People’s Army", .organization, part: 8), span("Korean People's Army", .organization, part: 9),
      span("US", .place, part: 10), span("U.S.", .place, part: 11),
    ])
    for pair in [
      ["Kim Yong Bok", "Kim Yong-bok"], ["Ri Chang Ho", "Ri Changho"], ["Berdyansk", "Berdiansk"], ["Nato", "NATO"],
      ["Korean People’s Army", "Korean People's Army"], ["US", "U.S."],
    ] {
      XCTAssertTrue(g.contains { $0.isSuperset(of: pair) }, "\(pair) in \(g)")
    }
  }

  func testAbbreviationsMergeWithTheirNames() {
    let g = groups([
      span("Institute for the Study of War", .organization, part: 0, abbreviation: "ISW"),
      span("ISW", .organization, part: 1), span("Korean People’s Army", .organization, part: 2),
      span("KPA", .organization, part: 3), span("United Nations", .organization, part: 4),
      span("UN", .organization, part: 5),
    ])
    XCTAssertEqual(g.count, 3, "\(g)")
    XCTAssertTrue(g.contains { $0.isSuperset(of: ["Institute for the Study of War", "ISW"]) })
    XCTAssertTrue(g.contains { $0.isSuperset(of: ["Korean People’s Army", "KPA"]) })
    XCTAssertTrue(g.contains { $0.isSuperset(of: ["United Nations", "UN"]) })
  }

  func testSurnameJoinsTheOnlyFullName() {
    let resolution = AliasResolver().resolve([
      span("Blinken", .person, part: 0), span("Antony Blinken", .person, part: 3),
      span("Michael Madden", .person, part: 4), span("Madden", .person, part: 5),
    ])
    XCTAssertEqual(resolution.entities.count, 2)
    let names = resolution.entities.map(\.name).sorted()
    XCTAssertEqual(names, ["Antony Blinken", "Michael Madden"])
  }

  func testThreeKimsStayApartAndBareKimFollowsContext() {
    let spans = [
      span("Kim Jong Un", .person, part: 0), span("Hyung-Jin Kim", .person, part: 5),
      span("Kim Yong Bok", .person, part: 10), span("Kim", .person, part: 11),
      span("Kim", .person, part: 30),
    ]
    let resolution = AliasResolver().resolve(spans)
    let people = resolution.entities.filter { $0.type == .person }
    XCTAssertEqual(Set(people.map(\.name)), ["Kim Jong Un", "Hyung-Jin Kim", "Kim Yong Bok"])
    // "Kim" right after Kim Yong Bok is that general; the far one is nobody's.
    let bok = resolution.assignment[2]
    XCTAssertEqual(resolution.assignment[3], bok)
    XCTAssertNil(resolution.assignment[4])
  }

  func testDifferentTypesAndDifferentPeopleDoNotMerge() {
    let g = groups([
      span("Jordan", .place, part: 0), span("Michael Jordan", .person, part: 1),
      span("Anna Berg", .person, part: 2), span("Anna Lind", .person, part: 3),
    ])
    XCTAssertEqual(g.count, 4, "\(g)")
  }

  func testKeysFoldCaseQuotesDiacriticsAndTheArticle() {
    XCTAssertEqual(AliasResolver.key("the Kremlin"), AliasResolver.key("Kremlin"))
    XCTAssertEqual(AliasResolver.key("Zelensky’s"), AliasResolver.key("Zelensky"))
    XCTAssertEqual(AliasResolver.key("Kraków"), AliasResolver.key("Krakow"))
    XCTAssertNotEqual(AliasResolver.key("Kim Jong Un"), AliasResolver.key("Kim Yong Bok"))
  }

  /// The key's transliteration passes work on bytes; they must give what Foundation's `replacingOccurrences`
  /// gave, pass by pass, on any spelling (overlapping pairs, pairs made by an earlier pass, non-ASCII around).
  func testTransliterationPassesMatchSequentialReplacement() {
    func reference(_ text: String) -> String {
      var s = text
      for (from, to) in [("ya", "ia"), ("yu", "iu"), ("ye", "ie"), ("yi", "i"), ("iy", "i"), ("kh", "h")] {
        s = s.replacingOccurrences(of: from, with: to)
      }
      return s
    }
    let alphabet: [String] = ["y", "a", "u", "e", "i", "k", "h", "o", "ж", "1"]  // letters folding leaves alone
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3_000 {
      let length = Int.random(in: 0...9, using: &generator)
      let word = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" }.joined()
      XCTAssertEqual(AliasResolver.key(word), reference(word), word)
    }
    XCTAssertEqual(AliasResolver.key("Yyakhiy"), "iahi")
    XCTAssertEqual(AliasResolver.key("Dostoyevsky"), AliasResolver.key("Dostoievsky"))
  }

  /// ASCII text is folded by lower-casing it, without Foundation: that must be what Foundation's folding gives,
  /// for every ASCII character alone and in generated names; other text still goes through Foundation.
  func testASCIIFoldingMatchesFoundation() {
    func foundation(_ text: String) -> String {
      text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
    for value in 0..<0x80 {
      let text = "A" + String(UnicodeScalar(UInt8(value))) + "z"
      XCTAssertEqual(AliasResolver.folded(text), foundation(text), "U+\(String(value, radix: 16))")
    }
    let alphabet = Array("AbCdEfGhIjKlMnOpQrStUvWxYz0189 -'.&")
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let text = String((0..<Int.random(in: 0...20, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator) ?? "a"
      })
      XCTAssertEqual(AliasResolver.folded(text), foundation(text), text)
    }
    for text in ["Kraków", "ZELENSKYY’S", "Łódź", "İstanbul", "Straße"] {
      XCTAssertEqual(AliasResolver.folded(text), foundation(text), text)
    }
  }
}
