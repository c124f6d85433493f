import XCTest
@testable import DatelineCore

/// Distinct-entity precision and recall on the two real captures in `shared/seeds` (skipped when absent).
/// The reference lists are names and types only, judged by ENTITIES.md.
final class EntitySeedCaptureTests: XCTestCase {
  struct Reference {
    var type: EntityType
    var names: [String]
  }

  private static func p(_ names: String...) -> Reference { Reference(type: .person, names: names) }
  private static func l(_ names: String...) -> Reference { Reference(type: .place, names: names) }
  private static func o(_ names: String...) -> Reference { Reference(type: .organization, names: names) }

  static let shared: [Reference] = [
    p("Vladimir Putin", "Putin"), p("Antony Blinken", "Blinken"), p("Robert Wood"),
    p("Kim Jong Un", "Chairman Kim"), p("Kim Yong Bok", "Kim Yong-bok", "Kim"), p("Michael Madden", "Madden"),
    p("Ri Chang Ho", "Ri Changho", "Ri"), p("Sin Kum Cheol", "Sin Kum-cheol", "Sin"),
    l("Ukraine"), l("Russia"), l("North Korea", "DPRK"), l("US", "U.S.", "United States"), l("South Korea"),
    l("Kursk"), l("Kharkiv"), l("Kyiv"), l("Toretsk"), l("Kupyansk"), l("Pokrovsk"), l("Kurakhove"),
    l("Donetsk City", "Donetsk"),
    o("UN", "United Nations"), o("Institute for the Study of War", "ISW"), o("Stimson Center"),
    o("Korean People’s Army", "Korean People's Army", "KPA"),
  ]

  static let first: [Reference] = shared + [
    p("Lee Woong-gil"), p("Hyung-Jin Kim"), p("Sabrina Sigh"), p("Petro Andriushchenko"),
    p("Viktor Dudukalov", "Dudukalov"), p("Zelensky"), p("Justin Trudeau"), p("Oleh Syniehubov"),
    l("Moscow"), l("Pyongyang", "Pyongyong"), l("Berdyansk", "Berdiansk"), l("Mariupol"), l("Washington"),
    l("Asia-Pacific"), l("Japan"),
    o("Storm Corps"), o("Pentagon"), o("Nato", "NATO"), o("Telegram"), o("Berdiansk District Council"),
    o("Espreso TV"), o("XI Corps"), o("KPA Light Infantry Training Guidance Bureau"),
    o("Reconnaissance General Bureau"), o("Main Operational Directorate"), o("General Staff"),
    o("The Independent", "Independent"),
  ]

  static let second: [Reference] = shared + [
    p("Oleksandr Prokudin"),
    l("Kherson"), l("Odesa"), l("Bilhorod-Dnistrovskyi Estuary", "Bilhorod-Dnistrovskyi"), l("Kramatorsk"),
    l("India"), l("China"),
    o("UN Security Council"), o("Kherson Regional State Administration"), o("Facebook"),
    o("Ukrainian Defense Forces"), o("BBC"), o("BBC Verify"), o("Reuters"), o("The Independent", "Independent"),
  ]

  static func seedsFolder() -> URL? {
    let here = URL(fileURLWithPath: #filePath)
    var dir = here.deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = dir.appendingPathComponent("../shared/seeds").standardizedFileURL
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    let fixed = URL(fileURLWithPath: "/work/shared/seeds")
    return FileManager.default.fileExists(atPath: fixed.path) ? fixed : nil
  }

  private func story(_ prefix: String) throws -> Story {
    guard let folder = Self.seedsFolder() else { throw XCTSkip("shared/seeds is not present beside the package") }
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(prefix) }
    guard let name = files.first else { throw XCTSkip("seed \(prefix)* is not present") }
    return try TextCaptureReader().read(path: folder.appendingPathComponent(name).path)
  }

  private func normalized(_ s: String) -> String { s.replacingOccurrences(of: "’", with: "'") }

