/// What a page says of one post's instant, from each source, and the instant they agree on.
///
/// Sources disagree on real pages: JSON-LD that gives every post the page's own time, a `datetime` marked UTC
/// that is the local clock time (off by whole hours from the rest), a time with no zone at all. The rule:
/// an instant two sources agree on wins; else an epoch (a number, rarely wrong); else, when a `datetime`
/// and JSON-LD differ by whole hours, JSON-LD (the `datetime` is local time wrongly marked); else whichever
/// there is. A source found to be constant over the page's posts is not asked at all.
struct PostTimeEvidence {
  /// A `datetime` attribute with a zone.
  var marked: PostInstant?
  /// An epoch `data-` attribute.
  var epoch: PostInstant?
  /// The post's JSON-LD `datePublished`.
  var jsonLD: PostInstant?

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
    return jsonLD ?? marked
  }
}
