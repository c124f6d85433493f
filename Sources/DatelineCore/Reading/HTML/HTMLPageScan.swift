import CLibXML2

/// One walk over a parsed page that gathers everything the extractors need: its metadata (`<title>`,
/// `<meta>`, `<link rel=canonical>`, JSON-LD), a table of its elements, and its text as blocks.
///
/// Elements that are never text (scripts, styles, media, form controls), hidden ones, and boilerplate by their
/// tag (`nav`, `footer`, `aside`, a site `header`) are not walked into: their text never becomes a block.
/// Boilerplate by the class and id hints of `HTMLRules`, and forms, are walked into but marked (`droppedBy`):
/// a hint can be wrong about a wrapper ("page has-sidebar", the `<form>` an ASP.NET page wraps around
/// everything), so the extractors drop such text only when the marked element lies inside what they chose.
struct HTMLPageScan {
  /// One element, by its preorder index.
  struct Element {
    var node: xmlNodePtr
    var tag: HTMLTag
    /// The parent's index, -1 for the first element.
    var parent: Int32
    /// The index of its last descendant (itself when it has none): descendants are `index...end`.
    var end: Int32
    /// What the class and id hints say of it.
    var verdict: HTMLRules.Verdict
    /// Inside a `<header>` (an article's: site headers are skipped).
    var inHeader: Bool
    /// The page's own id for the element (`id`, else `data-...id`).
    var pageID: String?
    /// The element is or holds a post's time (a `<time>`, an epoch `data-` attribute, a line that is a clock time).
    var holdsTime: Bool
    /// The first class name, which with the tag names the kind of element a template repeats.
    var firstClass: Substring
  }

  private(set) var elements: [Element] = []
  private(set) var blocks: [HTMLBlock] = []
  /// `<meta name|property=... content=...>`, first of each name, names in lower case.
  private(set) var meta: [String: String] = [:]
  private(set) var title: String?
  private(set) var canonical: String?
  /// The text of each `<script type="application/ld+json">`.
  private(set) var jsonLD: [String] = []
  /// The index of each element with `itemprop="articleBody"`.
  private(set) var articleBodies: [Int] = []
  /// The first `<h1>` the walk met (outside menus, rails and site headers), so that the metadata needs no
  /// second walk of the tree to find it.
  private(set) var firstH1: HTMLNode?

  init(document: HTMLDocument, rules: HTMLRules) {
    guard let root = document.root else { return }
    var walker = Walker(document: document, rules: rules)
    HTMLTreeWalk.walk(from: root) { node in walker.enter(node) } leave: { node in walker.leave(node) }
    walker.flush()
    elements = walker.elements
    blocks = walker.blocks
    forgiveWrappers()
    meta = walker.meta
    title = walker.title
    canonical = walker.canonical
    jsonLD = walker.jsonLD
    articleBodies = walker.articleBodies
    firstH1 = walker.firstH1
  }

  /// A boilerplate mark on an element that holds most of the page's prose was a wrong guess (a wrapper classed
  /// "has-sidebar", a page-wide `<form>`): such marks are lifted. An outer mark around one of them holds at
  /// least as much prose, so a block's innermost mark decides.
  private mutating func forgiveWrappers() {
    guard blocks.contains(where: { $0.droppedBy != nil }) else { return }
    var prose = [Int](repeating: 0, count: elements.count)
    var total = 0
    for block in blocks where !block.isHeading {
      let bytes = block.byteCount - block.linkBytes
      prose[block.element] += bytes
      total += bytes
    }
    for index in stride(from: elements.count - 1, through: 1, by: -1) where elements[index].parent >= 0 {
      prose[Int(elements[index].parent)] += prose[index]
    }
    for index in blocks.indices {
      // An `<aside>` is never the page's frame, whatever it holds.
      if let marked = blocks[index].droppedBy, prose[marked] * 2 > total, elements[marked].tag != .aside {
        blocks[index].droppedBy = nil
      }
    }
  }

  /// Whether a block lies inside boilerplate (by the hints) that lies inside `container`: text to leave out
  /// when `container` is what was chosen.
  func isBoilerplate(_ block: HTMLBlock, inside container: Int) -> Bool {
    guard let marked = block.droppedBy else { return false }
    return contains(container, marked)
  }

