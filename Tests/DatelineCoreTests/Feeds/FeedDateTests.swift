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

/// The byte-level reader of the common RFC 822 shape gives what the general parser gives, on generated dates
/// in that shape and around it (other spacing, case, two-digit years, out-of-range fields, other zones).
final class RFC822FastDateTests: XCTestCase {
  func testTheFastShapeGivesWhatTheGeneralParserGives() {
    var state: UInt64 = 0xC0FF_EE12_3456_789A
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    // A third of the dates take their fields from the first few options only, all in the shape.
    var strict = false
    func pick(_ options: [String], shaped: Int) -> String { options[next(strict ? shaped : options.count)] }
    var fast = 0
    for round in 0..<30_000 {
      strict = round % 3 == 0
      let weekday = pick(["Tue, ", "tue, ", "WED, ", "Mon, ", "", "", "Tue,", "Tue , ", "Tuesday, ", "Jan, ", "Xyz, ", "Tu, "], shaped: 6)
      let day = pick(["2", "02", "31", "30", "29", "0", "00", "99", "1", "9", "123", "x"], shaped: 10)
      let month = pick(["Jan", "feb", "FEB", "Mar", "Dec", "Sep", "Sept", "Foo", "January", "Ja", "May."], shaped: 7)
      let year = pick(["2024", "2023", "1999", "0000", "9999", "24", "99", "124", "20245", "2000"], shaped: 5)
      let time = pick(["08:10:00", "23:59:59", "00:00", "24:00:00", "08:60:00", "08:10:60", "08:10:61", "8:10:00", "08:10:5", "08:10:00.5", "08.10"], shaped: 7)
      let zone = pick(["+0000", "-0500", "+0530", "+2400", "+0060", "-1259", "GMT", "gmt", "UT", "UTC", "Z", "z", "EST", "XYZ", "+05:00", "+05", "", "GMT+0200"], shaped: 12)
      let space = pick([" ", " ", " ", " ", "  ", "\t"], shaped: 4)
      var text = weekday + day + space + month + " " + year + " " + time + (zone.isEmpty ? "" : " " + zone)
      if !strict, next(10) == 0 { text += " " }
      let general = RFC822DateParser(Array(text.utf8)).parse()
      let quick = Array(text.utf8).withUnsafeBufferPointer(RFC822FastDate.parse)
      if let quick {
        fast += 1
        XCTAssertEqual(quick, general, text)
      }
      // The whole way in: the fast shape first, the general parser for everything else.
      if next(8) == 0, !text.hasPrefix(" ") {
        XCTAssertEqual(FeedDate.parse(text), general, text)
      }
    }
    // The shape is common among the generated dates, so the comparison is not empty.
    XCTAssertGreaterThan(fast, 1_000)
  }
}
