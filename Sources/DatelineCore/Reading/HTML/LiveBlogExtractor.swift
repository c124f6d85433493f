import Foundation

/// Finds the posts of a live blog and turns each into an update with its title, time, instant and the
/// page's id for it. Three signals, each site-independent:
/// - Repeated post blocks: a live blog's template repeats one element per post (same tag, same first class)
///   side by side, most of them carrying a machine-readable time (`<time datetime>`, an epoch attribute) and
///   prose. Of such runs the one with the most prose wins: a "key events" list repeats timed items too, but
///   they are links, not prose; a pinned copy of a post lies outside the run, or repeats an id seen already.
/// - Runs of time headings ("12.31 Uhr: ...", "15:05 ..."): tickers with no post markup at all.
/// - JSON-LD `liveBlogUpdate`: the posts as the publisher lists them for search engines. Often only the
///   latest, while the markup renders only the first page of posts: the two are joined by id (the post URL's
///   fragment is the element's id) or by text, without duplicates.
struct LiveBlogExtractor {
  let scan: HTMLPageScan
  let document: HTMLDocument
  let metadata: PageMetadata
  let rules: HTMLRules
  private(set) var removed: [RemovedText] = []
  private let filter: BlockBoilerplateFilter
  /// Post elements whose time is in the sibling just before them (see `timeSiblings`).
  private var timeBefore: [Int: Int] = [:]

  init(scan: HTMLPageScan, document: HTMLDocument, metadata: PageMetadata, rules: HTMLRules, boilerplate: BoilerplateRules) {
    self.scan = scan
    self.document = document
    self.metadata = metadata
    self.rules = rules
    self.filter = BlockBoilerplateFilter(rules: boilerplate)
  }

  /// A post as gathered, before it becomes an update.
  struct Post {
    var pageID: String?
    var title: String?
    var timeText: String?
    var timeLine: Int?
    var evidence = PostTimeEvidence()
    var line: Int
    var paragraphs: [Paragraph] = []
    /// Related-story cards the post embeds.
    var links: [LinkCard] = []
  }

  /// The posts as updates, in page order; nil when the page is not a live blog.
  mutating func updates(articleBlocks: () -> [HTMLBlock]) -> [Update]? {
    var posts = markupPosts() ?? headingRunPosts(articleBlocks())
    let jsonPosts = metadata.jsonLD?.posts ?? []
    if !jsonPosts.isEmpty { merge(jsonPosts, into: &posts) }
    guard let posts, posts.count >= 2 || (posts.count == 1 && metadata.jsonLD?.isLiveBlog == true) else { return nil }
    let updates = posts.map { post in
      Update(
        id: post.pageID.map(UpdateID.init(pageID:)), title: post.title, line: post.line, paragraphs: post.paragraphs,
        links: post.links, time: post.timeText, timeLine: post.timeLine, pageID: post.pageID, published: post.evidence.instant?.rfc3339)
    }
    return UpdateBuilder.numberRepeatedIDs(updates, idHashes: updates.map { TextFingerprint.byteHash($0.id.rawValue) })
  }

  // MARK: Repeated post blocks