  /// The text of a text node when it is only a clock time ("14:05", " 9.05am BST "), else nil. Cheap for
  /// the usual text: a clock starts with a digit and is short.
  static func clockText(_ content: UnsafePointer<UInt8>) -> String? {
    var start = 0
    while content[start] == 0x20 || content[start] == 0x0A || content[start] == 0x09 || content[start] == 0x0D { start += 1 }
    guard content[start] &- 0x30 < 10 else { return nil }
    var length = 0
    while content[start + length] != 0 {
      length += 1
      if length > 24 { return nil }
    }
    let text = String(decoding: UnsafeBufferPointer(start: content + start, count: length), as: UTF8.self).trimmingASCIISpace()
    if TimeStamp.parse(text) != nil { return text }
    if let split = LiveBlogExtractor.splitTimeHeading(text), split.title == nil { return text }
    return nil
  }

  /// Whether element `inner` is `outer` or lies inside it.
  func contains(_ outer: Int, _ inner: Int) -> Bool {
    inner >= outer && inner <= Int(elements[outer].end)
  }

  private struct Walker {
    let document: HTMLDocument
    let rules: HTMLRules
    var elements: [Element] = []
    var blocks: [HTMLBlock] = []
    var meta: [String: String] = [:]
    var title: String?
    var canonical: String?
    var jsonLD: [String] = []
    var articleBodies: [Int] = []
    var firstH1: HTMLNode?

    /// The elements open around the walk, innermost last.
    var open: [Int32] = []
    /// The block-level elements open, innermost last: the text gathered belongs to the innermost.
    var openBlocks: [Int32] = []
    /// The open elements the hints call boilerplate, innermost last.
    var dropped: [Int32] = []
    var verdicts: [String: HTMLRules.Verdict] = [:]
    var text = TextAccumulator()
    var textLine = 0
    var linkDepth = 0
    var quoteDepth = 0
    var captionDepth = 0
    var articleDepth = 0
    var headerDepth = 0

    init(document: HTMLDocument, rules: HTMLRules) {
      self.document = document
      self.rules = rules
    }

    mutating func enter(_ node: HTMLNode) -> Bool {
      if node.isText {
        if let content = node.content {
          if text.isEmpty { textLine = node.line }
          text.append(content, inLink: linkDepth > 0)
          // A text that is only a clock time ("14:05" in its own span) is a post's time shown as plain text:
          // as good a sign of a post as a `<time>` element.
          if let owner = open.last, HTMLPageScan.clockText(content) != nil { elements[Int(owner)].holdsTime = true }
        }
        return false
      }
      guard node.isElement else { return false }
      let tag = document.tag(of: node)
      switch tag {
      case .head:
        readHead(node)
        return false
      case .meta, .link:
        readMetadata(node, tag: tag)  // pages put some in the body
        return false
      case .script:
        readScript(node)
        return false
      case .title:
        if title == nil { title = plainText(node) }
        return false
      default: break
      }
      if tag.isNeverText { return false }
      let attributes = ElementAttributes(node)
      if attributes.hidden { return false }
      // Boilerplate by its element: menus, page footers, side rails. A header outside any article is the
      // site's (logo, menu); inside one it holds the headline, standfirst and byline, and post headers hold
      // a post's title and time.
      if tag == .nav || tag == .footer { return false }
      // An `<aside>` outside any article is a side rail; inside one (a live-blog post's related-story card,
      // a fact box) it is walked but marked, so that a post can keep a card as a link card while article
      // text still leaves it out.
      if tag == .aside && articleDepth == 0 { return false }
      if tag == .header && articleDepth == 0 { return false }
      let verdict = tag == .form || tag == .aside ? .drop : hints(attributes, tag: tag)

      let index = Int32(elements.count)
      elements.append(
        Element(
          node: node.pointer, tag: tag, parent: open.last ?? -1, end: index, verdict: verdict,
          inHeader: headerDepth > 0 || tag == .header, pageID: attributes.pageID,
          holdsTime: attributes.epoch != nil || tag == .time,
          firstClass: attributes.classes.split(separator: " ").first ?? ""))
      open.append(index)
      if verdict == .drop { dropped.append(index) }
      if !attributes.itemprop.isEmpty, attributes.itemprop.lowercased().contains("articlebody") {
        articleBodies.append(Int(index))
      }
      switch tag {
      case .a: linkDepth += 1
      case .blockquote: quoteDepth += 1
      case .figcaption: captionDepth += 1
      case .article: articleDepth += 1
      case .header: headerDepth += 1
      case .h1: if firstH1 == nil { firstH1 = node }
      default: break
      }
      if tag.isBlock {
        flush()
        openBlocks.append(index)
      }
      return true
    }

