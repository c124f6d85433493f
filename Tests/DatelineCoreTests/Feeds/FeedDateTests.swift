import XCTest

@testable import DatelineCore

/// Dates as feeds write them, read into UTC instants.
final class FeedDateTests: XCTestCase {
  private func date(_ text: String) -> String? { FeedFixture.date(text) }

  func testRFC822WithItsRealWorldVariants() {
    XCTAssertEqual(date("Wed, 31 Dec 2003 10:14:55 GMT"), "2003-12-31T10:14:55Z")
    XCTAssertEqual(date("Wed, 31 Dec 2003 10:14:55 +0100"), "2003-12-31T09:14:55Z")
    XCTAssertEqual(date("Wed, 31 Dec 2003 10:14:55 -05:00"), "2003-12-31T15:14:55Z")
    XCTAssertEqual(date("31 Dec 2003 10:14:55 GMT"), "2003-12-31T10:14:55Z", "no weekday")
    XCTAssertEqual(date("Mon, 31 Dec 2003 10:14:55 GMT"), "2003-12-31T10:14:55Z", "a wrong weekday is ignored")
    XCTAssertEqual(date("Wed, 31 Dec 03 10:14:55 GMT"), "2003-12-31T10:14:55Z", "two-digit year")
    XCTAssertEqual(date("Fri, 31 Dec 99 23:00:00 GMT"), "1999-12-31T23:00:00Z", "two-digit year of the last century")
    XCTAssertEqual(date("Wed, 31 Dec 2003 10:14 EST"), "2003-12-31T15:14:00Z", "no seconds, a named zone")
    XCTAssertEqual(date("Wed, 31 Dec 2003 10:14:55 PDT"), "2003-12-31T17:14:55Z")
    XCTAssertEqual(date("Wed, 31 Dec 2003 10:14:55"), "2003-12-31T10:14:55Z", "no zone is UTC")
    XCTAssertEqual(date("Wed, 31 Dec 2003"), "2003-12-31T00:00:00Z", "no time is midnight")
    XCTAssertEqual(date("Wednesday, 31 December 2003 10:14:55 UT"), "2003-12-31T10:14:55Z", "full names")
    XCTAssertEqual(date("Wed, 31 Dec 2003 10:14:55 GMT+0200"), "2003-12-31T08:14:55Z")
    XCTAssertEqual(date("Wed Dec 31 10:14:55 2003"), "2003-12-31T10:14:55Z", "asctime")
    XCTAssertEqual(date("Wed, 31 Dec 2003 10:14:55 PT"), "2003-12-31T18:14:55Z", "a zone without its season")
    XCTAssertEqual(date("Wed, 31 Dec 2003 10:14:55 Etc/GMT"), "2003-12-31T10:14:55Z")
    XCTAssertEqual(date("31-Dec-2003 10:14:55 Z"), "2003-12-31T10:14:55Z")
    XCTAssertEqual(date("  Wed,  31  Dec  2003  10:14:55  GMT \n"), "2003-12-31T10:14:55Z", "extra whitespace")
    XCTAssertEqual(date("Wed, 31 Dec 2003 10:14:55 GMT (Coordinated)"), "2003-12-31T10:14:55Z", "a comment")
  }

  func testRFC3339AndW3CDTF() {
    XCTAssertEqual(date("2003-12-31T10:14:55Z"), "2003-12-31T10:14:55Z")
    XCTAssertEqual(date("2003-12-31T10:14:55.257-08:00"), "2003-12-31T18:14:55Z", "fraction and offset")
    XCTAssertEqual(date("2003-12-31T10:14:55+0530"), "2003-12-31T04:44:55Z")
    XCTAssertEqual(date("2003-12-31T10:14Z"), "2003-12-31T10:14:00Z", "no seconds")
    XCTAssertEqual(date("2003-12-31 10:14:55"), "2003-12-31T10:14:55Z", "a space for T, no zone")
    XCTAssertEqual(date("2003-12-31"), "2003-12-31T00:00:00Z", "a date alone")
    XCTAssertEqual(date("2003-12"), "2003-12-01T00:00:00Z")
    XCTAssertEqual(date("2003"), "2003-01-01T00:00:00Z")
    XCTAssertEqual(date("20031231T101455Z"), "2003-12-31T10:14:55Z", "basic format")
    XCTAssertEqual(date("2004-02-29T00:00:00Z"), "2004-02-29T00:00:00Z", "leap day")
    XCTAssertEqual(date("1969-07-20T20:17:40Z"), "1969-07-20T20:17:40Z", "before 1970")
  }

  func testImpossibleDatesAreNil() {
    XCTAssertNil(date("Wed, 99 Dec 2003 10:14:55 GMT"), "day 99")
    XCTAssertNil(date("Wed, 31 Foo 2003 10:14:55 GMT"), "a wrong month name")
    XCTAssertNil(date("2003-13-01"), "month 13")
    XCTAssertNil(date("2003-02-29"), "not a leap year")
    XCTAssertNil(date("2003-12-31T25:00:00Z"), "hour 25")
    XCTAssertNil(date("Wed, 31 Dec 2003 10:99:00 GMT"), "minute 99")
    XCTAssertNil(date(""))
    XCTAssertNil(date("yesterday"))
    XCTAssertNil(date("2003-12-31T10:14:55 nonsense"))
    XCTAssertNil(date("31 Dec"), "no year")
  }
}
