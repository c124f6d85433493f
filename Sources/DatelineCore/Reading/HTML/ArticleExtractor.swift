/// Finds an article's body among a page's blocks and turns it into updates: the untitled opening, then one
/// update per sub-heading.
///
/// The signals, strongest first, and why each is there:
/// - `itemprop="articleBody"`: the publisher marking its own body for search engines; when present it is
///   the body, with no guessing.
/// - Text and link density (after Readability, which Firefox's reader view uses, and boilerpipe): article
///   prose is long runs of sentences with commas and few links; menus, rails and "most read" lists are short
///   lines that are nearly all links. Each paragraph scores its container and, less, the containers above,
///   so the element that holds most of the prose wins.
/// - Class and id hints (`HTMLRules`, data): templates name their parts ("article-body", "related"); a hint
///   tips a close score, while the scan has already dropped what the strong hints call boilerplate.
/// - Semantic elements: `<article>` and `<main>` hold the article on most pages; `<nav>`, `<aside>`,
///   `<footer>` and site headers never do (the scan skips them).
/// - Position: the article's header (headline, standfirst, byline) lies before the body and is read as
///   metadata, not body; sibling blocks of the winner that score well are part of it (pages split a body
///   around pictures and ads).
/// - JSON-LD `articleBody`: the body as plain text; used when the markup yields much less (a page that
///   draws its body with scripts).
struct ArticleExtractor {
  let scan: HTMLPageScan
  let metadata: PageMetadata
  let rules: HTMLRules
  let boilerplate: BoilerplateRules
  private(set) var removed: [RemovedText] = []

  /// A paragraph shorter than this (in bytes) says little about where the body is.
  static let shortestScoringParagraph = 25

  init(scan: HTMLPageScan, metadata: PageMetadata, rules: HTMLRules, boilerplate: BoilerplateRules) {
    self.scan = scan
    self.metadata = metadata
    self.rules = rules
    self.boilerplate = boilerplate
  }

  /// The body's blocks, in page order.
  func bodyBlocks() -> [HTMLBlock] {
    let roots = bodyRoots()
    guard !roots.isEmpty else { return [] }
    let headline = metadata.headline.map { TextFingerprint.key($0) }
    let standfirst = metadata.standfirst.map { TextFingerprint.key($0) }
    var kept: [HTMLBlock] = []
    for (index, block) in scan.blocks.enumerated() {
      guard let root = roots.first(where: { scan.contains($0, block.element) }) else { continue }
      if scan.isBoilerplate(block, inside: root) { continue }
      guard keeps(block, headlineKey: headline, standfirstKey: standfirst) else { continue }
      // A heading over a list of links ("Related coverage", "More on this story") goes with the list.
      if block.isHeading, index + 1 < scan.blocks.count, Self.isLinkList(scan.blocks[index + 1]) { continue }
      kept.append(block)
    }
    return Self.withoutLeadingBylines(kept, rules: rules)
  }

  /// A body long enough to be prose: the byline and dateline lines of a page sit above the first one.
  static let firstProseBytes = 80

  /// The blocks without the byline lines above the first paragraph of prose (a byline inside the chosen
  /// container, where the template puts it beside the body rather than in a `<header>`). Position matters:
  /// "By Tuesday evening, ..." further down is a sentence of the article.
  static func withoutLeadingBylines(_ blocks: [HTMLBlock], rules: HTMLRules) -> [HTMLBlock] {
    guard let firstProse = blocks.firstIndex(where: { $0.kind == .paragraph && $0.byteCount >= firstProseBytes }),
      firstProse > 0
    else { return blocks }
    var result = blocks
    for index in stride(from: firstProse - 1, through: 0, by: -1) where !result[index].isHeading && rules.isByline(result[index].text) {
      result.remove(at: index)
    }
    return result
  }

  /// A block that is a link of a list of links, not prose.
  static func isLinkList(_ block: HTMLBlock) -> Bool {
    block.linkDensity > 0.5 || block.kind == .listItem && block.linkDensity > 0.3
  }

