/// Applies boilerplate rules to the lines of a capture: what is removed, what is kept (cut where boilerplate
/// and body were glued together), and which kept lines follow a lead-in to a related-story card.
public struct BoilerplateFilter: Sendable {
  /// The longest block-start to block-end run; past it a block-start is taken to stand alone.
  static let longestBlock = 12

  public var rules: BoilerplateRules

  public init(rules: BoilerplateRules) { self.rules = rules }

  public struct Result: Sendable {
    /// The body lines, in order; `followsCardIntro` marks those right after a card lead-in.
    public var kept: [InputLine] = []
    public var removed: [RemovedText] = []
  }

  private enum Verdict {
    case keep
    case remove(String)
    case cut(String, keepFrom: Int)  // scalar offset where body text starts
    case blockStart(String)
    case cardIntro(String)
  }

  /// Filters `lines` into kept body lines and removed boilerplate.
  public func filter(_ lines: [InputLine]) -> Result {
    var kept = lines
    let removed = filter(&kept)
    return Result(kept: kept, removed: removed)
  }

  /// Filters `lines` in place, leaving only the body lines (blank lines go too), and returns what was removed.
  /// Working in place keeps one array of lines alive instead of two: captures can be large.
  public func filter(_ lines: inout [InputLine]) -> [RemovedText] {
    var removed: [RemovedText] = []
    var pendingCardIntro = false
    var write = 0
    var index = 0
    while index < lines.count {
      let current = index
      index += 1
      let start = lines[current].shape.start
      if start.count == 0 { continue }  // a blank line
      if !pendingCardIntro && !rules.mayBeBoilerplate(start) {
        // Body text, which almost every line is: settled from its first bytes, without copying it.
        if write != current { lines.swapAt(write, current) }
        write += 1
        continue
      }
      var body: InputLine?
      switch verdict(for: lines[current], blockEndName: nil) {
      case .keep:
        if write == current && !pendingCardIntro {
          write += 1  // the common case: the line stays where it is, untouched
          continue
        }
        body = lines[current]
      case .remove(let reason):
        removed.append(RemovedText(line: lines[current].number, text: lines[current].text, reason: reason))
      case .cardIntro(let reason):
        removed.append(RemovedText(line: lines[current].number, text: lines[current].text, reason: reason))
        pendingCardIntro = true
      case .cut(let reason, let keepFrom):
        pendingCardIntro = false
        body = cut(lines[current], at: keepFrom, reason: reason, into: &removed)
      case .blockStart(let name):
        guard let end = blockEnd(named: name, in: lines, after: current) else {
          removed.append(RemovedText(line: lines[current].number, text: lines[current].text, reason: name))
          continue
        }
        for blockLine in lines[current..<end.index] where !blockLine.text.isEmpty {
          removed.append(RemovedText(line: blockLine.number, text: blockLine.text, reason: name))
        }
        pendingCardIntro = false
        body = cut(lines[end.index], at: end.keepFrom, reason: name, into: &removed)
        index = end.index + 1
      }
      if var body {
        body.followsCardIntro = pendingCardIntro
        pendingCardIntro = false
        lines[write] = body
        write += 1
      }
    }
    lines.removeLast(lines.count - write)
    return removed
  }

  /// Records the first `keepFrom` scalars of `line` as removed and returns the rest, if any, as a body line.
  private func cut(_ line: InputLine, at keepFrom: Int, reason: String, into removed: inout [RemovedText]) -> InputLine? {
    let scalars = line.text.unicodeScalars
    let split = scalars.index(scalars.startIndex, offsetBy: keepFrom)
    let rest = String(scalars[split...])
    let body = rest.trimmingSpaces
    let leading = rest.unicodeScalars.prefix(while: InputLine.isSpace).count
    removed.append(RemovedText(line: line.number, text: String(scalars[..<split]).trimmingSpaces, reason: reason))
    return body.isEmpty ? nil : InputLine(number: line.number, text: body, column: line.column + keepFrom + leading)
  }

  private func blockEnd(named name: String, in lines: [InputLine], after start: Int) -> (index: Int, keepFrom: Int)? {
    let last = min(lines.count - 1, start + Self.longestBlock)
    guard start + 1 <= last else { return nil }
    for index in (start + 1)...last {
      if case .cut(_, let keepFrom) = verdict(for: lines[index], blockEndName: name) {
        return (index, keepFrom)
      }
    }
    return nil
  }

  /// The first rule that matches `text` decides. With `blockEndName`, only that block's end is looked for.
  private func verdict(for line: InputLine, blockEndName: String?) -> Verdict {
    let text = line.text
    let candidates = rules.candidates(for: text, start: line.shape.start)
    if candidates.isEmpty { return .keep }
    let isShort = text.utf8.count <= 4 * LineFolding.longestBoilerplate
      && text.unicodeScalars.count <= LineFolding.longestBoilerplate
    let (folded, sourceEnds) = LineFolding.foldWithOffsets(Substring(text.unicodeScalars.prefix(LineFolding.longestBoilerplate)))
    for rule in candidates {
      if let blockEndName {
        guard rule.kind == .blockEnd, rule.name == blockEndName else { continue }
      } else if rule.kind == .blockEnd {
        continue  // a block end without its start is left alone
      }
      switch rule.kind {
      case .line where isShort && rule.matchesWhole(folded): return .remove(rule.name)
      case .cardIntro where isShort && rule.matchesWhole(folded): return .cardIntro(rule.name)
      case .blockStart where isShort && rule.matchesWhole(folded): return .blockStart(rule.name)
      case .prefix, .blockEnd:
        guard let end = rule.matchEnd(folded) else { continue }
        let keepFrom = end == 0 ? 0 : sourceEnds[end - 1]
        if rule.kind == .blockEnd || keepFrom < text.unicodeScalars.count {
          return .cut(rule.name, keepFrom: keepFrom)
        }
        return .remove(rule.name)
      default: continue
      }
    }
    return .keep
  }
}