  /// The posts of the best run of repeated, timed, prose-holding sibling elements; nil when there is none.
  mutating func markupPosts() -> [Post]? {
    let elements = scan.elements
    guard elements.count > 1 else { return nil }
    // Prose (text that is not link text) under each element.
    var prose = [Int](repeating: 0, count: elements.count)
    for block in scan.blocks where !block.isHeading && block.droppedBy == nil {
      prose[block.element] += block.byteCount - block.linkBytes
    }
    for index in stride(from: elements.count - 1, through: 1, by: -1) where elements[index].parent >= 0 {
      prose[Int(elements[index].parent)] += prose[index]
    }
    // Runs are siblings of one tag, and, within them, of one first class: templates give a key-event or
    // pinned post an extra or different class, so the tag alone is tried as well, and the run with more prose
    // wins (the class split wins when the tag alone also gathers other timed things).
    struct Signature: Hashable {
      var parent: Int32
      var tag: HTMLTag
      var firstClass: Substring?
    }
    // Some templates put a post's time in an element of its own just before the post ("<time>14:05</time>
    // <div class=post>…</div>"): such a post is timed by its sibling.
    timeBefore = Self.timeSiblings(elements, prose: prose)
    var runs: [Signature: [Int]] = [:]
    for index in 1..<elements.count {
      let element = elements[index]
      guard element.holdsTime || element.pageID != nil || timeBefore[index] != nil else { continue }
      runs[Signature(parent: element.parent, tag: element.tag, firstClass: element.firstClass), default: []].append(index)
      runs[Signature(parent: element.parent, tag: element.tag, firstClass: nil), default: []].append(index)
    }
    var best: [Int]?
    var bestProse = 0
    for (signature, members) in runs where members.count >= 2 {
      let timed = members.filter { (elements[$0].holdsTime || timeBefore[$0] != nil) && prose[$0] >= 20 }
      guard timed.count >= 2, timed.count * 10 >= members.count * 6 else { continue }
      let total = timed.reduce(0) { $0 + prose[$1] }
      if total > bestProse || total == bestProse && signature.firstClass == nil && best.map({ members.count > $0.count }) == true {
        bestProse = total
        best = members
      }
    }
    guard let best else { return nil }
    var seen = Set<String>()
    var posts: [Post] = []
    for member in best {
      let post = self.post(at: member)
      if let id = post.pageID, !seen.insert(id).inserted { continue }
      if post.paragraphs.isEmpty && post.title == nil { continue }
      posts.append(post)
    }
    posts = Self.withoutEarlierCopies(posts)
    return posts.isEmpty ? nil : posts
  }

  /// For each element whose previous sibling is only a time (a timed element with almost no prose of its
  /// own), that sibling's index.
  static func timeSiblings(_ elements: [HTMLPageScan.Element], prose: [Int]) -> [Int: Int] {
    var result: [Int: Int] = [:]
    for index in 1..<elements.count where !elements[index].holdsTime {
      // The previous sibling ends just before this element starts: climb from the element before it.
      var candidate = index - 1
      let parent = elements[index].parent
      while candidate >= 0 && elements[candidate].parent != parent {
        candidate = Int(elements[candidate].parent)
      }
      guard candidate >= 0, candidate != Int(parent), elements[candidate].holdsTime, prose[candidate] < 20 + 24 else { continue }
      // A time on its own, not a post of its own: a short text, and not this element's ancestor.
      guard Int(elements[candidate].end) == index - 1 else { continue }
      result[index] = candidate
    }
    return result
  }

  /// A pinned or highlighted copy of a post, placed in the stream above the original under an id of its own,
  /// is the same post: of posts with the same title and opening words, only the last (the original, where the
  /// page's order puts it) is kept.
  static func withoutEarlierCopies(_ posts: [Post]) -> [Post] {
    func key(_ post: Post) -> String? {
      guard let first = post.paragraphs.first?.text else { return nil }
      return (post.title.map { TextFingerprint.key($0) } ?? "") + "|" + TextFingerprint.key(first, maxWords: 12)
    }
    var lastIndex: [String: Int] = [:]
    for (index, post) in posts.enumerated() { if let key = key(post) { lastIndex[key] = index } }
    return posts.enumerated().filter { index, post in key(post).map { lastIndex[$0] == index } ?? true }.map(\.element)
  }

