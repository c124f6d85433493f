/// A post's instant, from the machine-readable forms pages give it in: RFC 3339 / ISO 8601 text (`datetime`
/// attributes, JSON-LD) and Unix epochs (`data-` attributes, in seconds or milliseconds). Written out as RFC
/// 3339 in UTC. Text without a zone names no instant, and nothing here guesses one.
struct PostInstant: Hashable, Comparable {
  /// Seconds since 1970-01-01T00:00:00Z.
  var seconds: Int64

  static func < (lhs: PostInstant, rhs: PostInstant) -> Bool { lhs.seconds < rhs.seconds }

  /// `2026-03-01T14:05:00Z`.
  var rfc3339: String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = Int(seconds - days * 86_400)
    let (year, month, day) = CivilDays.date(fromDays: Int(days))
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let y = String(year)
    return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(two(month))-\(two(day))T"
      + "\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
  }

  /// Parses `2026-03-01T14:05:00Z`, `2026-03-01T15:05:00.000+01:00`, `2026-03-01 14:05+0100`. Nil for
  /// anything else, and for a date or time without a zone.
  init?(iso text: String) {
    let bytes = Array(text.utf8.prefix(64))
    var index = 0
    func number(_ digits: Int) -> Int? {
      guard index + digits <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[index..<(index + digits)] {
        guard byte &- 0x30 < 10 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      index += digits
      return value
    }
    func skip(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }
    while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    guard let year = number(4), skip(0x2D), let month = number(2), skip(0x2D), let day = number(2),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    guard index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t") || bytes[index] == 0x20
    else { return nil }
    index += 1
    guard let hour = number(2), skip(0x3A), let minute = number(2), hour <= 23, minute <= 59 else { return nil }
    var second = 0
    if skip(0x3A) {
      guard let s = number(2), s <= 60 else { return nil }
      second = min(s, 59)
      if skip(0x2E) || skip(0x2C) { while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 } }
    }
    var offset = 0
    guard index < bytes.count else { return nil }  // no zone: no instant
    if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
      index += 1
    } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
      let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
      index += 1
      guard let hours = number(2), hours <= 14 else { return nil }
      _ = skip(0x3A)
      let minutes = number(2) ?? 0
      offset = sign * (hours * 3600 + minutes * 60)
    } else {
      return nil
    }
    let days = Int64(CivilDays.days(year: year, month: month, day: day))
    seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
  }

  /// An epoch in seconds (10 digits) or milliseconds (13 digits), between 2001 and 2286; nil otherwise.
  init?(epoch text: String) {
    let trimmed = text.trimmingASCIISpace()
    guard trimmed.utf8.count == 10 || trimmed.utf8.count == 13, let value = Int64(trimmed) else { return nil }
    let secondsValue = trimmed.utf8.count == 13 ? value / 1000 : value
    guard secondsValue >= 978_307_200 else { return nil }
    seconds = secondsValue
  }

  init(seconds: Int64) { self.seconds = seconds }
}
