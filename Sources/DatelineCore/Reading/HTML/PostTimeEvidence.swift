/// What a page says of one post's instant, from each source, and the instant they agree on.
///
/// Sources disagree on real pages: JSON-LD that gives every post the page's own time, a `datetime` marked UTC
/// that is the local clock time (off by whole hours from the rest), a time with no zone at all. The rule:
/// an instant two sources agree on wins; else an epoch (a number, rarely wrong); else, when a `datetime`
/// and JSON-LD differ by whole hours, JSON-LD (the `datetime` is local time wrongly marked); else whichever
/// there is. A source found to be constant over the page's posts is not asked at all. Last, a `datetime` alone
/// is checked against the clock time shown beside it when that names its zone ("15:05 BST"): a `datetime`
/// whose UTC clock reads as the shown local clock is local time marked UTC, and is moved by the zone's offset.
struct PostTimeEvidence {
  /// A `datetime` attribute with a zone.
  var marked: PostInstant?
  /// An epoch `data-` attribute.
  var epoch: PostInstant?
  /// The post's JSON-LD `datePublished`.
  var jsonLD: PostInstant?
  /// The clock time shown with the post and its zone's offset from UTC, when the text names a known zone.
  var shown: (minuteOfDay: Int, offsetSeconds: Int)?

  var instant: PostInstant? {
    let all = [epoch, jsonLD, marked].compactMap { $0 }
    for (index, first) in all.enumerated() {
      for second in all[(index + 1)...] where abs(first.seconds - second.seconds) <= 60 { return first }
    }
    if let epoch { return epoch }
    if let jsonLD, let marked {
      let apart = abs(jsonLD.seconds - marked.seconds) % 3600
      return apart <= 60 || apart >= 3540 ? jsonLD : marked
    }
    if jsonLD == nil, let marked, let shown, shown.offsetSeconds != 0 {
      let utcMinute = Int(((marked.seconds % 86_400) + 86_400) % 86_400) / 60
      let localMinute = (utcMinute + shown.offsetSeconds / 60 + 1440) % 1440
      if localMinute != shown.minuteOfDay && utcMinute == shown.minuteOfDay {
        return PostInstant(seconds: marked.seconds - Int64(shown.offsetSeconds))
      }
    }
    return jsonLD ?? marked
  }

  /// Zone abbreviations pages print beside times, and their offsets from UTC in hours.
  static let zoneOffsets: [String: Int] = [
    "utc": 0, "gmt": 0, "bst": 1, "ist": 1, "cet": 1, "mez": 1, "cest": 2, "mesz": 2, "eet": 2, "eest": 3,
    "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
  ]

  /// "15:05 BST" -> (15 × 60 + 5, 3600); "3.05pm GMT" -> (15 × 60 + 5, 0); nil without a clock time and a
  /// known zone.
  static func shownClock(_ text: String) -> (minuteOfDay: Int, offsetSeconds: Int)? {
    let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
    guard let clockIndex = words.firstIndex(where: { $0.first?.isNumber == true && ($0.contains(":") || $0.contains(".")) }),
      clockIndex + 1 < words.count, let offset = zoneOffsets[String(words[clockIndex + 1])]
    else { return nil }
    var clock = Substring(words[clockIndex])
    var addHours = 0
    if clock.hasSuffix("pm") || clock.hasSuffix("am") {
      addHours = clock.hasSuffix("pm") ? 12 : 0
      clock = clock.dropLast(2)
    }
    let parts = clock.split(whereSeparator: { $0 == ":" || $0 == "." })
    guard parts.count == 2, var hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else { return nil }
    if addHours == 12 && hour < 12 { hour += 12 } else if addHours == 0 && clock != words[clockIndex] && hour == 12 { hour = 0 }
    return (hour * 60 + minute, offset * 3600)
  }
}
