import Foundation
import XCTest
@testable import DatelineCore

final class EntityBadInputTests: XCTestCase {
  private func analyze(_ texts: [String]) -> StoryEntityAnalyzer.FoundMentions {
    StoryEntityAnalyzer().analyze(texts: texts).mentions
  }

  func testNoCapitalsFindsNothing() {
    XCTAssertTrue(analyze(["officials in kyiv said the un had met nato envoys near odesa on monday."]).isEmpty)
  }

  func testShoutedTextFindsNothingSilly() {
    let found = analyze(["BREAKING: THE ARMY SAYS TROOPS HAVE LEFT THE CITY AND MORE WILL FOLLOW"])
    XCTAssertTrue(found.isEmpty, "\(found.map(\.span.text))")
  }

  func testPunctuationDigitsEmojiAndEmptyLines() {
    let texts = ["", "   ", "....!!!???", "12345 678 9", "— – - … ‘’“”", "🙂🙂🙂 👍🏽 🇺🇦", "\u{0}\u{7}\u{1B}[31m"]
    XCTAssertTrue(analyze(texts).isEmpty)
  }

  func testDiacriticsAndCyrillicDoNotCrashAndKeepOffsets() {
    let texts = [
      "Prezydent Łukasz Wójcik spotkał się w Gdańsku z delegacją.",
      "Володимир Зеленський прибув до Києва у вівторок.",
      "Jérôme Poirot a rencontré Zoë Dubois à Besançon.",
    ]
    let result = StoryEntityAnalyzer().analyze(texts: texts)
    for mention in result.mentions {
      let scalars = Array(texts[mention.span.part].unicodeScalars)
      XCTAssertEqual(EntityRecognizer.string(scalars, mention.span.start..<mention.span.end), mention.span.text)
    }
  }

  /// Thousands of random mixes of awkward pieces: nothing crashes and every span points at its own text.
  func testRandomAwkwardTextNeverCrashes() {
    let pieces = [
      "Kim", "Jong", "Un", "’s", "'s", "‘s", "(", ")", "ISW", "U.S.", "-", "—", "based", "Council", "of", "the",
      "The", "Meanwhile", ",", ".", ":", "“", "”", "General", "Colonel", "Maria", "Lopez", "Kyiv", "North",
      "Korean", "al-Burhan", "da", "Silva", "Island", "on", "Monday", "ÉLODIE", "Zoë", "e\u{301}", "🇺🇦", "👍🏽",
      "Володимир", "12,000", "3.5", "Mr.", "St.", "A", "I", "X", " ", "  ", "\u{200B}", "\t", "Summit", "Bank",
      "for", "Study", "War", "People", "Army", "Forces", "said", "spokesperson",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let analyzer = StoryEntityAnalyzer()
    for _ in 0..<300 {
      var texts: [String] = []
      for _ in 0..<(1 + next(4)) {
        var text = ""
        for _ in 0..<next(40) {
          text += pieces[next(pieces.count)]
          if next(3) > 0 { text += " " }
        }
        texts.append(text)
      }
      let result = analyzer.analyze(texts: texts)
      for mention in result.mentions {
        let scalars = Array(texts[mention.span.part].unicodeScalars)
        XCTAssertTrue(mention.span.start < mention.span.end && mention.span.end <= scalars.count)
        XCTAssertEqual(EntityRecognizer.string(scalars, mention.span.start..<mention.span.end), mention.span.text)
        XCTAssertFalse(mention.span.text.hasSuffix("’s") || mention.span.text.hasSuffix("'s"), mention.span.text)
      }
    }
  }

  func testLongParagraphIsLinear() {
    let sentence = "Officials in Lisbon said Maria Lopez of the World Bank would visit Quito next week. "
    let small = String(repeating: sentence, count: 160)  // about 2,400 words
    let large = String(repeating: sentence, count: 1_400)  // about 21,000 words in one paragraph
    let analyzer = StoryEntityAnalyzer()
    _ = analyzer.analyze(texts: [sentence])
    func time(_ text: String) -> Double {
      let start = Date()
      let result = analyzer.analyze(texts: [text])
      XCTAssertFalse(result.mentions.isEmpty)
      return Date().timeIntervalSince(start)
    }
    let t1 = time(small)
    let t2 = time(large)
    // 8.75 times the text: allow generous noise but not quadratic growth (which would be ~75x).
    XCTAssertLessThan(t2, max(t1 * 25, 0.5), "small \(t1)s, large \(t2)s")
  }
}

extension StoryEntityAnalyzer {
  typealias FoundMentions = [FoundMention]
}
