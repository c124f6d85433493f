import Foundation
import XCTest

@testable import DatelineCore

final class HTMLLiveBlogTests: XCTestCase {
  private func summary(_ story: Story) -> [String] {
    story.updates.map { "\($0.pageID ?? "-") \($0.published ?? "-") \($0.time ?? "-") \($0.title ?? "-")" }
  }

  /// Repeated post blocks with `<time datetime>`; JSON-LD lists the latest posts and one older post the page
  /// does not render (it is added, once); key events and the pinned copy are not extra updates.
  func testPostBlocksJoinedWithJSONLD() throws {
    let story = try HTMLFixtures.story("guardian-live.html")
    XCTAssertEqual(summary(story), [
      "block-65e4a1f08f08c7c1 2026-03-03T14:05:12Z 14.05 GMT Rail operator suspends coastal line",
      "block-65e49b2a8f08c7c1 2026-03-03T13:41:09Z 13.41 GMT Power cuts spread inland",
      "block-65e48e7d8f08b2a4 2026-03-03T12:58:00Z 12.58 GMT -",
      "block-65e47c118f08a9b3 2026-03-03T12:20:44Z 12.20 GMT Ferries cancelled to the islands",
      "block-65e41a228f08a001 2026-03-03T07:12:00Z - Welcome to the blog",
    ])
    let first = story.updates[0]
    XCTAssertEqual(first.id, UpdateID(pageID: "block-65e4a1f08f08c7c1"), "the page's id is the post's identity")
    XCTAssertTrue(first.paragraphs.contains { $0.text.hasPrefix("Waves breaking over the sea wall") }, "captions stay in their post")
    XCTAssertTrue(story.updates[1].paragraphs.contains { $0.text.hasPrefix("Crews are out") }, "embedded social posts stay in their post")
    XCTAssertFalse(HTMLFixtures.bodyText(story).contains("What does an amber weather warning mean"), "related cards are not text")
    XCTAssertEqual(
      story.updates.flatMap(\.links).map(\.title), ["Explainer What does an amber weather warning mean?"],
      "the related card stays in its post, as a link card")
    XCTAssertEqual(story.updates[2].links.count, 1, "in the post that embeds it")
    XCTAssertFalse(HTMLFixtures.bodyText(story).contains("Key event"), "badges are neither titles nor text")
    XCTAssertEqual(story.canonicalURL, "https://www.dailyledger.example/uk-news/live/2026/mar/03/storm-orla-live-updates")
  }

  /// Times shown as clock text only, instants from JSON-LD with an offset; ids on the article inside each list
  /// item; "posted at" screen-reader text is not part of the time shown.
  func testClockTextWithJSONLDInstants() throws {
    let story = try HTMLFixtures.story("bbc-live.html")
    XCTAssertEqual(summary(story), [
      "post_aa11 2026-04-14T14:05:00Z 15:05 Talks to resume on Thursday",
      "post_bb22 2026-04-14T13:32:00Z 14:32 Queues of lorries on the approach road",
      "post_cc33 2026-04-14T12:50:00Z 13:50 What are the workers asking for?",
    ])
    XCTAssertEqual(story.updates[1].paragraphs.first?.text, "Lorries parked nose to tail on the ring road outside the western docks")
  }

  /// JSON-LD gives every post the page's time (ignored); `datetime` is marked UTC but is the local clock time
  /// (an hour off); the epoch attribute agrees with neither and is right. Badges leave the title.
  func testDisagreeingTimesAreCrossChecked() throws {
    let story = try HTMLFixtures.story("independent-live.html")
    XCTAssertEqual(summary(story), [
      "post-6001203 2026-05-07T21:05:00Z 22:05 Recount ordered in Westbrook",
      "post-6001195 2026-05-07T20:40:00Z 21:40 First council changes hands",
      "post-6001187 2026-05-07T20:20:00Z 21:20 Turnout down on last time",
    ])
    XCTAssertEqual(story.updates[1].paragraphs.map(\.text).count, 2, "the related link inside the post is not text")
  }

  func testDataIdsAndOffsetTimes() throws {
    let story = try HTMLFixtures.story("newswire-live.html")
    XCTAssertEqual(summary(story), [
      "clx9a7k2p000401 2026-06-20T20:12:00Z 4:12 p.m. ET, June 20, 2026 Airline says it will add flights once the airspace reopens",
      "clx9a3b1q000201 2026-06-20T18:48:00Z 2:48 p.m. ET, June 20, 2026 What we know about the eruption",
      "clx99zz8r000101 2026-06-20T17:05:00Z 1:05 p.m. ET, June 20, 2026 -",
    ])
  }

  /// A ticker with only "12.40 Uhr: title" headings: one update per heading, no ids, no instants (a clock time
  /// without a date or zone names none), the opening paragraph untitled first.
  func testTimeHeadingRuns() throws {
    let story = try HTMLFixtures.story("ticker-de.html")
    XCTAssertEqual(summary(story), [
      "- - - -",
      "- - 12.40 Uhr Altstadt teilweise gesperrt",
      "- - 11.15 Uhr Bundeswehr hilft beim Sandsackfüllen",
      "- - 09.02 Uhr Pegel überschreitet sieben Meter",
    ])
    XCTAssertFalse(HTMLFixtures.bodyText(story).contains("Anzeige"))
  }

