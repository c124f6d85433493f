import CLibXML2

/// Turns HTML fragments (feed summaries and contents, JSON-LD bodies) into paragraphs of plain text with ONE
/// libxml2 HTML parser context, reused for every fragment, and SAX events instead of a tree: no node is
/// allocated, nothing is freed afterwards, no tree is walked. A feed of 2,000 items holds 4,000 fragments; a
/// fresh parser context and tree for each was most of the time spent reading it.
///
/// The text is the same, byte for byte, as the tree walk of `HTMLFragmentText.paragraphsFromTree` (the tests
/// compare the two over every feed fixture and a set of broken fragments): the parser is the same and makes
/// the same decisions (implied and auto-closed elements arrive as events too); the rules of the walk are
/// applied to the events as they come: elements that are never text (scripts, styles, forms), `<title>` and
/// hidden elements are skipped with everything in them, block elements end a paragraph where they open and
/// close. Where libxml2's tree builder places a node outside the root element, it is outside here too (see
/// `startElement`).
///
/// Not for sharing between threads: each reader run makes its own (a context is cheap next to one parse).
final class HTMLFragmentParser {
  private var context: htmlParserCtxtPtr?
  private var text = TextAccumulator()
  private var paragraphs: [String] = []
  /// Whether one line is being made (`plainText`) rather than paragraphs.
  private var oneLine = false
  /// While making one line: where each paragraph ends in `text` (kept between fragments for its capacity).
  private var lineBreaks: [Int] = []
  /// Whether each open element ends a paragraph when it closes (elements entered only; skipped ones are not
  /// pushed).
  private var blockStack: [Bool] = []
  /// Open elements, entered or not (libxml2's own element stack, as the tree builder sees it).
  private var depth = 0
  /// While inside a skipped element: the depth at which it opened.
  private var skippedFrom: Int?
  /// The document's first node is not its root element (a comment, a processing instruction or a DOCTYPE came
  /// first): then libxml2 puts elements that open after the root has closed beside it, not in it, and the walk
  /// of the root never reaches them.
  private var firstNodeIsNotRoot = false
  private var rootOpened = false
  /// The root element has closed and what follows is outside it.
  private var outsideRoot = false
  /// Element kinds by the address of their interned name (the context's dictionary lives as long as it does).
  private var tags: [UnsafeRawPointer: HTMLTag] = [:]
  /// The first tags met, looked up by address before the dictionary.
  private var recentTags: [(name: UnsafeRawPointer, tag: HTMLTag)] = []

  init() {}

  deinit {
    if let context { xml2_htmlFreeParserCtxt(context) }
  }

  /// The text of `html` as paragraphs (see `HTMLFragmentText.paragraphs(fromHTML:)`).
  func paragraphs(fromHTML html: String) -> [String] {
    guard parse(html) else { return HTMLFragmentText.paragraphsFromTree(fromHTML: html) }
    flush()
    let result = paragraphs
    reset()
    return result
  }

  /// The text of `html` as one line: its paragraphs joined by a space, made as one string. The paragraphs are
  /// gathered in one buffer, a space between them; only when the line holds something the sanitiser removes
  /// is it split at the recorded ends of paragraphs and cleaned paragraph by paragraph, as `paragraphs` does.
  func plainText(fromHTML html: String) -> String {
    oneLine = true
    lineBreaks.removeAll(keepingCapacity: true)
    defer { oneLine = false }
    guard parse(html) else { return HTMLFragmentText.paragraphsFromTree(fromHTML: html).joined(separator: " ") }
    let line = text.bytes.withUnsafeBufferPointer { bytes -> String in
      if !TextAccumulator.mayNeedSanitizing(bytes) {
        let line = String(decoding: bytes, as: UTF8.self)
        if line.utf8.count == bytes.count { return line }
      }
      // Each paragraph is what follows the previous end, less the one space put between them.
      var lines: [String] = []
      var start = 0
      for end in lineBreaks + [bytes.count] where end > start {
        let from = bytes[start] == 0x20 ? start + 1 : start
        let cleaned = TextAccumulator.clean(Array(bytes[from..<end]))
        if !cleaned.isEmpty { lines.append(cleaned) }
        start = end
      }
      return lines.joined(separator: " ")
    }
    reset()
    return line
  }

