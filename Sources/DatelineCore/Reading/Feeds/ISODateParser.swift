import Foundation

/// RFC 3339 and W3C-DTF dates with their loose real-world forms: `2003-12-31T10:14:55.5-08:00`, `2003-12-31`,
/// `2003-12`, `2003`, `20031231T101455Z`, a space instead of `T`, `+0800` or `+08` zones, no zone (UTC).
struct ISODateParser {
  private let bytes: [UInt8]
  private var index = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  func parse() -> Date? {
    var parser = self
    return parser.run()
  }

  private mutating func run() -> Date? {
    guard let year = number(digits: 4) else { return nil }
    var month = 1, day = 1
    let dashed = peek(UInt8(ascii: "-"))
    if dashed {
      index += 1
      guard let m = number(digits: 2) else { return nil }
      month = m
      if peek(UInt8(ascii: "-")) {
        index += 1
        guard let d = number(digits: 2) else { return nil }
        day = d
      }
    } else if let m = number(digits: 2) {
      month = m
      guard let d = number(digits: 2) else { return nil }
      day = d
    }
    var hour = 0, minute = 0, second = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t")
      || (bytes[index] == 0x20 && index + 1 < bytes.count && FeedDate.isDigit(bytes[index + 1]))
    {
      index += 1
      guard let h = number(digits: 2) else { return nil }
      hour = h
      let colon = peek(UInt8(ascii: ":"))
      if colon { index += 1 }
      if let m = number(digits: 2) {
        minute = m
        if colon ? peek(UInt8(ascii: ":")) : true {
          if colon { index += 1 }
          if let s = number(digits: 2) {
            second = s
          } else if colon {
            return nil
          }
        }
      } else if colon {
        return nil
      }
      // Fractions of a second are read and dropped.
      if peek(UInt8(ascii: ".")) || peek(UInt8(ascii: ",")) {
        index += 1
        while index < bytes.count, FeedDate.isDigit(bytes[index]) { index += 1 }
      }
    }
    guard let offset = zone() else { return nil }
    return FeedDate.instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
  }

  /// The zone's offset; 0 for none or `Z`; nil when something unreadable follows the date.
  private mutating func zone() -> Int? {
    while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    guard index < bytes.count else { return 0 }
    let rest = bytes[index...]
    if rest.count == 1, rest.first == UInt8(ascii: "Z") || rest.first == UInt8(ascii: "z") { return 0 }
    if let offset = FeedDate.numericOffset(rest) { return offset }
    if rest.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }),
      let offset = FeedDate.namedZoneOffset(String(decoding: rest, as: UTF8.self))
    {
      return offset
    }
    return nil
  }

  private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

  private mutating func number(digits: Int) -> Int? {
    guard index + digits <= bytes.count else { return nil }
    var value = 0
    for offset in 0..<digits {
      let byte = bytes[index + offset]
      guard FeedDate.isDigit(byte) else { return nil }
      value = value * 10 + Int(byte - 48)
    }
    index += digits
    return value
  }
}
