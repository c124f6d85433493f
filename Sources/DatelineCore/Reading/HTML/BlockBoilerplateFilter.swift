/// Applies the line rules of text captures (share prompts, appeals, "Subscribe now") to a page's blocks, so
/// that one set of rules serves both formats; what it removes is recorded, not dropped silently.
struct BlockBoilerplateFilter {
  let rules: BoilerplateRules

  func filter(_ blocks: [HTMLBlock], removed: inout [RemovedText]) -> [HTMLBlock] {
    guard !blocks.isEmpty else { return [] }
    let lines = blocks.enumerated().map { InputLine(number: $0.offset + 1, text: $0.element.text) }
    let result = BoilerplateFilter(rules: rules).filter(lines)
    var keptByNumber: [Int: String] = [:]
    for line in result.kept where !line.text.isEmpty { keptByNumber[line.number] = line.text }
    var kept: [HTMLBlock] = []
    for (offset, block) in blocks.enumerated() {
      guard let text = keptByNumber[offset + 1] else { continue }
      var block = block
      block.text = text
      kept.append(block)
    }
    removed += result.removed.map { removal in
      let line = blocks.indices.contains(removal.line - 1) ? blocks[removal.line - 1].line : removal.line
      return RemovedText(line: line, text: removal.text, reason: removal.reason)
    }
    return kept
  }
}