    mutating func leave(_ node: HTMLNode) {
      guard let index = open.popLast() else { return }
      let tag = elements[Int(index)].tag
      elements[Int(index)].end = Int32(elements.count - 1)
      if elements[Int(index)].holdsTime, let parent = open.last { elements[Int(parent)].holdsTime = true }
      if tag.isBlock {
        flush()
        _ = openBlocks.popLast()
      }
      if dropped.last == index { dropped.removeLast() }
      switch tag {
      case .a: linkDepth -= 1
      case .blockquote: quoteDepth -= 1
      case .figcaption: captionDepth -= 1
      case .article: articleDepth -= 1
      case .header: headerDepth -= 1
      default: break
      }
    }

    /// Ends the text gathered so far as a block of the innermost open block element.
    mutating func flush() {
      guard !text.isEmpty else { return }
      let linkBytes = text.linkBytes
      let line = text.take()
      guard !line.isEmpty, let owner = openBlocks.last ?? open.last else { return }
      let tag = elements[Int(owner)].tag
      let kind: HTMLBlock.Kind
      if let level = tag.headingLevel {
        kind = .heading(level: level)
      } else if captionDepth > 0 {
        kind = .caption  // a caption's own paragraphs (`<figcaption><p>`) are still a caption
      } else if quoteDepth > 0 {
        kind = .quote
      } else {
        switch tag {
        case .li, .dd, .dt: kind = .listItem
        case .figcaption, .caption: kind = .caption
        case .pre: kind = .preformatted
        default: kind = .paragraph
        }
      }
      blocks.append(
        HTMLBlock(
          kind: kind, text: line, line: textLine, linkBytes: linkBytes, element: Int(owner),
          droppedBy: dropped.last.map(Int.init)))
    }

    /// What the rules' hints say of the element's class and id.
    mutating func hints(_ attributes: ElementAttributes, tag: HTMLTag) -> HTMLRules.Verdict {
      if attributes.classes.isEmpty && attributes.id.isEmpty { return .none }
      let key = attributes.classes + " " + attributes.id
      // Templates repeat the same classes on many elements: each combination is matched once a page.
      let verdict: HTMLRules.Verdict
      if let known = verdicts[key] {
        verdict = known
      } else {
        verdict = rules.verdict(classAndID: key)
        verdicts[key] = verdict
      }
      // The page's own frame is never dropped by a hint: a body classed "has-sidebar" is still the page.
      if verdict == .drop && (tag == .html || tag == .body || tag == .main || tag == .article) { return .noise }
      return verdict
    }

    mutating func readHead(_ node: HTMLNode) {
      HTMLTreeWalk.walk(from: node) { child in
        guard child.isElement else { return false }
        let tag = document.tag(of: child)
        switch tag {
        case .meta, .link: readMetadata(child, tag: tag)
        case .script: readScript(child)
        case .title: if title == nil { title = plainText(child) }
        default: return tag == .head || tag == .noscript || tag == .other
        }
        return false
      } leave: { _ in }
    }

    mutating func readMetadata(_ node: HTMLNode, tag: HTMLTag) {
      if tag == .link {
        if canonical == nil, let rel = node.attribute("rel")?.lowercased(),
          rel.split(separator: " ").contains("canonical"), let href = node.attribute("href")
        {
          let trimmed = href.trimmingASCIISpace()
          if !trimmed.isEmpty { canonical = trimmed }
        }
        return
      }
      guard let content = node.attribute("content") else { return }
      for key in ["property", "name", "itemprop"] {
        if let name = node.attribute(key)?.lowercased(), !name.isEmpty, meta[name] == nil {
          meta[name] = content
        }
      }
    }

    mutating func readScript(_ node: HTMLNode) {
      guard let type = node.attribute("type")?.lowercased(), type.contains("ld+json") else { return }
      jsonLD.append(node.allText)
    }

    func plainText(_ node: HTMLNode) -> String {
      var accumulator = TextAccumulator()
      HTMLTreeWalk.walk(from: node) { child in
        if child.isText, let content = child.content { accumulator.append(content) }
        return child.isElement
      } leave: { _ in }
      return accumulator.take()
    }
  }
}
