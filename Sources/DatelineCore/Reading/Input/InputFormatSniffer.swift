/// Recognises an input's format from its bytes, and the Content-Type when it was fetched; never from the file
/// name, which says nothing reliable (a page saved as `.txt`, a capture named `.html`).
///
/// The bytes come first: servers label feeds `text/html` and pages `text/plain` often enough. The first markup
/// the bytes open with decides (an HTML doctype or element, or the root element of a feed or subscription
/// list); a JSON object is a JSON Feed only when it names a jsonfeed.org version. Bytes that open with neither
/// are a text capture, unless the server called them HTML.
public enum InputFormatSniffer {
  /// How many bytes from the start are examined: doctypes, comments and processing instructions before the
  /// root element fit well within this.
  static let window = 4096

  public static func format(of document: InputDocument) -> InputFormat {
    format(bytes: document.bytes, contentType: document.contentType)
  }

  public static func format(bytes: [UInt8], contentType: String?) -> InputFormat {
    let head = asciiHead(bytes)
    var index = head.startIndex
    skipSpace(head, &index)
    if index < head.endIndex {
      if head[index] == UInt8(ascii: "<"), let format = markupFormat(head, from: index) { return format }
      if head[index] == UInt8(ascii: "{"), isJSONFeed(head) { return .feed(.jsonFeed) }
    }
    return format(ofMediaType: mediaType(contentType)) ?? .textCapture
  }

  /// The format a Content-Type's media type names, when it names one.
  static func format(ofMediaType type: String?) -> InputFormat? {
    switch type {
    case "text/html", "application/xhtml+xml": .html
    case "application/rss+xml": .feed(.rss)
    case "application/rdf+xml": .feed(.rdf)
    case "application/atom+xml": .feed(.atom)
    case "application/feed+json": .feed(.jsonFeed)
    case "text/x-opml", "application/x-opml", "text/x-opml+xml": .opml
    default: nil
    }
  }

  /// `text/html` of `Text/HTML; charset=UTF-8`.
  static func mediaType(_ contentType: String?) -> String? {
    guard let contentType else { return nil }
    let type = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
    let trimmed = type.lowercased().filter { !$0.isWhitespace }
    return trimmed.isEmpty ? nil : trimmed
  }

  /// The first bytes as ASCII-compatible bytes: UTF-16 and UTF-32 (recognised by their byte-order marks) are
  /// narrowed to one byte a character, which is enough to see markup; a UTF-8 byte-order mark is dropped.
  static func asciiHead(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
    let prefix = bytes.prefix(window)
    func narrowed(width: Int, lowByte: Int, skip: Int) -> ArraySlice<UInt8> {
      var out: [UInt8] = []
      var index = prefix.startIndex + skip
      while index + width <= prefix.endIndex {
        let unit = prefix[(index)..<(index + width)]
        let isASCII = unit.enumerated().allSatisfy { $0.offset == lowByte || $0.element == 0 }
        out.append(isASCII ? unit[unit.startIndex + lowByte] : 0x80)
        index += width
      }
      return out[...]
    }
    if prefix.starts(with: [0xFF, 0xFE, 0, 0]) { return narrowed(width: 4, lowByte: 0, skip: 4) }
    if prefix.starts(with: [0, 0, 0xFE, 0xFF]) { return narrowed(width: 4, lowByte: 3, skip: 4) }
    if prefix.starts(with: [0xFF, 0xFE]) { return narrowed(width: 2, lowByte: 0, skip: 2) }
    if prefix.starts(with: [0xFE, 0xFF]) { return narrowed(width: 2, lowByte: 1, skip: 2) }
    if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { return prefix.dropFirst(3) }
    return prefix
  }

