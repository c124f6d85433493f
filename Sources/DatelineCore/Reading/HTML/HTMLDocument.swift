import CLibXML2

/// A page parsed by libxml2's HTML parser, the parser under lxml and trafilatura: forgiving of unclosed and
/// misnested tags as browsers are, never fetching anything (NONET), silent about errors (a broken page is
/// normal, not a problem to report). Owns the tree and frees it when released.
final class HTMLDocument {
  let pointer: htmlDocPtr
  /// The encoding the page was read in.
  let charset: HTMLCharset
  /// Element kinds by the address of their interned name: the parser interns names in the document's
  /// dictionary, so each distinct name is turned into an `HTMLTag` once per page, not once per element.
  private var tags: [UnsafeRawPointer: HTMLTag] = [:]
  private let internsNames: Bool

  /// XML_PARSE_HUGE lifts libxml2's depth limit of 256 elements, past which it stops parsing and the rest of
  /// the page is lost (pages of nested layout divs reach it); the input's size is capped by the reader instead,
  /// and every walk over the tree here is iterative, so depth costs no stack.
  static let options = Int32(
    HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
      | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
    | Int32(XML_PARSE_HUGE.rawValue)

  /// Parses the bytes of a page, in the encoding its HTTP Content-Type, byte-order mark, `<meta>` or bytes say.
  /// Nil only when libxml2 gives no document at all (it recovers from anything else).
  /// With `ignoringDeclarations`, the header's and the page's charset declarations are ignored and the bytes
  /// decide (a retry when a declared legacy charset failed).
  init?(bytes: [UInt8], contentType: String? = nil, url: String? = nil, ignoringDeclarations: Bool = false) {
    let parsed: (htmlDocPtr?, HTMLCharset) = bytes.withUnsafeBufferPointer { buffer in
      let (charset, bodyStart) =
        ignoringDeclarations ? (HTMLCharset.sniff(buffer), 0) : HTMLCharset.detect(buffer, contentType: contentType)
      let body = UnsafeBufferPointer(rebasing: buffer[bodyStart...])
      var options = Self.options
      if case .other = charset { options &= ~Int32(HTML_PARSE_IGNORE_ENC.rawValue) }
      if let converted = charset.utf8Bytes(body) {
        let clean = converted.withUnsafeBufferPointer(RawEscapeStripper.strip) ?? converted
        return (Self.parse(clean, url: url, encoding: "UTF-8", options: options), charset)
      }
      if case .other = charset {
        return (Self.parse(body, url: url, encoding: charset.libxml2Label, options: options), charset)
      }
      if let clean = RawEscapeStripper.strip(body) {
        return (Self.parse(clean, url: url, encoding: "UTF-8", options: options), charset)
      }
      return (Self.parse(body, url: url, encoding: charset.libxml2Label, options: options), charset)
    }
    guard let document = parsed.0 else { return nil }
    pointer = document
    charset = parsed.1
    internsNames = document.pointee.dict != nil
  }

  /// Parses markup already in a Swift string (a fragment of HTML from a feed or JSON-LD).
  init?(html: String) {
    var html = html
    html.makeContiguousUTF8()
    let document = html.utf8.withContiguousStorageIfAvailable { buffer in
      Self.parse(buffer, url: nil, encoding: "UTF-8", options: Self.options)
    } ?? nil
    guard let document else { return nil }
    pointer = document
    charset = .utf8
    internsNames = document.pointee.dict != nil
  }

  deinit { xml2_xmlFreeDoc(pointer) }

  /// Whether the page was read in a charset libxml2 converts (not UTF-8, UTF-16 or Windows-1252).
  var isDeclaredLegacyCharset: Bool {
    if case .other = charset { return true }
    return false
  }

  private static func parse(_ bytes: [UInt8], url: String?, encoding: String, options: Int32) -> htmlDocPtr? {
    bytes.withUnsafeBufferPointer { parse($0, url: url, encoding: encoding, options: options) }
  }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, url: String?, encoding: String, options: Int32) -> htmlDocPtr? {
    xml2_silence_errors()
    guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else {
      // libxml2 gives no document for no bytes; an empty page is still a page, with nothing in it.
      return xml2_htmlReadMemory(" ", 1, url, encoding, options)
    }
    return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
      xml2_htmlReadMemory(chars, Int32(bytes.count), url, encoding, options)
    }
  }

  /// The root element (`<html>`), if the page has any element at all.
  var root: HTMLNode? { xml2_xmlDocGetRootElement(pointer).map(HTMLNode.init) }

  /// The kind of element `node` is (`.other` for text and unknown elements).
  func tag(of node: HTMLNode) -> HTMLTag {
    guard node.isElement, let name = node.pointer.pointee.name else { return .other }
    let key = UnsafeRawPointer(name)
    if internsNames, let known = tags[key] { return known }
    let tag = HTMLTag(name: String(cString: name))
    if internsNames { tags[key] = tag }
    return tag
  }

  /// The first element of kind `tag` in document order.
  func first(_ wanted: HTMLTag, under start: HTMLNode? = nil) -> HTMLNode? {
    guard let start = start ?? root else { return nil }
    var found: HTMLNode?
    HTMLTreeWalk.walk(from: start) { node in
      if found != nil || !node.isElement { return false }
      if tag(of: node) == wanted {
        found = node
        return false
      }
      return true
    } leave: { _ in }
    return found
  }
}
