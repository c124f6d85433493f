import Foundation
import XCTest

@testable import DatelineCore

/// The fast paths before the XML parser sees a feed give exactly what the slow ones give: `FeedBytes` takes
/// clean UTF-8 as it is (one check, no copy) only when the repair and the control filter would change nothing,
/// and `XMLMarkupRepair` copies nothing when nothing needs repair, with the same bytes and problems as the
/// repair it replaced (`XMLMarkupRepairReference`).
final class FeedPreParseFastPathTests: XCTestCase {
  private struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  /// Pieces of UTF-8, broken UTF-8 and controls that the byte checks must tell apart, at every alignment.
  private static let bytePieces: [[UInt8]] = [
    Array("word ".utf8), Array("a longer run of plain ascii text".utf8), [0x09], [0x0A], [0x0D], [0x0A, 0x0D], [0x00], [0x01],
    [0x0B], [0x0C], [0x1F], [0x1B], [0x7F], [0x20], Array("é".utf8), Array("—".utf8), Array("😀".utf8), Array("\u{2028}".utf8),
    [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xC3, 0x28], [0xE0, 0x80, 0x80], [0xE0, 0xA0], [0xED, 0xA0, 0x80],
    [0xED, 0x9F, 0xBF], [0xEF, 0xBB, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
    [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE], [0xE2, 0x80], [0x92], [0xE9],
    Array("<?xml version=\"1.0\"?>".utf8), Array("<a>&amp;</a>".utf8),
  ]

  private func forbiddenControl(_ byte: UInt8) -> Bool { byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D }

  func testCleanUTF8CheckAgreesWithTheRepair() {
    var random = Generator(state: 0x2545_F491_4F6C_DD1D)
    for round in 0..<20_000 {
      var bytes: [UInt8] = []
      let count = random.next(12)
      for _ in 0..<count {
        // Mostly clean text, so that clean inputs of every length are common too.
        let piece = random.next(4) == 0 ? Self.bytePieces[random.next(Self.bytePieces.count)] : Self.bytePieces[random.next(2)]
        bytes += piece
      }
      // A slice that does not start at 0 nor at a word boundary.
      let offset = round % 5 == 0 ? 0 : min(bytes.count, random.next(9))
      let slice = bytes[offset...]
      var errors: [String] = []
      let repaired = FeedBytes.repairedUTF8(slice, errors: &errors)
      let expected = errors.isEmpty && repaired.elementsEqual(slice) && !repaired.contains(where: forbiddenControl)
      XCTAssertEqual(FeedBytes.isCleanUTF8(slice), expected, "\(Array(slice))")
    }
  }

  func testDecodedFeedBytesAreWhatTheRepairAndFilterGive() {
    var random = Generator(state: 0x1234_5678_9ABC_DEF1)
    for _ in 0..<5_000 {
      let declaration: [UInt8] = random.next(2) == 0 ? Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>".utf8) : []
      // The body opens with plain text, so that no piece reads as a byte-order mark or a declaration.
      var body = Array("word ".utf8)
      for _ in 0..<random.next(10) {
        body += random.next(3) == 0 ? Self.bytePieces[random.next(Self.bytePieces.count)] : Self.bytePieces[random.next(2)]
      }
      let bytes = declaration + body
      let decoded = FeedBytes(bytes, httpCharset: nil)
      // The slow way: repair, filter controls, drop the declaration (plain ASCII, which neither changes).
      var errors: [String] = []
      var reference = FeedBytes.repairedUTF8(bytes[...], errors: &errors)
      let before = reference.count
      reference.removeAll(where: forbiddenControl)
      if reference.count < before { errors.append("\(before - reference.count) control characters removed") }
      reference.removeFirst(declaration.count)
      XCTAssertEqual(Array(decoded.utf8), reference, "\(bytes)")
      XCTAssertEqual(decoded.errors, errors, "\(bytes)")
    }
  }

  /// Pieces of feed markup for the entity repair: predefined, HTML, declared, unknown and numeric entities,
  /// bare `&` and `<`, CDATA, comments, processing instructions and a DOCTYPE with an internal subset.
  private static let markupPieces: [String] = [
    "<item>", "</item>", "<title>", "</title>", "text ", "more words ", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&uuml;",
    "&nbsp;", "&eacute;", "&mdash;", "&bogus;", "&own;", "&#8212;", "&#x2014;", "&#150;", "&#x96;", "&#0;", "&#xD800;",
    "&#1114112;", "&#;", "&#x;", "&", "& ", "&amp", "&a-b.c;", "&_x;", "&:y;", "&9x;", "1 < 2", "< ", "<3", "<=", "<<",
    "<![CDATA[a & b < c &uuml;]]>", "<![CDATA[ unclosed", "<!-- c & d -->", "<!-- unclosed", "<?pi a & b?>", "<?pi",
    "<!DOCTYPE rss [<!ENTITY own \"mine\"><!ENTITY % p \"x\">]>", "<!DOCTYPE rss>", "<!DOCTYPE x [ \">\" ]>", "<!x>", "<!",
    "caf\u{00E9} ", "\u{2014}", "]]>", "-->", "?>", "\n", "<a href=\"?a=1&b=2\">", "</a>", "<p/>", "<:x>", "<_y>",
  ]

  func testLazyEntityRepairGivesTheOldRepairsBytesAndProblems() {
    var random = Generator(state: 0x0DDB_1A5E_5BAD_5EED)
    for round in 0..<20_000 {
      let count = 1 + random.next(16)
      var text = ""
      for _ in 0..<count {
        // Half the documents need no repair at all, to exercise the no-copy path.
        let piece = Self.markupPieces[random.next(round % 2 == 0 ? Self.markupPieces.count : 12)]
        text += piece
      }
      let bytes = Array(text.utf8)
      let reference = XMLMarkupRepairReference(bytes)
      // A slice in the middle of a larger array, as `FeedBytes` hands it over.
      let padded = Array("<?xml version=\"1.0\"?>".utf8) + bytes
      let repair = XMLMarkupRepair(padded[21...])
      XCTAssertEqual(Array(repair.text), reference.text, text)
      XCTAssertEqual(repair.errors, reference.errors, text)
      XCTAssertEqual(repair.undeclared, reference.undeclared, text)
    }
  }

  func testEntityRepairOfTheFeedFixturesGivesTheOldRepairsBytes() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures")
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
    var checked = 0
    for file in files where ["xml", "rss", "atom", "rdf", "opml", "html"].contains(file.pathExtension) {
      let bytes = try Array(Data(contentsOf: file))
      let reference = XMLMarkupRepairReference(bytes)
      let repair = XMLMarkupRepair(bytes[...])
      XCTAssertEqual(Array(repair.text), reference.text, file.lastPathComponent)
      XCTAssertEqual(repair.errors, reference.errors, file.lastPathComponent)
      checked += 1
    }
    XCTAssertGreaterThan(checked, 0)
  }
}