  func testSplitTimeHeading() {
    XCTAssertEqual(LiveBlogExtractor.splitTimeHeading("12.31 Uhr: Title here")?.time, "12.31 Uhr")
    XCTAssertEqual(LiveBlogExtractor.splitTimeHeading("12.31 Uhr: Title here")?.title, "Title here")
    XCTAssertEqual(LiveBlogExtractor.splitTimeHeading("15:05 BST")?.time, "15:05 BST")
    XCTAssertNil(LiveBlogExtractor.splitTimeHeading("15:05 BST")?.title)
    XCTAssertNil(LiveBlogExtractor.splitTimeHeading("12.5 million people"))
    XCTAssertNil(LiveBlogExtractor.splitTimeHeading("Liverpool 2 Everton 1"))
  }

  func testInstantsParseAndNeverGuessAZone() {
    XCTAssertEqual(PostInstant(iso: "2026-03-03T14:05:12.000Z")?.rfc3339, "2026-03-03T14:05:12Z")
    XCTAssertEqual(PostInstant(iso: "2026-04-14T15:05:00+01:00")?.rfc3339, "2026-04-14T14:05:00Z")
    XCTAssertEqual(PostInstant(iso: "2024-02-29T23:30:00-0130")?.rfc3339, "2024-03-01T01:00:00Z")
    XCTAssertNil(PostInstant(iso: "2026-03-03T14:05:12"), "no zone, no instant")
    XCTAssertNil(PostInstant(iso: "yesterday"))
    XCTAssertEqual(PostInstant(epoch: "1778187900000")?.rfc3339, "2026-05-07T21:05:00Z")
    XCTAssertNil(PostInstant(epoch: "12345"))
  }

  /// Posts of one template whose classes differ (a key event's "block--key-event" first) are still one run;
  /// a run of timed links (a key-events list) is not posts; an advert between posts is not a post.
  func testPostsWithDifferingClassesAreOneRun() throws {
    var html = "<html><body><main><h1>Rally live</h1><ul class=\"key-events\">"
    for n in 0..<4 { html += "<li class=\"ke\"><a href=\"#p\(n)\"><time datetime=\"2026-01-01T1\(n):00:00Z\">1\(n):00</time> Key event \(n)</a></li>" }
    html += "</ul><div class=\"stream\">"
    for n in 0..<4 {
      let cls = n % 2 == 0 ? "block--key-event block" : "block"
      html += "<div id=\"p\(n)\" class=\"\(cls)\"><time datetime=\"2026-01-01T1\(n):00:00Z\">1\(n):00</time><h2>Post \(n) title</h2>"
      html += "<p>Text of post \(n), long enough to be prose, with a comma and several words.</p></div>"
      if n == 1 { html += "<div class=\"ad-slot\"><p>Advertisement</p></div>" }
    }
    let story = try HTMLFixtures.story(html: html + "</div></main></body></html>")
    XCTAssertEqual(story.updates.map(\.pageID), ["p0", "p1", "p2", "p3"])
    XCTAssertEqual(story.updates.map(\.title), ["Post 0 title", "Post 1 title", "Post 2 title", "Post 3 title"])
  }

  /// A pinned copy of a post inside the stream, under an id of its own, is not a second update.
  func testAPinnedCopyInTheStreamIsNotADuplicate() throws {
    func post(_ id: String, _ hour: Int, _ title: String, _ text: String) -> String {
      "<article id=\"\(id)\" class=\"post\"><time datetime=\"2026-02-01T\(hour):00:00Z\">\(hour):00</time><h2>\(title)</h2><p>\(text)</p></article>"
    }
    let html = "<html><body><h1>Match live</h1><div class=\"stream\">"
      + post("pinned-block-2", 12, "Team news", "Both sides are unchanged from last week, with the captain fit again.")
      + post("block-3", 14, "Kick-off", "We are under way in front of a full stadium on a bright afternoon.")
      + post("block-2", 12, "Team news", "Both sides are unchanged from last week, with the captain fit again.")
      + post("block-1", 11, "Welcome", "Good morning and welcome to our coverage of the final, as it happens.")
      + "</div></body></html>"
    let story = try HTMLFixtures.story(html: html)
    XCTAssertEqual(story.updates.map(\.pageID), ["block-3", "block-2", "block-1"])
  }

