import Foundation

/// Dates as feeds write them: RFC 822 with its real-world variants (two-digit years, no weekday or a wrong one,
/// named zones, no seconds, asctime order), RFC 3339 and W3C-DTF (a date alone, no zone, a space for `T`).
/// A date without a time is midnight UTC, a time without a zone is UTC, and an impossible date is nil.
public enum FeedDate {
  /// The instant `text` names, or nil when it is no date we can trust.
  public static func parse(_ text: String) -> Date? {
    // The common RFC 822 shape is read from the bytes with nothing allocated; anything else takes the way below.
    var text = text
    if let date = text.withUTF8({ bytes -> Date? in
      // (Its day is one or two digits and a space: a date that opens with four digits never matches it.)
      guard let first = bytes.first, !isSpace(first) else { return nil }
      return RFC822FastDate.parse(bytes)
    }) {
      return date
    }
    var bytes = Array(text.utf8)
    while let last = bytes.last, isSpace(last) { bytes.removeLast() }
    let start = bytes.firstIndex { !isSpace($0) } ?? bytes.count
    guard start < bytes.count else { return nil }
    let trimmed = Array(bytes[start...])
    if trimmed.count >= 4, trimmed[0..<4].allSatisfy(isDigit) {
      if let date = ISODateParser(trimmed).parse() { return date }
    }
    return RFC822DateParser(trimmed).parse()
  }

  /// `date` as RFC 3339 in UTC, whole seconds: `2003-12-31T10:14:55Z`.
  public static func rfc3339(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400)
    let secondOfDay = seconds - days * 86400
    let (year, month, day) = CivilDays.date(fromDays: days)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    var yearText = String(year)
    while yearText.count < 4 { yearText = "0" + yearText }
    return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
  }

  /// The instant of a calendar date and time in a zone `offset` seconds east of UTC, or nil when a field is
  /// out of range (month 13, 30 February, hour 25).
  static func instant(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offset: Int = 0)
    -> Date?
  {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
      (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
    else { return nil }
    let days = CivilDays.days(year: year, month: month, day: day)
    let seconds = days * 86400 + hour * 3600 + minute * 60 + min(second, 59) - offset
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

  /// Offsets in seconds of the zone names feeds use (RFC 822's, and common ones beyond it).
  static func namedZoneOffset(_ name: String) -> Int? {
    let hours: Int
    var upper = name.uppercased()
    if upper.hasPrefix("ETC/") { upper.removeFirst(4) }
    switch upper {
    case "Z", "UT", "UTC", "GMT", "Z0": hours = 0
    case "EST", "ET": hours = -5
    case "EDT": hours = -4
    case "CST", "CT": hours = -6
    case "CDT": hours = -5
    case "MST", "MT": hours = -7
    case "MDT": hours = -6
    case "PST", "PT": hours = -8
    case "PDT": hours = -7
    case "AST", "AT": hours = -4
    case "ADT": hours = -3
    case "AKST": hours = -9
    case "AKDT": hours = -8
    case "HST": hours = -10
    case "NZST": hours = 12
    case "NZDT": hours = 13
    case "BST": hours = 1
    case "IST": hours = 1
    case "WET": hours = 0
    case "WEST": hours = 1
    case "CET", "MET": hours = 1
    case "CEST", "MEST": hours = 2
    case "EET": hours = 2
    case "EEST": hours = 3
    case "MSK": hours = 3
    case "JST", "KST": hours = 9
    case "AEST": hours = 10
    case "AEDT": hours = 11
    default: return nil
    }
    return hours * 3600
  }

  /// Seconds east of UTC of `+hhmm`, `-hh:mm` or `+hh` (the sign included), or nil.
  static func numericOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
    guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
    let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
    guard bytes.dropFirst().allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ":") }) else { return nil }
    let value: (Int, Int)
    switch digits.count {
    case 1, 2: value = (Int(digits.reduce(0) { $0 * 10 + Int($1 - 48) }), 0)
    case 4:
      let all = Array(digits).map { Int($0 - 48) }
      value = (all[0] * 10 + all[1], all[2] * 10 + all[3])
    case 3:
      let all = Array(digits).map { Int($0 - 48) }
      value = (all[0], all[1] * 10 + all[2])
    default: return nil
    }
    guard value.0 <= 23, value.1 <= 59 else { return nil }
    let seconds = value.0 * 3600 + value.1 * 60
    return sign == UInt8(ascii: "-") ? -seconds : seconds
  }
}