  /// The post held by element `member`: its id, title, time and paragraphs.
  mutating func post(at member: Int) -> Post {
    let elements = scan.elements
    let end = Int(elements[member].end)
    var post = Post(pageID: pageID(at: member), line: HTMLNode(elements[member].node).line)
    readTime(of: &post, in: member...end)
    if post.timeText == nil && post.evidence.marked == nil && post.evidence.epoch == nil, let sibling = timeBefore[member] {
      readTime(of: &post, in: sibling...Int(elements[sibling].end))
    }
    let cards = cardElements(in: member)
    var blocks: [HTMLBlock] = []
    var cardBlocks: [Int: [HTMLBlock]] = [:]
    for block in scan.blocks where block.element >= member && block.element <= end {
      if let card = cards.first(where: { scan.contains($0, block.element) }) {
        cardBlocks[card, default: []].append(block)
        continue
      }
      if scan.isBoilerplate(block, inside: member) { continue }
      let text = block.text
      // The length first: most lines are prose, far longer than a time line, and need no substring search.
      if let shown = post.timeText, text.utf8.count <= shown.utf8.count + 40, text.contains(shown) {
        continue  // the time line itself ("15.05 BST", "Posted at 15:05", "22:05 Jane Doe")
      }
      // A line that is only a time, or a short line opening the post with one ("4:12 p.m. ET, June 20").
      let split = Self.splitTimeHeading(text)
      let opensWithTime = split != nil && !block.isHeading && blocks.isEmpty && post.title == nil && text.utf8.count <= 48
      if TimeStamp.parse(text) != nil || split != nil && split?.title == nil || opensWithTime {
        if post.timeText == nil {
          post.timeText = text
          post.timeLine = block.line
        }
        continue
      }
      if rules.isBadge(text) { continue }
      if block.isHeading && post.title == nil && blocks.isEmpty {
        post.title = title(from: text, post: &post)
        if post.title == nil { post.title = nil }
        continue
      }
      // Other header lines of a post (its author, "Updated at ...") are not its text.
      if elements[block.element].inHeader && !elements[member].inHeader { continue }
      blocks.append(block)
    }
    post.paragraphs = filter.filter(blocks, removed: &removed).map { Paragraph(line: $0.line, text: $0.text) }
    post.links = cards.compactMap { cardBlocks[$0].flatMap(Self.linkCard) }
    post.evidence.shown = post.timeText.flatMap(PostTimeEvidence.shownClock)
    if post.title == nil, post.paragraphs.isEmpty == false {
      post.line = post.paragraphs[0].line
    }
    return post
  }

  /// The post's time from the elements `range`: the first `<time>` gives the text shown and a `datetime`; any
  /// element may carry an epoch or show a clock time as plain text.
  func readTime(of post: inout Post, in range: ClosedRange<Int>) {
    let elements = scan.elements
    for index in range {
      let element = elements[index]
      guard element.holdsTime else { continue }
      let node = HTMLNode(element.node)
      if element.tag == .time {
        if post.evidence.marked == nil, post.timeText == nil {
          post.evidence.marked = node.attribute("datetime").flatMap(PostInstant.init(iso:))
          let shown = Self.shownTime(HTMLFragmentText.plainText(of: node, in: document))
          if !shown.isEmpty {
            post.timeText = shown
            post.timeLine = node.line
          }
        }
      } else {
        if post.evidence.epoch == nil, let epoch = ElementAttributes(node).epoch { post.evidence.epoch = epoch }
        // A clock time shown as plain text in its own element ("<span>14:05</span>").
        var child = node.firstChild
        while post.timeText == nil, let current = child {
          if current.isText, let content = current.content, let clock = HTMLPageScan.clockText(content) {
            post.timeText = clock
            post.timeLine = current.line
          }
          child = current.next
        }
      }
    }
  }

  /// The outermost elements inside post `member` that the rules call related-story cards and that hold a link.
  func cardElements(in member: Int) -> [Int] {
    let elements = scan.elements
    let end = Int(elements[member].end)
    guard member < end else { return [] }
    var cards: [Int] = []
    var index = member + 1
    while index <= end {
      let element = elements[index]
      // Only elements the hints already set apart (dropped or noise) are looked at again: cheap, and a card
      // is always one of them.
      if element.verdict == .drop || element.verdict == .noise {
        let attributes = ElementAttributes(HTMLNode(element.node))
        if rules.isCard(classAndID: attributes.classes + " " + attributes.id),
          (index...Int(element.end)).contains(where: { elements[$0].tag == .a })
        {
          cards.append(index)
          index = Int(element.end) + 1
          continue
        }
      }
      index += 1
    }
    return cards
  }

  /// A card from its blocks: the first (its heading or link) is the title, the rest its summary; labels such
  /// as "Related" or "Read more" before the title are not the title.
  static func linkCard(_ blocks: [HTMLBlock]) -> LinkCard? {
    let lines = blocks.filter { block in
      let folded = block.text.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
      return !cardLabels.contains(folded)
    }
    guard let title = lines.first else { return nil }
    let rest = lines.dropFirst()
    let summary = rest.isEmpty ? nil : rest.map(\.text).joined(separator: " ")
    return LinkCard(line: title.line, title: withoutCardLabel(title.text), summary: summary, summaryLine: rest.first?.line)
  }