  /// With no other source, a `datetime` marked UTC whose clock is the local time shown ("15:05 BST") is moved
  /// by the zone's offset; one that agrees with the shown time and zone is left alone.
  func testADatetimeIsCheckedAgainstTheClockShownWithItsZone() {
    let local = PostTimeEvidence(marked: PostInstant(iso: "2026-05-07T15:05:00Z"), shown: PostTimeEvidence.shownClock("15:05 BST"))
    XCTAssertEqual(local.instant?.rfc3339, "2026-05-07T14:05:00Z")
    let right = PostTimeEvidence(marked: PostInstant(iso: "2026-05-07T14:05:00Z"), shown: PostTimeEvidence.shownClock("15:05 BST"))
    XCTAssertEqual(right.instant?.rfc3339, "2026-05-07T14:05:00Z")
    let evening = PostTimeEvidence(marked: PostInstant(iso: "2026-06-20T16:12:00Z"), shown: PostTimeEvidence.shownClock("4:12pm EDT"))
    XCTAssertEqual(evening.instant?.rfc3339, "2026-06-20T20:12:00Z")
    XCTAssertNil(PostTimeEvidence.shownClock("15:05"), "no zone, nothing to check against")
  }

  /// Times shown only as plain text in their own element ("<span>14:05</span>", glued to the author's name)
  /// still mark the posts; with no machine-readable time anywhere, `time` stays null.
  func testPlainTextClockTimesMarkPosts() throws {
    let story = try HTMLFixtures.story("quotidien-live.html")
    XCTAssertEqual(summary(story), [
      "post-2201 - 14:05 Une manifestation partira à 14 heures de la place de la République",
      "post-2195 - 12:48 Un métro sur trois sur la plupart des lignes",
      "post-2188 - 11:02 -",
    ])
    XCTAssertFalse(HTMLFixtures.bodyText(story).contains("Camille Roux"), "the post header's author is not text")
  }

  /// A related-story card inside a post (a `<div>` or an `<aside>` the rules call a card) stays in its post
  /// as a link card: not dropped, not text, not an update of its own; share tools beside it are still dropped.
  func testRelatedCardsStayInTheirPostAsLinkCards() throws {
    let page = """
      <html><head><title>Floods live</title></head><body><main>
      <div class="live-feed">
      <article class="post" id="p3"><time datetime="2026-05-04T15:10:00Z">15:10</time><h3>Bridge reopens</h3>
      <p>The old bridge has reopened to cars after engineers checked it for damage overnight, the county said.</p>
      <div class="related-story"><a href="/floods-explained"><h4>How the river defences work</h4><p>A guide to the barriers along the town's waterfront</p></a></div>
      <div class="share-tools"><a href="#">Share this post</a></div></article>
      <article class="post" id="p2"><time datetime="2026-05-04T14:40:00Z">14:40</time>
      <p>Volunteers have filled three thousand sandbags at the fire station since the morning, organisers said.</p>
      <aside class="story-card"><a href="/rain">Read more</a><a href="/rain">Why this spring has been so wet</a></aside></article>
      <article class="post" id="p1"><time datetime="2026-05-04T14:05:00Z">14:05</time>
      <p>Good afternoon and welcome to our live coverage of the floods across the valley, with news as it comes.</p></article>
      </div></main></body></html>
      """
    let story = try HTMLFixtures.story(html: page)
    XCTAssertEqual(story.updates.map(\.pageID), ["p3", "p2", "p1"], "cards are not updates")
    XCTAssertEqual(story.updates[0].links, [LinkCard(line: 5, title: "How the river defences work", summary: "A guide to the barriers along the town's waterfront", summaryLine: 5)])
    XCTAssertEqual(story.updates[1].links.map(\.title), ["Why this spring has been so wet"], "a label before the title is not the title")
    XCTAssertEqual(story.updates[2].links, [])
    let text = HTMLFixtures.bodyText(story)
    XCTAssertFalse(text.contains("river defences") || text.contains("Share this post"), text)
  }

  /// Templates that put a post's time in an element of its own just before the post: the post is paired with
  /// that time (text shown and instant); a time after the last post pairs with nothing.
  func testATimeInTheSiblingBeforeAPostIsItsTime() throws {
    let page = """
      <html><head><title>Election night</title></head><body><div class="stream">
      <div class="stamp"><time datetime="2026-05-07T23:45:00+01:00">23:45</time></div>
      <div class="entry" id="e3"><h2>Turnout up in the north</h2><p>Officials in the northern wards say turnout is several points higher than four years ago, with queues at two schools.</p></div>
      <div class="stamp"><time datetime="2026-05-07T23:10:00+01:00">23:10</time></div>
      <div class="entry" id="e2"><p>The first count has started at the leisure centre, where the tables were set up this afternoon.</p></div>
      <div class="stamp"><span>22:30</span></div>
      <div class="entry" id="e1"><h2>Polls close</h2><p>Polls have closed across the city and ballot boxes are on their way to the three counting centres.</p></div>
      </div></body></html>
      """
    let story = try HTMLFixtures.story(html: page)
    XCTAssertEqual(summary(story), [
      "e3 2026-05-07T22:45:00Z 23:45 Turnout up in the north",
      "e2 2026-05-07T22:10:00Z 23:10 -",
      "e1 - 22:30 Polls close",
    ])
    XCTAssertFalse(HTMLFixtures.bodyText(story).contains("23:45"), "the time is not text")
  }
}
