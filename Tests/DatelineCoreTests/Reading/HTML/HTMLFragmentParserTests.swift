import Foundation
import XCTest

@testable import DatelineCore

/// The SAX path of `HTMLFragmentParser` (one reused parser context, no tree) gives exactly the text of the
/// tree walk it replaced (`HTMLFragmentText.paragraphsFromTree`), on tricky fragments, on every string of the
/// feed tests and every HTML fixture page, on the item markup of feeds read from those strings, and on
/// generated tag soup.
final class HTMLFragmentParserTests: XCTestCase {
  static let tricky: [String] = [
    "a &amp; b", "1 < 2", "1 &lt; 2 &gt; 0", "x&nbsp;y", "x\u{00A0}y", "&uuml;ber", "&bogus; text", "&#150; &#x2014; &#8212;",
    "<p>one</p><p>two</p>", "<div>a<div>b</div>c</div>", "word<br>word", "word<br/>word", "<li>a<li>b", "<ul><li>a</li>b</ul>c",
    "<![CDATA[x]]> y", "<p>unclosed <b>bold <i>it</p> after", "<a href='x'>link</a", "<p <b>x", "<<<>>>", "</p>", "</b>text",
    "<script>x</script>y", "<style>p{}</style>z", "<div hidden>h</div>v", "<span style='display: none'>s</span>t",
    "<span style='VISIBILITY : hidden'>s</span>t", "<p aria-hidden=TRUE>a</p>b", "<p aria-hidden>a</p>b", "<title>T</title>body",
    "<!DOCTYPE html><p>a</p></html><p>b", "<!-- c --><p>a</p></body></html>after<p>more</p>", "<?pi x?><p>a</p></html><b>z</b>",
    "<html><body>x</body></html> <p>y</p>", "<html><body>x</body></html>tail", "text</html>more", "a</body>b</html>c",
    "<p>a</p><!DOCTYPE html></html><p>b</p>", "<table><tr><td>a<td>b</table>", "<select><option>o</select>t",
    "<head><title>t</title></head>x", "<p>a</p>\n\n<p>b</p>", "\u{1B}[31mred<b>x</b>", "<b>\u{202E}rev</b>", "<pre>  a\n  b</pre>",
    "<noscript>n</noscript>m", "<template>t</template>u", "<body hidden>b</body>", "<html style='display:none'>x", "a<html hidden>b",
    "<p>x<html><body>y", "<frameset><frame>f", "<svg><text>s</text></svg>v", "<math>m</math>w", "<o:p>office</o:p>",
    "<textarea>ta</textarea>", "<br/>", "", "   ", "&", "<", "<p>", "<p></p>", "&#0;x", "&#xD800;y", "<img alt='x'>",
    "<b>bold</b> <i>it</i>", " <b> x </b> ", "<p>a <i>b</i> </p>", "<div>\n  <p>in</p>\n  </div>", "x<!-- c -->y",
    "<p>a<p>b<p>c", "<h1>t</h1>p<h2>u", "<dl><dt>a<dd>b</dl>", "<blockquote>q</blockquote>r", "<iframe>i</iframe>j",
    "<div><script>s</script>a<style>t</style>b</div>", "<p>caf\u{00E9} &eacute; &#233;</p>", "\r\n<p>a\r\nb</p>\r\n",
    "<p>\u{2028}sep</p>", "<P CLASS=x>Up</P>", "<DIV HIDDEN>h</DIV>v", "<a><p>nested block in inline</p></a>",
    "<table><caption>c</caption><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
    "<form><input value=x><button>b</button>label</form>", "<head>x</head><body>y</body>", "<meta charset=latin1><p>\u{00E9}</p>",
    "<body><p>a</p></body><body><p>b</p></body>", "</html></html>x", "<html></html>", "<!DOCTYPE html>", "<!-- only a comment -->",
    "<?xml version='1.0'?><p>x</p>", "<p>x</p><?php echo 1; ?>y", "<p>a</p></body></html><!-- c --><p>b</p>",
    "a<o:p>b</o:p>c", "<xhtml:p>First</xhtml:p><xhtml:p>second</xhtml:p>", "<dc:title>t</dc:title>x", "<a:b:p>x</a:b:p>y",
    "<:p>x</:p>y", "<a:>x</a:>y", "<x:script>s</x:script>t", "<xml:div>a</xml:div>b", "<p x:hidden>a</p>b",
    "<p xml:hidden>a</p>b", "<p foo:style='display:none'>a</p>b", "<p :hidden>a</p>b", "<p x:aria-hidden=true>a</p>b",
  ]

