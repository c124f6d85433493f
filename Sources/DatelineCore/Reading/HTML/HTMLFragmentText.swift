/// Plain text from a piece of HTML (a feed item's description, a JSON-LD `articleBody` written as markup):
/// tags gone, entities decoded, scripts, styles, templates and hidden elements dropped, block elements
/// separating words, ASCII white space collapsed (a no-break space kept), and everything through
/// `TextSanitizer`, so no escape sequence or bidi override survives.
public enum HTMLFragmentText {
  /// The text of `html` as one line.
  public static func plainText(fromHTML html: String) -> String {
    plainText(fromHTML: html, using: nil)
  }

  /// The text of `html` as one line, parsed by `parser` (one for many fragments) or a parser of its own.
  static func plainText(fromHTML html: String, using parser: HTMLFragmentParser?) -> String {
    if !mayHoldMarkup(html) { return plain(html) }
    return (parser ?? HTMLFragmentParser()).plainText(fromHTML: html)
  }

  /// The text of `html` as paragraphs: one for each block of text (a `<p>`, a list item, a heading, text
  /// between `<br>`s), in order, none empty.
  public static func paragraphs(fromHTML html: String) -> [String] {
    paragraphs(fromHTML: html, using: nil)
  }

  /// The paragraphs of `html`, parsed by `parser` (one for many fragments) or a parser of its own.
  static func paragraphs(fromHTML html: String, using parser: HTMLFragmentParser?) -> [String] {
    if !mayHoldMarkup(html) {
      let text = plain(html)
      return text.isEmpty ? [] : [text]
    }
    return (parser ?? HTMLFragmentParser()).paragraphs(fromHTML: html)
  }

  /// The paragraphs of `html` from libxml2's tree of it: the reference `HTMLFragmentParser` gives the same text
  /// as, by SAX events and without a tree (the tests compare the two), and its fallback should it get no parser
  /// context.
  static func paragraphsFromTree(fromHTML html: String) -> [String] {
    guard let document = HTMLDocument(html: html), let root = document.root else { return [] }
    var paragraphs: [String] = []
    var text = TextAccumulator()
    func flush() {
      let line = text.take()
      if !line.isEmpty { paragraphs.append(line) }
    }
    HTMLTreeWalk.walk(from: root) { node in
      if node.isText {
        if let content = node.content { text.append(content) }
        return false
      }
      guard node.isElement else { return false }
      let tag = document.tag(of: node)
      if tag.isNeverText || tag == .title || HTMLVisibility.isHidden(node) { return false }
      if tag.isBlock { flush() }
      return true
    } leave: { node in
      if document.tag(of: node).isBlock { flush() }
    }
    flush()
    return paragraphs
  }

  /// The text under one element of a parsed page, as one line.
  static func plainText(of node: HTMLNode, in document: HTMLDocument) -> String {
    var text = TextAccumulator()
    HTMLTreeWalk.walk(from: node) { child in
      if child.isText {
        if let content = child.content { text.append(content) }
        return false
      }
      guard child.isElement else { return false }
      let tag = document.tag(of: child)
      if tag.isNeverText || HTMLVisibility.isHidden(child) { return false }
      if tag.isBlock { text.breakWord() }
      return true
    } leave: { child in
      if document.tag(of: child).isBlock { text.breakWord() }
    }
    return text.take()
  }

  /// Text with no `<` and no `&` is plain already.
  private static func mayHoldMarkup(_ text: String) -> Bool {
    text.utf8.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }
  }

  private static func plain(_ text: String) -> String {
    var accumulator = TextAccumulator()
    accumulator.append(text)
    return accumulator.take()
  }
}
