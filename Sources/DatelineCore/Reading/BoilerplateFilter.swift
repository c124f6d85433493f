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
    let removed = blankBoilerplate(in: &kept)
    kept.removeAll { $0.isBlank }
    return Result(kept: kept, removed: removed)
  }

  /// Blanks the boilerplate in `lines` where it stands (cutting glued boilerplate off its body line) and marks
  /// the line after each card lead-in; returns what was removed. Lines are not moved: a capture can have
  /// hundreds of thousands, and readers of the result skip blank lines anyway.
  public func blankBoilerplate(in lines: inout [InputLine]) -> [RemovedText] {
    var removed: [RemovedText] = []
    _ = blankBoilerplate(in: &lines, from: 0, isComplete: true, into: &removed)
    return removed
  }

  /// The same for lines that arrive a chunk at a time, from `start` on. Unless `isComplete`, more lines may
  /// follow `lines`, so a rule is applied to a line only when the lines it could look at are all there (a block
  /// start looks up to `longestBlock` lines on for its end). Returns the index of the first line not yet
  /// settled: no later call changes the lines before it. Blank lines may be left out of `lines`: distances are
  /// measured in line numbers.
  func blankBoilerplate(
    in lines: inout [InputLine], from start: Int, isComplete: Bool, into removed: inout [RemovedText]
  ) -> Int {
    // Lines numbered below this have every line a rule could look at present: the last line lies past a
    // block's reach, and it is untouched (blocks end within reach), so a card lead-in finds its title too.
    let reach = isComplete ? Int.max : (lines.last?.number ?? 0) - Self.longestBlock
    var current = start
    while current < lines.count {
      // Almost every line is body text, ruled out by its first bytes and never touched again.
      let shape = lines[current].shape
      guard shape.start.count > 0 && rules.mayBeBoilerplate(shape.start) else {
        current += 1
        continue
      }
      if lines[current].number >= reach { return current }
      var next = current + 1  // a block settles the lines up to its end at once
      switch verdict(for: lines[current], blockEndName: nil) {
      case .keep:
        break
      case .remove(let reason):
        removed.append(RemovedText(line: lines[current].number, text: lines[current].text, reason: reason))
        lines[current].blank()
      case .cardIntro(let reason):
        removed.append(RemovedText(line: lines[current].number, text: lines[current].text, reason: reason))
        lines[current].blank()
        markCardTitle(after: current, in: &lines)
      case .cut(let reason, let keepFrom):
        lines[current] = cut(lines[current], at: keepFrom, reason: reason, into: &removed) ?? lines[current].blanked()
      case .blockStart(let name):
        guard let end = blockEnd(named: name, in: lines, after: current) else {
          removed.append(RemovedText(line: lines[current].number, text: lines[current].text, reason: name))
          lines[current].blank()
          break
        }
        for blockIndex in current..<end.index where !lines[blockIndex].isBlank {
          removed.append(RemovedText(line: lines[blockIndex].number, text: lines[blockIndex].text, reason: name))
          lines[blockIndex].blank()
        }
        lines[end.index] = cut(lines[end.index], at: end.keepFrom, reason: name, into: &removed)
          ?? lines[end.index].blanked()
        next = end.index + 1
      }
      current = next
    }
    return lines.count
  }

  /// Whether no rule touches `line` in any role: it is not removed or cut, starts no block or card, and ends
  /// no block. Such a line is left as it is wherever it stands.
  func leavesAlone(_ line: InputLine) -> Bool {
    guard line.shape.start.count > 0 && rules.mayBeBoilerplate(line.shape.start) else { return true }
    guard case .keep = verdict(for: line, blockEndName: nil) else { return false }
    let blockNames = Set(rules.candidates(for: line.text, start: line.shape.start).lazy.filter { $0.kind == .blockEnd }.map(\.name))
    return blockNames.allSatisfy { name in
      if case .cut = verdict(for: line, blockEndName: name) { return false }
      return true
    }
  }

  /// Marks the first line with text after a card lead-in as the card's title. A line that is itself
  /// boilerplate is settled by its own rule and then, if it is kept, still marked.
  private func markCardTitle(after intro: Int, in lines: inout [InputLine]) {
    var index = intro + 1
    while index < lines.count && lines[index].isBlank { index += 1 }
    if index < lines.count { lines[index].followsCardIntro = true }
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

  /// The line that ends the block starting at `start`: the first within `longestBlock` lines (by number) that
  /// matches the block's end rule.
  private func blockEnd(named name: String, in lines: [InputLine], after start: Int) -> (index: Int, keepFrom: Int)? {
    let lastNumber = lines[start].number + Self.longestBlock
    var index = start + 1
    while index < lines.count && lines[index].number <= lastNumber {
      if case .cut(_, let keepFrom) = verdict(for: lines[index], blockEndName: name) {
        return (index, keepFrom)
      }
      index += 1
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