/// `FeedText.collapsed` gives text that is one line already back as it is, and that is what collapsing it byte
/// by byte gives.
final class FeedTextCollapsedShortcutTests: XCTestCase {
  func testTheShortcutGivesWhatCollapsingByteByByteGives() {
    let pieces = ["word", " ", "  ", "\t", "\n", "\r", "\u{0C}", "caf\u{00E9}", "\u{00A0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{202E}",
      "\u{2028}", "\u{FEFF}", "\u{2014}", "\u{2069}", "x", "."]
    var state: UInt64 = 0xFEED_FACE_CAFE_BEEF
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var unchanged = 0
    for _ in 0..<20_000 {
      let text = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
      let collapsed = FeedText.collapsed(text)
      XCTAssertEqual(collapsed, FeedText.collapsedByteByByte(text), text.debugDescription)
      if collapsed == text { unchanged += 1 }
    }
    XCTAssertGreaterThan(unchanged, 500)
  }
}

/// `FeedText.keyword` (attribute values such as `rel` and `type`) is Foundation's trim and lowercase.
final class FeedKeywordTests: XCTestCase {
  func testKeywordsAreTrimmedAndLowercasedAsFoundationDoes() {
    let pieces = ["alternate", "Alternate", "TEXT", "html", " ", "\t", "\u{00A0}", "text/html", "+xml", "É", "é", "x y", "\u{2003}", "1", ""]
    var state: UInt64 = 0xABCD_EF01_2345_6789
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<5_000 {
      let value = (0..<next(4)).map { _ in pieces[next(pieces.count)] }.joined()
      XCTAssertEqual(FeedText.keyword(value), value.trimmingCharacters(in: .whitespaces).lowercased(), value.debugDescription)
    }
  }
}

/// The XML parser reads the decoded feed as UTF-8 without being told (`XMLInputEncoding`), whatever opens it.
final class XMLInputEncodingTests: XCTestCase {
  func testUnnamedUTF8IsReadAsUTF8WhateverOpensTheDocument() throws {
    let openings = [
      "", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "\u{FEFF}", "<?xml-stylesheet href=\"s.xsl\"?>",
      "<?xml version=\"1.0\"?><?xml version=\"1.0\" encoding=\"KOI8-R\"?>", "<!-- \u{00E9} -->", "\n\n",
    ]
    for opening in openings {
      let text = opening + "<rss version=\"2.0\"><channel><title>Caf\u{00E9} \u{2014} \u{00FC}ber \u{1F30A}</title></channel></rss>"
      let feed = try FeedFixture.feed(text, contentType: "application/rss+xml; charset=utf-8")
      XCTAssertEqual(feed.title, "Caf\u{00E9} \u{2014} \u{00FC}ber \u{1F30A}", opening.debugDescription)
    }
    let bytes = Array("<feed>".utf8)
    XCTAssertNil(bytes.withUnsafeBufferPointer(XMLInputEncoding.label))
    XCTAssertNotNil([0x00, 0x3C, 0x00, 0x3F].withUnsafeBufferPointer(XMLInputEncoding.label))
  }
}

/// Element keys are found again past the first 64 distinct element names (`FeedKeyCache` then uses a dictionary).
final class FeedKeyCacheTests: XCTestCase {
  func testItemsWithManyDistinctElementsKeepTheirFields() throws {
    let extras = (0..<100).map { "<x:e\($0)>v</x:e\($0)>" }.joined()
    var items = ""
    for index in 0..<3 {
      // The known elements come after the extras in one item and before them in the next.
      let known = "<title>Title \(index)</title><link>https://k.example/\(index)</link><category>C\(index)</category>"
      items += "<item>" + (index % 2 == 0 ? extras + known : known + extras) + "</item>"
    }
    let text = "<rss version=\"2.0\" xmlns:x=\"urn:x\"><channel><title>Many</title>" + items + "</channel></rss>"
    let feed = try FeedFixture.feed(text)
    XCTAssertEqual(feed.items.map(\.title), ["Title 0", "Title 1", "Title 2"])
    XCTAssertEqual(feed.items.map(\.link), ["https://k.example/0", "https://k.example/1", "https://k.example/2"])
    XCTAssertEqual(feed.items.map(\.categories), [["C0"], ["C1"], ["C2"]])
  }
}