  /// A title with a card label glued before it ("Read moreWhy this spring…", two links with no space between)
  /// without the label.
  static func withoutCardLabel(_ title: String) -> String {
    let lowered = title.lowercased()
    for label in cardLabels where lowered.hasPrefix(label) && title.unicodeScalars.count > label.unicodeScalars.count + 3 {
      let rest = String(String.UnicodeScalarView(title.unicodeScalars.dropFirst(label.unicodeScalars.count)))
      let trimmed = rest.trimmingCharacters(in: CharacterSet(charactersIn: " :-–—|·•\u{00A0}"))
      // Only when the label ends there: "Related" in "Relatedness of…" is a word of the title.
      if let first = trimmed.unicodeScalars.first, first.properties.isUppercase || rest.first == " " || rest.first == ":" {
        return trimmed
      }
    }
    return title
  }

  static let cardLabels: Set<String> = ["related", "read more", "more", "see also", "also read", "read also", "related story", "related article"]

  /// The post's own heading: badges and a leading time taken off; nil when it is only the page's headline.
  func title(from heading: String, post: inout Post) -> String? {
    var text = rules.removingBadge(from: heading) ?? ""
    if let split = Self.splitTimeHeading(text) {
      if post.timeText == nil { post.timeText = split.time }
      text = split.title ?? ""
    }
    if text.isEmpty { return nil }
    if let headline = metadata.headline, TextFingerprint.key(headline) == TextFingerprint.key(text) { return nil }
    return text
  }

  /// The element's page id, or the first id among its descendants that contain its time (a post wrapped in a
  /// list item: `<li><article id=...>`).
  func pageID(at member: Int) -> String? {
    let elements = scan.elements
    if let id = elements[member].pageID { return id }
    let end = Int(elements[member].end)
    guard member < end else { return nil }
    for index in (member + 1)...end where elements[index].pageID != nil && elements[index].holdsTime {
      return elements[index].pageID
    }
    return nil
  }

  /// The time as shown, from its clock time on ("posted at 15:05" -> "15:05"); the text as it is without one.
  static func shownTime(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    for start in scalars.indices where scalars[start].properties.numericType == .decimal {
      if start > 0 && scalars[start - 1].properties.numericType == .decimal { continue }
      if splitTimeHeading(String(String.UnicodeScalarView(scalars[start...]))) != nil {
        return String(String.UnicodeScalarView(scalars[start...]))
      }
    }
    return text
  }

  // MARK: Runs of time headings

  /// Posts split at headings that start with a clock time, when there are at least three such headings.
  mutating func headingRunPosts(_ blocks: [HTMLBlock]) -> [Post]? {
    let timed = blocks.filter { $0.isHeading && Self.splitTimeHeading($0.text) != nil }
    let needed = metadata.jsonLD?.isLiveBlog == true ? 2 : 3
    guard timed.count >= needed else { return nil }
    var posts: [Post] = []
    var current: Post?
    var pending: [HTMLBlock] = []
    func close() {
      guard var post = current else { return }
      post.paragraphs = filter.filter(pending, removed: &removed).map { Paragraph(line: $0.line, text: $0.text) }
      if post.title != nil || !post.paragraphs.isEmpty { posts.append(post) }
      pending = []
    }
    for block in blocks {
      if block.isHeading, let split = Self.splitTimeHeading(block.text) {
        close()
        current = Post(title: split.title, timeText: split.time, timeLine: block.line, line: block.line)
      } else if current == nil {
        // Text before the first timed heading: the ticker's opening, untitled.
        current = Post(line: block.line)
        pending.append(block)
      } else {
        pending.append(block)
      }
    }
    close()
    return posts
  }