  /// Whether a block inside the body is body text.
  func keeps(_ block: HTMLBlock, headlineKey: String?, standfirstKey: String?) -> Bool {
    let element = scan.elements[block.element]
    // The article's header holds the headline, standfirst and byline, read as metadata.
    if element.inHeader { return false }
    if case .heading(let level) = block.kind, level == 1 { return false }
    // Link lists inside the body ("Read more: ...", tag lists) are navigation; a sentence with a link is not.
    if block.linkDensity > 0.5 && !(block.kind == .paragraph && block.byteCount > 200) { return false }
    if block.kind == .listItem && block.linkDensity > 0.3 { return false }
    if rules.isBadge(block.text) { return false }
    if rules.isDateline(block.text) { return false }
    // A short line holding a `<time>` is a dateline or byline ("9 July 2026 Jane Doe, reporter"), not prose.
    if element.holdsTime && block.byteCount < 100 && scan.elements[block.element].tag != .p { return false }
    // The headline or standfirst repeated in the body: compared only when the lengths are alike (cheap).
    let bytes = block.byteCount
    if let headline = metadata.headline, abs(headline.utf8.count - bytes) * 4 <= bytes + 8,
      TextFingerprint.key(block.text) == headlineKey
    {
      return false
    }
    if let standfirst = metadata.standfirst, abs(standfirst.utf8.count - bytes) * 4 <= bytes + 8,
      TextFingerprint.key(block.text) == standfirstKey
    {
      return false
    }
    return block.text.utf8.contains { $0 &- 0x30 < 10 || $0 &- 0x41 < 26 || $0 &- 0x61 < 26 || $0 >= 0x80 }
  }

  /// The elements that hold the body: the chosen containers, and the picture captions beside them in their
  /// parent (a lead picture often sits just outside the body's own container).
  func bodyRoots() -> [Int] {
    let roots = textRoots()
    var captions: [Int] = []
    for root in roots {
      let parent = Int(scan.elements[root].parent)
      guard parent > 0, scan.elements[parent].tag != .body, scan.elements[parent].tag != .html else { continue }
      for block in scan.blocks where block.kind == .caption && scan.contains(parent, block.element) && !scan.isBoilerplate(block, inside: parent) {
        if !roots.contains(where: { scan.contains($0, block.element) }) { captions.append(block.element) }
      }
    }
    return roots + captions
  }

  func textRoots() -> [Int] {
    if !scan.articleBodies.isEmpty {
      // Nested markings (a body inside a body) count once.
      return scan.articleBodies.filter { inner in !scan.articleBodies.contains { $0 != inner && scan.contains($0, inner) } }
    }
    return scoredRoots()
  }