  private func check(
    _ story: Story, _ reference: [Reference], minimumOrganizationRecall: Double = 0,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let result = StoryEntityAnalyzer().analyze(story)
    let entities = result.entities.filter { e in result.mentions.contains { $0.entity == e.id } }
    func matches(_ e: Entity, _ r: Reference) -> Bool {
      guard e.type == r.type else { return false }
      let names = Set(r.names.map(normalized))
      return ([e.name] + e.aliases).contains { names.contains(normalized($0)) }
    }
    let wrong = entities.filter { e in !reference.contains { matches(e, $0) } }
    let missed = reference.filter { r in !entities.contains { matches($0, r) } }
    let precision = Double(entities.count - wrong.count) / Double(max(1, entities.count))
    let recall = Double(reference.count - missed.count) / Double(max(1, reference.count))
    print("seed \(story.source): precision \(precision) recall \(recall)")
    print("  not in the reference: \(wrong.map { "\($0.name) (\($0.type.rawValue))" })")
    print("  missed: \(missed.map { $0.names[0] })")
    XCTAssertGreaterThanOrEqual(precision, 0.9, file: file, line: line)
    XCTAssertGreaterThanOrEqual(recall, 0.9, file: file, line: line)
    let organizations = reference.filter { $0.type == .organization }
    let organizationRecall = Double(organizations.count - missed.filter { $0.type == .organization }.count)
      / Double(max(1, organizations.count))
    print("  organisation recall \(organizationRecall)")
    XCTAssertGreaterThanOrEqual(organizationRecall, minimumOrganizationRecall, file: file, line: line)
    // No two different people merged.
    let people = entities.filter { $0.type == .person }
    for person in people {
      let refs = Set(([person.name] + person.aliases).compactMap { name in
        reference.firstIndex { $0.type == .person && $0.names.map(normalized).contains(normalized(name)) }
      })
      XCTAssertLessThanOrEqual(refs.count, 1, "\(person.name) merges \(person.aliases)", file: file, line: line)
    }
  }

  func testFirstSeed() throws { check(try story("000_"), Self.first) }
  func testSecondSeed() throws { check(try story("002_"), Self.second, minimumOrganizationRecall: 0.9) }

  /// Every variant pair ENTITIES.md lists that occurs in a seed ends up in one entity.
  func testVariantPairsMerge() throws {
    let first = StoryEntityAnalyzer().analyze(try story("000_"))
    let second = StoryEntityAnalyzer().analyze(try story("002_"))
    func together(_ result: StoryEntities, _ a: String, _ b: String) -> Bool {
      result.entities.contains { e in
        let names = Set(([e.name] + e.aliases).map(normalized))
        return names.contains(normalized(a)) && names.contains(normalized(b))
      }
    }
    XCTAssertTrue(together(first, "Antony Blinken", "Blinken"))
    XCTAssertTrue(together(first, "Michael Madden", "Madden"))
    XCTAssertTrue(together(first, "Berdyansk", "Berdiansk"))
    XCTAssertTrue(together(first, "Institute for the Study of War", "ISW"))
    XCTAssertTrue(together(first, "Korean People’s Army", "KPA"))
    XCTAssertTrue(together(first, "US", "U.S."))
    // Across the two captures one id holds both spellings.
    let index = MentionIndex(stories: [first, second])
    let bok = index.entities.values.filter { e in
      ([e.name] + e.aliases).contains { $0 == "Kim Yong Bok" || $0 == "Kim Yong-bok" }
    }
    XCTAssertEqual(bok.count, 1, "Kim Yong Bok / Kim Yong-bok: \(bok)")
    let ri = index.entities.values.filter { e in
      ([e.name] + e.aliases).contains { $0 == "Ri Chang Ho" || $0 == "Ri Changho" }
    }
    XCTAssertEqual(ri.count, 1, "Ri Chang Ho / Ri Changho: \(ri)")
    // Three different people share "Kim".
    let kims = first.entities.filter { $0.type == .person && ["Kim Jong Un", "Kim Yong Bok", "Hyung-Jin Kim"].contains($0.name) }
    XCTAssertEqual(kims.count, 3)
  }
}
