import Foundation

/// The one RFC 822 shape nearly every feed writes, read straight from its bytes: `Tue, 02 Jan 2024 08:10:00
/// +0000` (the weekday optional, one or two day digits, a three-letter month, a four-digit year, `hh:mm` or
/// `hh:mm:ss`, a `+hhmm`/`-hhmm` offset or `GMT`/`UT`/`UTC`/`Z`), single spaces, nothing else. It gives the
/// same instant as `RFC822DateParser` (the tests compare the two on generated dates); anything else, or
/// anything out of range, is nil and left to that parser, which knows every variant.
enum RFC822FastDate {
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    guard let base = bytes.baseAddress else { return nil }
    let count = bytes.count
    var index = 0
    func letter(_ at: Int) -> UInt8? {
      guard at < count else { return nil }
      let lower = base[at] | 0x20
      return lower >= 0x61 && lower <= 0x7A ? lower : nil
    }
    func digit(_ at: Int) -> Int? {
      guard at < count, base[at] >= 0x30, base[at] <= 0x39 else { return nil }
      return Int(base[at] - 0x30)
    }
    func three(_ at: Int) -> UInt32? {
      guard let a = letter(at), let b = letter(at + 1), let c = letter(at + 2) else { return nil }
      return UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
    }
    // An optional weekday: three letters and a comma, then one space.
    if letter(0) != nil {
      guard let name = three(0), weekdays.contains(name), index + 4 < count, base[3] == UInt8(ascii: ","),
        base[4] == 0x20
      else { return nil }
      index = 5
    }
    guard var day = digit(index) else { return nil }
    index += 1
    if let second = digit(index) {
      day = day * 10 + second
      index += 1
    }
    guard index < count, base[index] == 0x20, let name = three(index + 1), let month = months.firstIndex(of: name),
      index + 4 < count, base[index + 4] == 0x20
    else { return nil }
    index += 5
    guard let y1 = digit(index), let y2 = digit(index + 1), let y3 = digit(index + 2), let y4 = digit(index + 3),
      index + 4 < count, base[index + 4] == 0x20
    else { return nil }
    let year = y1 * 1000 + y2 * 100 + y3 * 10 + y4
    index += 5
    guard let h1 = digit(index), let h2 = digit(index + 1), index + 2 < count, base[index + 2] == UInt8(ascii: ":"),
      let m1 = digit(index + 3), let m2 = digit(index + 4)
    else { return nil }
    index += 5
    var second = 0
    if index < count, base[index] == UInt8(ascii: ":") {
      guard let s1 = digit(index + 1), let s2 = digit(index + 2) else { return nil }
      second = s1 * 10 + s2
      index += 3
    }
    guard index < count, base[index] == 0x20 else { return nil }
    index += 1
    // The zone, and nothing after it.
    let offset: Int
    let rest = count - index
    if rest == 5, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-"), let a = digit(index + 1),
      let b = digit(index + 2), let c = digit(index + 3), let d = digit(index + 4)
    {
      let hours = a * 10 + b
      let minutes = c * 10 + d
      guard hours <= 23, minutes <= 59 else { return nil }
      offset = (base[index] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    } else if rest == 3, three(index) == gmt || three(index) == utc {
      offset = 0
    } else if rest == 2, letter(index) == UInt8(ascii: "u"), letter(index + 1) == UInt8(ascii: "t") {
      offset = 0
    } else if rest == 1, letter(index) == UInt8(ascii: "z") {
      offset = 0
    } else {
      return nil
    }
    return FeedDate.instant(
      year: year, month: month + 1, day: day, hour: h1 * 10 + h2, minute: m1 * 10 + m2, second: second, offset: offset)
  }

  private static func code(_ name: StaticString) -> UInt32 {
    let p = name.utf8Start
    return UInt32(p[0]) << 16 | UInt32(p[1]) << 8 | UInt32(p[2])
  }

  private static let weekdays: [UInt32] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { code($0) }
  private static let months: [UInt32] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    .map { code($0) }
  private static let gmt = code("gmt")
  private static let utc = code("utc")
}
