import DatelineCore
import XCTest

@testable import DatelineStore

/// A web page's story is its canonical URL; a post's page id is the post.
final class WebStoryIdentityTests: XCTestCase {
  private func open() throws -> Library {
    let dir = try StoreFixtures.temporaryDirectory(self)
    return try Library(path: dir.appendingPathComponent("library.sqlite").path)
  }

  /// A live-blog page: posts are (id, title, paragraph), newest first.
  private func page(url: String, headline: String, posts: [(id: String, title: String, text: String)]) -> [UInt8] {
    var html = """
      <html><head><title>\(headline)</title><link rel="canonical" href="\(url)"></head><body><main><h1>\(headline)</h1>
      <div class="posts">
      """
    for (n, post) in posts.enumerated() {
      html += """
        <article id="\(post.id)" class="post"><header><time datetime="2026-05-01T1\(n):00:00Z">1\(n):00</time>
        <h2>\(post.title)</h2></header><p>\(post.text)</p></article>
        """
    }
    return Array((html + "</div></main></body></html>").utf8)
  }

  private func read(_ bytes: [UInt8], source: String) throws -> Story {
    try StoryReader().read(InputDocument(bytes: bytes, source: source))
  }

  func testARewrittenHeadlineStaysOneStoryAndOnlyNewAndChangedPostsAreMarked() throws {
    let library = try open()
    let url = "https://news.example/live/harbour-fire"
    let morning = page(url: url, headline: "Fire at the harbour: crews on the scene", posts: [
      ("block-2", "Smoke over the old town", "Residents have been told to keep their windows closed this morning."),
      ("block-1", "Crews called to warehouse", "Six fire engines were sent to a warehouse on the quay before dawn."),
    ])
    let first = try library.importCapture(try read(morning, source: url), bytes: morning)
    XCTAssertTrue(first.newStory)

    let evening = page(url: url + "?utm_source=feed", headline: "Harbour fire out after twelve hours, mayor thanks firefighters", posts: [
      ("block-3", "Fire declared out", "The fire service said the last flames were put out at six o'clock."),
      ("block-2", "Smoke clears over the old town", "Residents have been told to keep their windows closed this morning."),
      ("block-1", "Crews called to warehouse", "Eight fire engines were sent to a warehouse on the quay before dawn."),
    ])
    let second = try library.importCapture(try read(evening, source: url), bytes: evening)
    XCTAssertFalse(second.newStory, "the canonical URL is the story, whatever its headline became")
    XCTAssertEqual(second.new, ["Fire declared out"])
    XCTAssertEqual(second.changed, ["Smoke clears over the old town", "Crews called to warehouse"])
    XCTAssertEqual(try library.stories().count, 1)

    let third = page(url: url, headline: "Harbour fire out after twelve hours, mayor thanks firefighters", posts: [
      ("block-3", "Fire declared out", "The fire service said the last flames were put out at six o'clock."),
      ("block-2", "Smoke clears over the old town", "Residents have been told to keep their windows closed this morning."),
      ("block-1", "Crews called to warehouse", "Eight fire engines were sent to a warehouse on the quay before dawn."),
    ]) + Array(" ".utf8)
    let unchanged = try library.importCapture(try read(third, source: url), bytes: third)
    XCTAssertEqual(unchanged.new, [])
    XCTAssertEqual(unchanged.changed, [])

    let stored = try XCTUnwrap(try library.loadStory(id: try library.stories()[0].id))
    XCTAssertEqual(stored.canonicalURL, url)
    XCTAssertEqual(stored.updates.map(\.pageID), ["block-3", "block-2", "block-1"])
    XCTAssertEqual(stored.updates.first?.published, "2026-05-01T10:00:00Z")
  }

  func testTwoDaysBlogsWithSimilarHeadlinesStayTwoStories() throws {
    let library = try open()
    for day in ["2026/may/01", "2026/may/02"] {
      let url = "https://news.example/politics/live/\(day)/parliament-live"
      let bytes = page(url: url, headline: "Politics live: ministers questioned in parliament", posts: [
        ("block-\(day)-2", "Questions begin", "The first question is on the cost of the new ferry contract."),
        ("block-\(day)-1", "Good morning", "Welcome to the live coverage of the day in parliament."),
      ])
      XCTAssertTrue(try library.importCapture(try read(bytes, source: url), bytes: bytes).newStory)
    }
    XCTAssertEqual(try library.stories().count, 2)
  }

  func testPostsWithDifferentPageIdsNeverFuzzyMatch() {
    let a = Update(id: UpdateID(pageID: "block-1"), title: "Road closed", line: 1, paragraphs: [Paragraph(line: 2, text: "The road is closed.")])
    let b = Update(id: UpdateID(pageID: "block-2"), title: "Road closed", line: 1, paragraphs: [Paragraph(line: 2, text: "The road is closed.")])
    let result = CaptureMerger().merge(stored: [a], capture: [b])
    XCTAssertEqual(result.new, [0])
  }
}
