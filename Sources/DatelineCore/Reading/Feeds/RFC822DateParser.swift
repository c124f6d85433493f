import Foundation

/// RFC 822 / RFC 2822 dates as feeds really write them: `Wed, 02 Oct 2002 08:00:00 EST`, without the weekday or
/// with a wrong one (ignored), two-digit years, no seconds, no time, `GMT+0200`, full month names, `02-Oct-2002`,
/// and asctime's `Wed Oct  2 08:00:00 2002`. A wrong month name or an impossible day gives nil.
struct RFC822DateParser {
  private let tokens: [String]

  init(_ bytes: [UInt8]) {
    var tokens: [String] = []
    var current: [UInt8] = []
    var depth = 0  // RFC 822 comments in parentheses are skipped
    func flush() {
      if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
      current.removeAll()
    }
    for byte in bytes {
      if byte == UInt8(ascii: "(") { depth += 1; flush(); continue }
      if byte == UInt8(ascii: ")") { depth = max(0, depth - 1); continue }
      if depth > 0 { continue }
      if FeedDate.isSpace(byte) || byte == UInt8(ascii: ",") {
        flush()
      } else {
        current.append(byte)
      }
    }
    flush()
    // `02-Oct-2002`: a day, a month name and a year joined by hyphens.
    self.tokens = tokens.flatMap { token -> [String] in
      let parts = token.split(separator: "-", omittingEmptySubsequences: false)
      if parts.count == 3, parts.allSatisfy({ !$0.isEmpty }), parts[0].allSatisfy(\.isNumber),
        parts[1].allSatisfy(\.isLetter)
      {
        return parts.map(String.init)
      }
      return [token]
    }
  }

  func parse() -> Date? {
    var rest = tokens[...]
    // A weekday (right or wrong, abbreviated or not) says nothing the date does not.
    while let first = rest.first, Self.isWeekday(first) { rest = rest.dropFirst() }
    guard let first = rest.first else { return nil }
    var day: Int
    var month: Int
    var year: Int?
    var time: (Int, Int, Int)?
    var offset: Int?
    if let value = Int(first) {
      day = value
      rest = rest.dropFirst()
      guard let name = rest.first, let m = Self.month(name) else { return nil }
      month = m
      rest = rest.dropFirst()
    } else if let m = Self.month(first) {
      // asctime and its cousins: the month name first, then the day.
      month = m
      rest = rest.dropFirst()
      guard let dayText = rest.first, let value = Int(dayText) else { return nil }
      day = value
      rest = rest.dropFirst()
    } else {
      return nil
    }
    for token in rest {
      if time == nil, token.contains(":"), let parsed = Self.time(token) {
        time = parsed
      } else if year == nil, let value = Int(token), token.allSatisfy(\.isNumber) {
        year = Self.fullYear(value, digits: token.count)
      } else if offset == nil, let zone = Self.zone(token) {
        offset = zone
      } else if token.contains(":") || token.allSatisfy(\.isNumber) {
        return nil
      }
      // Anything else (an unknown zone name, stray words) is ignored: the zone then counts as UTC.
    }
    guard let year, day >= 1 else { return nil }
    let (hour, minute, second) = time ?? (0, 0, 0)
    return FeedDate.instant(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset ?? 0)
  }

  private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
  private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
  private static let monthNames = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]

  static func isWeekday(_ token: String) -> Bool {
    let lower = token.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    guard lower.count >= 3, lower.allSatisfy(\.isLetter) else { return false }
    return weekdays.contains(String(lower.prefix(3))) && month(token) == nil
  }

  /// The month number of an abbreviated or full English month name (`Sept` too), or nil.
  static func month(_ token: String) -> Int? {
    let lower = token.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    if lower.count == 3, let index = months.firstIndex(of: lower) { return index + 1 }
    if lower == "sept" { return 9 }
    if let index = monthNames.firstIndex(of: lower) { return index + 1 }
    return nil
  }

  /// Two-digit years per RFC 2822: 00–49 are 20xx, 50–99 are 19xx; three digits add 1900.
  static func fullYear(_ value: Int, digits: Int) -> Int? {
    switch digits {
    case 1, 2: return value < 50 ? 2000 + value : 1900 + value
    case 3: return 1900 + value
    case 4: return value
    default: return nil
    }
  }

  /// `hh:mm` or `hh:mm:ss` (a fraction dropped), or nil.
  static func time(_ token: String) -> (Int, Int, Int)? {
    let parts = token.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3 else { return nil }
    var numbers: [Int] = []
    for (index, part) in parts.enumerated() {
      let whole = index == 2 ? part.split(separator: ".").first.map(String.init) ?? "" : String(part)
      guard (1...2).contains(whole.count), whole.allSatisfy(\.isNumber), let value = Int(whole) else { return nil }
      numbers.append(value)
    }
    return (numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : 0)
  }

  /// A numeric zone (`+0200`, `-04:00`), a named one (`EST`, `GMT`), or `GMT+0200`.
  static func zone(_ token: String) -> Int? {
    let bytes = Array(token.utf8)
    if let offset = FeedDate.numericOffset(bytes[...]) { return offset }
    if let offset = FeedDate.namedZoneOffset(token) { return offset }
    for prefix in ["GMT", "UTC", "UT"] where token.uppercased().hasPrefix(prefix) {
      if let offset = FeedDate.numericOffset(bytes[prefix.utf8.count...]) { return offset }
    }
    return nil
  }
}
