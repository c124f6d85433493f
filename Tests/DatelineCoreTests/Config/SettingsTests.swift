import DatelineCore
import XCTest

final class SettingsTests: XCTestCase {
  func testRefreshAndTimeoutAreRead() {
    let (settings, problems) = Settings.parse("# mine\nrefresh = 120   # two minutes\n\ntimeout=20\n", origin: "dateline.conf")
    XCTAssertEqual(settings, Settings(refreshSeconds: 120, timeoutSeconds: 20))
    XCTAssertEqual(problems, [])
  }

  func testZeroRefreshMeansNever() {
    XCTAssertNil(Settings.parse("refresh = 0", origin: "f").settings.refreshSeconds)
  }

  func testEachBadLineIsNamedAndSkipped() {
    let text = "refresh = soon\ntimeout = 0\ncolour = red\njust words\ntimeout = 15\n"
    let (settings, problems) = Settings.parse(text, origin: "dateline/dateline.conf")
    XCTAssertEqual(settings, Settings(refreshSeconds: nil, timeoutSeconds: 15))
    XCTAssertEqual(
      problems,
      [
        "dateline/dateline.conf:1: refresh takes seconds from 0 (never) to 86400",
        "dateline/dateline.conf:2: timeout takes seconds from 1 to 300",
        "dateline/dateline.conf:3: unknown setting 'colour' (known: refresh, timeout)",
        "dateline/dateline.conf:4: expected 'name = value'",
      ])
  }
}