  /// "12.31 Uhr: Title" -> ("12.31 Uhr", "Title"); "15:05 BST" -> ("15:05 BST", nil). Nil when the text does
  /// not start with a clock time.
  static func splitTimeHeading(_ text: String) -> (time: String, title: String?)? {
    let scalars = Array(text.unicodeScalars.prefix(200))
    var index = 0
    func digits(_ range: ClosedRange<Int>) -> Bool {
      var count = 0
      while index < scalars.count, scalars[index].properties.numericType == .decimal, scalars[index].isASCII { index += 1; count += 1 }
      return range.contains(count)
    }
    guard digits(1...2), index < scalars.count, scalars[index] == ":" || scalars[index] == "." || scalars[index] == "h" else { return nil }
    index += 1
    guard digits(2...2) else { return nil }
    // A zone or marker the page shows with the time: "Uhr", "am", "BST", "h".
    var timeEnd = index
    var probe = index
    while probe < scalars.count, scalars[probe] == " " { probe += 1 }
    var word = ""
    var wordEnd = probe
    while wordEnd < scalars.count, scalars[wordEnd].properties.isAlphabetic, word.unicodeScalars.count < 6 {
      word.unicodeScalars.append(scalars[wordEnd])
      wordEnd += 1
    }
    if Self.timeWords.contains(word.lowercased()), wordEnd == scalars.count || !scalars[wordEnd].properties.isAlphabetic {
      timeEnd = wordEnd
    }
    let time = String(String.UnicodeScalarView(scalars[0..<timeEnd]))
    var rest = timeEnd
    while rest < scalars.count, " :-–—|·•\u{00A0}".unicodeScalars.contains(scalars[rest]) { rest += 1 }
    // The time must stand apart from what follows: "12.31 Uhr: Title", not "12.5 million".
    if rest == timeEnd && rest < scalars.count { return nil }
    let title = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(rest)))
    return (time, title.isEmpty ? nil : title)
  }

  static let timeWords: Set<String> = [
    "uhr", "am", "pm", "h", "bst", "gmt", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "cst", "cdt", "mez", "mesz",
    "et", "pt", "ist", "aest", "aedt",
  ]

  // MARK: JSON-LD posts

  /// Joins JSON-LD's posts with the markup's: a JSON-LD post matched by id or text lends its instant; one not
  /// in the markup is added, in time order when times are known, else after the markup's posts.
  mutating func merge(_ jsonPosts: [JSONLDArticle.Post], into posts: inout [Post]?) {
    let times = jsonPosts.map { $0.datePublished.flatMap(PostInstant.init(iso:)) }
    // A JSON-LD time that is the same for every post is the page's, not the posts'.
    let distinct = Set(times.compactMap { $0 })
    let trustTimes = jsonPosts.count < 2 || distinct.count > 1
    var result = posts ?? []
    for (jsonPost, time) in zip(jsonPosts, times) {
      let fragment = jsonPost.address.flatMap(Self.fragment)
      let titleKey = jsonPost.headline.map { TextFingerprint.key($0) }
      let bodyParagraphs = jsonPost.articleBody.map { HTMLFragmentText.paragraphs(fromHTML: $0.replacingNewlinesWithParagraphs()) } ?? []
      let openingKey = bodyParagraphs.first.map { TextFingerprint.key($0, maxWords: 10) }
      let match = result.firstIndex { post in
        if let fragment, let id = post.pageID, id == fragment || id.hasSuffix(fragment) || fragment.hasSuffix(id) { return true }
        if let titleKey, !titleKey.isEmpty, let title = post.title, TextFingerprint.key(title) == titleKey { return true }
        if let openingKey, !openingKey.isEmpty, let first = post.paragraphs.first, TextFingerprint.key(first.text, maxWords: 10) == openingKey {
          return true
        }
        return false
      }
      if let match {
        if trustTimes { result[match].evidence.jsonLD = time }
        if result[match].pageID == nil { result[match].pageID = fragment }
        continue
      }
      var title = jsonPost.headline.map(PageMetadata.clean).flatMap { rules.removingBadge(from: $0) }
      if let headline = metadata.headline, let current = title, TextFingerprint.key(headline) == TextFingerprint.key(current) { title = nil }
      guard title != nil || !bodyParagraphs.isEmpty else { continue }
      var post = Post(pageID: fragment, title: title, line: metadata.headlineLine)
      post.paragraphs = bodyParagraphs.map { Paragraph(line: metadata.headlineLine, text: $0) }
      if trustTimes { post.evidence.jsonLD = time }
      // Newest first, as pages list posts: before the first post known to be older.
      if let instant = post.evidence.instant, let older = result.firstIndex(where: { ($0.evidence.instant ?? .init(seconds: .max)) < instant }) {
        result.insert(post, at: older)
      } else {
        result.append(post)
      }
    }
    posts = result
  }

  /// "block-123" of "https://example.com/live#block-123"; nil without a fragment.
  static func fragment(_ address: String) -> String? {
    guard let hash = address.lastIndex(of: "#") else { return nil }
    let fragment = String(address[address.index(after: hash)...])
    return fragment.isEmpty ? nil : fragment
  }
}