  /// The format named by the first element (or doctype) at `start`, skipping `<?xml?>`, comments and other
  /// declarations; nil when what follows `<` is not markup ("<3 today", a stray bracket).
  static func markupFormat(_ head: ArraySlice<UInt8>, from start: Int) -> InputFormat? {
    var index = start
    while index < head.endIndex, head[index] == UInt8(ascii: "<") {
      let rest = head[(index + 1)...]
      if rest.starts(with: Array("!--".utf8)) {
        guard let end = find(Array("-->".utf8), in: head, from: index + 4) else { return nil }
        index = end + 3
      } else if rest.first == UInt8(ascii: "?") || rest.first == UInt8(ascii: "!") {
        let declaration = lowered(head[(index + 1)...].prefix(64))
        if declaration.starts(with: Array("!doctype".utf8)) {
          let name = declaration.dropFirst(8).drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
          if name.starts(with: Array("html".utf8)) { return .html }
          // A feed's doctype names its root (`<!DOCTYPE rss [...]>`): its internal subset of entity
          // declarations may be longer than the window, and holds '>' of its own.
          let root = Array(name.prefix { isNameByte($0) })
          switch elementFormat(name: root) {
          case .feed(let kind)?: return .feed(kind)
          case .opml?: return .opml
          default: break
          }
          guard let end = endOfDoctype(head, from: index) else { return nil }
          index = end + 1
          skipSpace(head, &index)
          continue
        }
        guard let end = head[index...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        index = end + 1
      } else {
        return elementFormat(name: lowered(rest.prefix { isNameByte($0) }.prefix(32)))
      }
      skipSpace(head, &index)
    }
    return nil
  }

  /// The format a root element's name gives: a feed's or OPML's root, else HTML for anything that looks like
  /// an element name.
  static func elementFormat(name: [UInt8]) -> InputFormat? {
    guard let first = name.first, first &- 0x61 < 26 else { return nil }
    switch String(decoding: name, as: UTF8.self) {
    case "rss": return .feed(.rss)
    case "rdf:rdf": return .feed(.rdf)
    case "feed": return .feed(.atom)
    case "opml": return .opml
    default: return .html
    }
  }

  /// A JSON object whose `version` is a jsonfeed.org URL (looked for in the first bytes: feeds put it first).
  static func isJSONFeed(_ head: ArraySlice<UInt8>) -> Bool {
    let text = String(decoding: head, as: UTF8.self)
    guard let key = text.range(of: "\"version\"") else { return false }
    let after = text[key.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\n" || $0 == "\t" || $0 == "\r" }
    return after.hasPrefix("\"https://jsonfeed.org/version/") || after.hasPrefix("\"http://jsonfeed.org/version/")
      || after.hasPrefix("\"https:\\/\\/jsonfeed.org\\/version\\/")
  }

  /// The `>` that ends a doctype starting at `start`, past its bracketed internal subset and quoted strings.
  private static func endOfDoctype(_ head: ArraySlice<UInt8>, from start: Int) -> Int? {
    var inSubset = false
    var quote: UInt8 = 0
    var index = start
    while index < head.endIndex {
      let byte = head[index]
      if quote != 0 {
        if byte == quote { quote = 0 }
      } else if byte == 0x22 || byte == 0x27 {
        quote = byte
      } else if byte == UInt8(ascii: "[") {
        inSubset = true
      } else if byte == UInt8(ascii: "]") {
        inSubset = false
      } else if byte == UInt8(ascii: ">"), !inSubset {
        return index
      }
      index += 1
    }
    return nil
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    byte &- 0x61 < 26 || byte &- 0x41 < 26 || byte &- 0x30 < 10 || byte == 0x3A || byte == 0x2D || byte == 0x5F
  }

  private static func lowered(_ bytes: ArraySlice<UInt8>) -> [UInt8] { bytes.map { $0 &- 0x41 < 26 ? $0 + 0x20 : $0 } }

  private static func skipSpace(_ head: ArraySlice<UInt8>, _ index: inout Int) {
    while index < head.endIndex, head[index] == 0x20 || head[index] == 0x0A || head[index] == 0x0D || head[index] == 0x09 || head[index] == 0x0C {
      index += 1
    }
  }

  private static func find(_ needle: [UInt8], in head: ArraySlice<UInt8>, from start: Int) -> Int? {
    guard start < head.endIndex else { return nil }
    var index = start
    while index + needle.count <= head.endIndex {
      if head[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}
