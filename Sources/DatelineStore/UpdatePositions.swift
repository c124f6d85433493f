import DatelineCore

/// Positions (sort keys) for a merged page order that keep every stored update's position where possible, so
/// an import rewrites only the rows it adds or changes: new updates take positions between their neighbours,
/// spaced `gap` apart at the ends. When a run does not fit between two neighbours, everything is renumbered.
enum UpdatePositions {
  static let gap = 1024

  /// The position of each entry, and whether stored updates had to be renumbered.
  static func assign(_ entries: [CaptureMerger.Entry], stored: [Int]) -> (positions: [Int], renumbered: Bool) {
    var positions = [Int](repeating: 0, count: entries.count)
    var start = 0
    var previous: Int?
    while start < entries.count {
      if let s = entries[start].stored {
        positions[start] = stored[s]
        previous = stored[s]
        start += 1
        continue
      }
      var end = start
      while end < entries.count, entries[end].stored == nil { end += 1 }
      let count = end - start
      let next = end < entries.count ? entries[end].stored.map { stored[$0] } : nil
      switch (previous, next) {
      case (nil, nil):
        for k in 0..<count { positions[start + k] = k * gap }
      case (nil, let hi?):
        for k in 0..<count { positions[start + k] = hi - (count - k) * gap }
      case (let lo?, nil):
        for k in 0..<count { positions[start + k] = lo + (k + 1) * gap }
      case (let lo?, let hi?):
        let step = (hi - lo) / (count + 1)
        guard step > 0 else { return (entries.indices.map { $0 * gap }, true) }
        for k in 0..<count { positions[start + k] = lo + (k + 1) * step }
      }
      start = end
    }
    return (positions, false)
  }
}