  func testTrickyFragmentsGiveTheTreeWalksText() {
    let parser = HTMLFragmentParser()
    for fragment in Self.tricky { assertSame(fragment, parser) }
    // And each on a fresh parser, in reverse order: nothing carries over from one fragment to the next.
    for fragment in Self.tricky.reversed() { assertSame(fragment, HTMLFragmentParser()) }
  }

  func testEveryStringOfTheFeedTestsAndEveryHTMLFixtureGivesTheTreeWalksText() throws {
    let parser = HTMLFragmentParser()
    var checked = 0
    for literal in try Self.feedTestLiterals() {
      assertSame(literal, parser)
      checked += 1
    }
    for page in try Self.htmlFixturePages() {
      assertSame(page, parser)
      checked += 1
    }
    XCTAssertGreaterThan(checked, 200, "the corpus was not found")
  }

  /// Feeds read from the feed tests' strings (and the same items wrapped in RSS and Atom): every item's HTML
  /// summary and content, through both paths.
  func testTheItemMarkupOfFeedsReadFromTheFeedTestsGivesTheTreeWalksText() throws {
    let parser = HTMLFragmentParser()
    var fragments = 0
    for literal in try Self.feedTestLiterals() {
      for document in [literal, FeedFixture.rss(literal), FeedFixture.atom(literal)] {
        guard case .success(.feed(let feed)) = FeedReading.read(Array(document.utf8)) else { continue }
        for item in feed.items {
          for markup in [item.summaryMarkup, item.contentMarkup] {
            guard case .html(let html) = markup else { continue }
            assertSame(html, parser)
            fragments += 1
          }
        }
      }
    }
    XCTAssertGreaterThan(fragments, 10)
  }

  /// Generated tag soup from a vocabulary of the elements, attributes, entities and breakages that matter.
  /// `TextAccumulator.append` of a buffer (stretches of words copied whole) gathers what appending the same
  /// text byte by byte does, however the text is cut into the pieces a SAX parser hands over.
  func testAppendingBuffersCollapsesAsAppendingBytes() {
    let pieces = ["word", " ", "  ", "\t", "\n", "\r\n", "\u{0C}", "a b", "x  y", " lead", "trail ", "caf\u{00E9}", "\u{00A0}", "\u{1B}", "."]
    var state: UInt64 = 0x5DEE_CE66_D1CE_4E5B
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<5_000 {
      // Pieces grouped into the chunks a parser would hand over, with block boundaries between some.
      var bytewise = TextAccumulator()
      var chunked = TextAccumulator()
      var text = ""
      for _ in 0..<(1 + next(6)) {
        let chunk = (0..<(1 + next(4))).map { _ in pieces[next(pieces.count)] }.joined()
        text += chunk
        bytewise.append(chunk)
        var bytes = Array(chunk.utf8)
        bytes.withUnsafeMutableBufferPointer { chunked.append(UnsafeBufferPointer($0)) }
        if next(4) == 0 {
          bytewise.breakWord()
          chunked.breakWord()
          text += "|"
        }
      }
      XCTAssertEqual(chunked.bytes, bytewise.bytes, text.debugDescription)
    }
  }