  /// The best-scoring container of prose, and its siblings that score well too.
  func scoredRoots() -> [Int] {
    let elements = scan.elements
    guard !elements.isEmpty else { return [] }
    var score = [Double](repeating: 0, count: elements.count)
    var textBytes = [Int](repeating: 0, count: elements.count)
    var linkBytes = [Int](repeating: 0, count: elements.count)
    var scored = [Bool](repeating: false, count: elements.count)
    for block in scan.blocks {
      textBytes[block.element] += block.byteCount
      linkBytes[block.element] += block.linkBytes
      guard block.kind == .paragraph || block.kind == .quote || block.kind == .preformatted,
        block.byteCount >= Self.shortestScoringParagraph, block.linkDensity < 0.5, block.droppedBy == nil
      else { continue }
      let commas = block.text.utf8.reduce(0) { $1 == UInt8(ascii: ",") ? $0 + 1 : $0 }
      let points = 1 + Double(min(commas, 6)) * 0.5 + min(Double(block.byteCount) / 100, 3)
      // The paragraph's own element (text straight in a div) and the three containers above it.
      var ancestor = block.element
      if elements[ancestor].tag == .p || elements[ancestor].tag == .pre || elements[ancestor].tag == .blockquote {
        ancestor = Int(elements[ancestor].parent)
      }
      var level = 1
      while ancestor >= 0 && level <= 3 {
        score[ancestor] += points / Double(level == 1 ? 1 : level == 2 ? 2 : 6)
        scored[ancestor] = true
        ancestor = Int(elements[ancestor].parent)
        level += 1
      }
    }
    // Children come after their parents in preorder: adding each element's totals to its parent from the end
    // gives every element the totals of its whole subtree.
    for index in stride(from: elements.count - 1, through: 1, by: -1) {
      let parent = Int(elements[index].parent)
      guard parent >= 0 else { continue }
      textBytes[parent] += textBytes[index]
      linkBytes[parent] += linkBytes[index]
    }
    var best = -1
    var bestScore = 0.0
    var finals = [Double](repeating: 0, count: elements.count)
    for index in elements.indices where scored[index] {
      var value = score[index]
      switch elements[index].verdict {
      case .content: value *= 1.25
      case .noise: value *= 0.6
      default: break
      }
      if elements[index].tag == .article || elements[index].tag == .main { value *= 1.1 }
      let density = textBytes[index] == 0 ? 0 : Double(linkBytes[index]) / Double(textBytes[index])
      value *= 1 - min(density, 0.9)
      finals[index] = value
      if value > bestScore {
        bestScore = value
        best = index
      }
    }
    guard best >= 0 else { return fallbackRoots() }
    var roots = [best]
    // Siblings of the winner that score well are part of the body (a body split around a picture or an ad).
    let parent = elements[best].parent
    if parent >= 0 {
      for index in elements.indices where index != best && elements[index].parent == parent && scored[index] {
        if finals[index] >= max(bestScore * 0.2, 3) { roots.append(index) }
      }
    }
    return roots.sorted()
  }

  /// With no paragraph long enough to score (a page of short lines): the single `<article>` or `<main>`, else
  /// the whole page.
  func fallbackRoots() -> [Int] {
    for tag in [HTMLTag.article, .main] {
      let found = scan.elements.indices.filter { scan.elements[$0].tag == tag }
      if found.count == 1 { return found }
    }
    return scan.elements.isEmpty ? [] : [0]
  }

  /// The body as updates: the opening paragraphs untitled, then one update per sub-heading. Boilerplate the
  /// line rules know (share prompts, appeals) is removed and listed in `removed`.
  mutating func updates(bodyBlocks known: [HTMLBlock]? = nil) -> [Update] {
    var blocks = known ?? bodyBlocks()
    let markupBytes = blocks.reduce(0) { $0 + $1.byteCount }
    if let body = metadata.jsonLD?.articleBody, markupBytes * 2 < body.utf8.count {
      // The markup gave less than half the text the publisher says the body has: its body is drawn by scripts.
      let paragraphs = HTMLFragmentText.paragraphs(fromHTML: body.replacingNewlinesWithParagraphs())
      blocks = paragraphs.enumerated().map {
        HTMLBlock(kind: .paragraph, text: $0.element, line: metadata.headlineLine, linkBytes: 0, element: 0)
      }
    }
    let elements = scan.elements
    blocks = RepeatedTextFilter { block in
      elements.indices.contains(block.element) ? Int(elements[block.element].parent) : -1
    }.filter(blocks)
    return UpdateAssembler.updates(from: filtered(blocks), splittingAtHeadings: true)
  }

  /// The blocks the boilerplate line rules leave, with what they removed recorded.
  mutating func filtered(_ blocks: [HTMLBlock]) -> [HTMLBlock] {
    BlockBoilerplateFilter(rules: boilerplate).filter(blocks, removed: &removed)
  }
}

extension String {
  /// Plain text with line breaks as HTML paragraphs, so that `HTMLFragmentText` keeps its paragraphs apart.
  func replacingNewlinesWithParagraphs() -> String {
    guard contains("\n") else { return self }
    return split(separator: "\n", omittingEmptySubsequences: true).map { "<p>\($0)</p>" }.joined()
  }
}
