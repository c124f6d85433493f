import DatelineCore
import XCTest

@testable import DatelineStore

final class SyntheticLiveBlogTests: XCTestCase {
  func testCapturesReadAsTheWindowOfUpdates() throws {
    let sample = try XCTUnwrap(BundledResource.text("sample-story.txt"))
    let blog = SyntheticLiveBlog(sample: sample, window: 100)
    let first = try StoreFixtures.story(blog.capture(0), source: "synthetic")
    XCTAssertEqual(first.updates.count, 100)
    XCTAssertEqual(Set(first.updates.map(\.id)).count, 100, "titles are distinct")
    let later = try StoreFixtures.story(blog.capture(30), source: "synthetic")
    XCTAssertEqual(later.updates.count, 100)
  }
}