  func testGeneratedTagSoupGivesTheTreeWalksText() {
    let pieces = [
      "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<i>", "</i>", "<br>", "<li>", "</li>", "<ul>", "</ul>", "<td>", "<tr>",
      "<table>", "</table>", "<script>", "</script>", "<style>", "</style>", "<title>", "</title>", "<span hidden>", "</span>",
      "<em style=\"display:none\">", "</em>", "<a aria-hidden=\"true\" href=\"/x\">", "</a>", "<html>", "</html>", "<body>",
      "</body>", "<head>", "</head>", "<!-- c -->", "<!DOCTYPE html>", "<?pi?>", "<h2>", "</h2>", "<pre>", "</pre>", "<", ">",
      "&amp;", "&lt;", "&nbsp;", "&uuml;", "&bogus;", "&#8212;", "&", " ", "\n", "  ", "word", "two words", "caf\u{00E9}",
      "\u{1B}[1m", "<br/>", "<img src=x>", "<select>", "<option>", "</select>", "<noscript>", "</noscript>", "<o:p>", "</o:p>",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let parser = HTMLFragmentParser()
    for _ in 0..<3_000 {
      let count = 1 + next(24)
      let fragment = (0..<count).map { _ in pieces[next(pieces.count)] }.joined()
      assertSame(fragment, parser)
    }
  }

  /// The one-line text of a feed's items is unchanged: `FeedReading` (one parser per feed) against the tree
  /// path, item by item.
  func testFeedItemTextMatchesTheTreePath() throws {
    let items = (0..<40).map { index in
      """
      <item><title>T\(index) &amp; co</title><description>&lt;p&gt;Summary \(index) &amp;amp; more&lt;/p&gt;&lt;p&gt;two&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Para \(index) &#8212; <a href="/x">link</a></p><div hidden>no</div><script>no</script><p>1 &lt; 2</p>]]></content:encoded></item>
      """
    }.joined()
    let feed = try FeedFixture.feed(FeedFixture.rss(items))
    XCTAssertEqual(feed.items.count, 40)
    for item in feed.items {
      guard case .html(let summary) = item.summaryMarkup, case .html(let content) = item.contentMarkup else {
        return XCTFail("expected HTML markup")
      }
      XCTAssertEqual(item.summary, FeedText.collapsed(HTMLFragmentText.paragraphsFromTree(fromHTML: summary).joined(separator: " ")))
      XCTAssertEqual(item.content, FeedText.collapsed(HTMLFragmentText.paragraphsFromTree(fromHTML: content).joined(separator: " ")))
    }
    XCTAssertEqual(feed.items[3].content, "Para 3 \u{2014} link 1 < 2")
  }

  /// Lines made of the bytes the sanitiser cares about: `TextAccumulator.clean` (which skips the sanitiser when
  /// one pass over the bytes finds nothing for it) gives what it gave when every line went through it.
  func testCleaningSkipsTheSanitiserOnlyWhenItWouldChangeNothing() {
    let pieces: [[UInt8]] = [
      Array("word".utf8), [0x20], [0x1B, 0x5B, 0x33, 0x31, 0x6D], [0x09], [0x7F], [0xC2, 0x85], [0xC2, 0xA0], [0xC2, 0x9B, 0x41],
      [0xE2, 0x80, 0x94], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xAE], [0xE2, 0x81, 0xA6], [0xE2, 0x81, 0xA9], [0xE2, 0x80, 0x99],
      [0xEF, 0xBB, 0xBF], [0xEF, 0xBF, 0xBD], Array("caf\u{00E9}".utf8), [0xE2], [0xC2], [0xEF, 0xBB],
    ]
    func oldClean(_ bytes: [UInt8]) -> String {
      let text = String(decoding: bytes, as: UTF8.self)
      let cleaned = TextSanitizer.clean(text[...])
      if cleaned.utf8.count == bytes.count { return cleaned }
      return cleaned.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
    var state: UInt64 = 42
    for _ in 0..<5_000 {
      var bytes: [UInt8] = []
      for _ in 0..<(1 + Int(state >> 60)) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes += pieces[Int((state >> 33) % UInt64(pieces.count))]
      }
      XCTAssertEqual(TextAccumulator.clean(bytes), oldClean(bytes), "\(bytes)")
    }
  }

  private func assertSame(_ fragment: String, _ parser: HTMLFragmentParser, file: StaticString = #filePath, line: UInt = #line) {
    let expected = HTMLFragmentText.paragraphsFromTree(fromHTML: fragment)
    XCTAssertEqual(parser.paragraphs(fromHTML: fragment), expected, "fragment: \(fragment.prefix(300).debugDescription)", file: file, line: line)
    // The one-line text, made in one buffer, is the paragraphs joined.
    XCTAssertEqual(
      parser.plainText(fromHTML: fragment), expected.joined(separator: " "), "fragment: \(fragment.prefix(300).debugDescription)",
      file: file, line: line)
    // A feed's HTML text as it was made before (the tree's text, collapsed again), now taken as it comes.
    if fragment.contains("<") || fragment.contains("&") {
      XCTAssertEqual(
        FeedText.plain(fragment, as: .html, using: parser), FeedText.collapsed(expected.joined(separator: " ")),
        "fragment: \(fragment.prefix(300).debugDescription)", file: file, line: line)
    }
  }

  /// Every string literal (single-line and multi-line) in the feed tests' sources.
  static func feedTestLiterals() throws -> [String] {
    let directory = Fixtures.packageRoot.appendingPathComponent("Tests/DatelineCoreTests/Feeds")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }.sorted()
    var literals: [String] = []
    for name in names {
      let source = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      let blocks = source.components(separatedBy: "\"\"\"")
      for (index, block) in blocks.enumerated() {
        if index % 2 == 1 {
          literals.append(block)
        } else {
          for line in block.split(separator: "\n") {
            let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
            for (part, text) in parts.enumerated() where part % 2 == 1 && !text.isEmpty { literals.append(String(text)) }
          }
        }
      }
    }
    return literals
  }

  static func htmlFixturePages() throws -> [String] {
    let directory = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/html")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".html") }.sorted()
    return names.compactMap { try? String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
  }
}