  /// Parses `html` through the callbacks; false when there is no parser context.
  private func parse(_ html: String) -> Bool {
    guard let context = preparedContext() else { return false }
    reset()
    var html = html
    html.makeContiguousUTF8()
    return html.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
      xml2_silence_errors()
      // libxml2 reads no document from no bytes; an empty fragment is empty (the tree path's " " holds no text).
      guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else { return true }
      base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
        // The result is always nil: no startDocument callback, so no document is built.
        _ = xml2_htmlCtxtReadMemory(context, chars, Int32(buffer.count), nil, "UTF-8", HTMLDocument.options)
      }
      return true
    } ?? false
  }

  private func reset() {
    text.removeAll()
    paragraphs = []
    blockStack.removeAll(keepingCapacity: true)
    depth = 0
    skippedFrom = nil
    firstNodeIsNotRoot = false
    rootOpened = false
    outsideRoot = false
  }

  private func flush() {
    if oneLine {
      // One line: the paragraph stays in the buffer; its end is noted and the next word starts after a space.
      if text.count > (lineBreaks.last ?? 0) {
        lineBreaks.append(text.count)
        text.breakWord()
      }
      return
    }
    let line = text.take()
    if !line.isEmpty { paragraphs.append(line) }
  }

  /// The context, made on first use with our SAX callbacks in place of the tree builder's.
  private func preparedContext() -> htmlParserCtxtPtr? {
    if let context { return context }
    guard let made = xml2_htmlNewParserCtxt(), let sax = made.pointee.sax else { return nil }
    sax.pointee = Self.handler()
    made.pointee._private = Unmanaged.passUnretained(self).toOpaque()
    context = made
    return made
  }

  /// The parser of a callback's context (libxml2 passes the parser context as the user data).
  /// Runs `body` on it without retaining and releasing it for every event: the parser is alive all through
  /// the parse, which it runs itself.
  private static func withParser(_ userData: UnsafeMutableRawPointer?, _ body: (HTMLFragmentParser) -> Void) {
    guard let userData else { return }
    let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let box = context.pointee._private else { return }
    Unmanaged<HTMLFragmentParser>.fromOpaque(box)._withUnsafeGuaranteedRef(body)
  }

  /// The callbacks: each finds its parser through the context's `_private`.
  private static func handler() -> htmlSAXHandler {
    var handler = htmlSAXHandler()
    handler.startElement = { userData, name, attributes in
      HTMLFragmentParser.withParser(userData) { $0.startElement(name, attributes) }
    }
    handler.endElement = { userData, _ in HTMLFragmentParser.withParser(userData) { $0.endElement() } }
    handler.characters = { userData, characters, count in HTMLFragmentParser.withParser(userData) { $0.characters(characters, count) } }
    // libxml2 hands a script's or style's text over as CDATA (always skipped, but read the same way).
    handler.cdataBlock = { userData, characters, count in HTMLFragmentParser.withParser(userData) { $0.characters(characters, count) } }
    handler.ignorableWhitespace = { userData, characters, count in HTMLFragmentParser.withParser(userData) { $0.characters(characters, count) } }
    handler.comment = { userData, _ in HTMLFragmentParser.withParser(userData) { $0.topLevelNode() } }
    handler.processingInstruction = { userData, _, _ in HTMLFragmentParser.withParser(userData) { $0.topLevelNode() } }
    handler.internalSubset = { userData, _, _, _ in HTMLFragmentParser.withParser(userData) { $0.doctype() } }
    return handler
  }

  private func tag(_ name: UnsafePointer<xmlChar>) -> HTMLTag {
    let key = UnsafeRawPointer(name)
    // The few tags of feed HTML (p, a, em, br, ...) are found by comparing addresses, without hashing.
    for index in recentTags.indices where recentTags[index].name == key { return recentTags[index].tag }
    if let known = tags[key] { return known }
    let tag = HTMLTag(name: String(cString: Self.localName(name)))
    // Names come from the context's dictionary, which lives as long as the context: the address stays valid.
    if recentTags.count < 16 { recentTags.append((key, tag)) } else { tags[key] = tag }
    return tag
  }

  /// The name libxml2's tree builder gives an element named `name`: it splits a prefix off as XML does, so
  /// `<o:p>` and `<xhtml:p>` are `p` elements in the tree (after the first colon, unless the name starts with
  /// one or ends right after it).
  static func localName(_ name: UnsafePointer<xmlChar>) -> UnsafePointer<xmlChar> {
    guard name[0] != UInt8(ascii: ":") else { return name }
    var index = 0
    while name[index] != 0 {
      if name[index] == UInt8(ascii: ":") {
        return name[index + 1] == 0 ? name : name + index + 1
      }
      index += 1
    }
    return name
  }

  private func startElement(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    if depth == 0 {
      if rootOpened, firstNodeIsNotRoot { outsideRoot = true }
      rootOpened = true
    }
    depth += 1
    if outsideRoot || skippedFrom != nil { return }
    let tag = name.map(tag) ?? .other
    if tag.isNeverText || tag == .title || Self.isHidden(attributes) {
      skippedFrom = depth
      return
    }
    if tag.isBlock { flush() }
    blockStack.append(tag.isBlock)
  }

  private func endElement() {
    guard depth > 0 else { return }
    defer { depth -= 1 }
    if outsideRoot { return }
    if let skipped = skippedFrom {
      if depth == skipped { skippedFrom = nil }
      return
    }
    if blockStack.popLast() == true { flush() }
  }

  private func characters(_ characters: UnsafePointer<xmlChar>?, _ count: Int32) {
    // Text outside every element has no node to go in (the tree builder drops it).
    guard depth > 0, !outsideRoot, skippedFrom == nil, let characters, count > 0 else { return }
    text.append(UnsafeBufferPointer(start: characters, count: Int(count)))
  }

  /// A comment or processing instruction: before the root element, it is the document's first node.
  private func topLevelNode() {
    if depth == 0, !rootOpened { firstNodeIsNotRoot = true }
  }

  /// A DOCTYPE, wherever it is: libxml2 puts it first in an HTML document.
  private func doctype() { firstNodeIsNotRoot = true }

  /// `HTMLVisibility.isHidden` on SAX attributes (name, value pairs; a value is nil for a bare attribute).
  private static func isHidden(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
    guard let attributes else { return false }
    var index = 0
    while let name = attributes[index] {
      let value = attributes[index + 1]
      index += 2
      if HTMLNode.equal(name, "hidden") { return true }
      if HTMLNode.equal(name, "aria-hidden") {
        if (value.map { String(cString: $0) } ?? "").lowercased() == "true" { return true }
      } else if HTMLNode.equal(name, "style") {
        if let value, HTMLVisibility.hidesElement(String(cString: value)) { return true }
      }
    }
    return false
  }
}
