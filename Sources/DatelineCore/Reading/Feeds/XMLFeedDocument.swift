import CLibXML2
import Foundation

/// A feed or OPML document parsed by libxml2, safely: recover mode reads an ill-formed document as far as it
/// goes; no external entity or DTD is ever loaded (no `XML_PARSE_NOENT`, no `XML_PARSE_DTDLOAD`,
/// `XML_PARSE_NONET`); internal entities are expanded by us within a budget, so a billion-laughs document costs
/// at most that budget. The parser's complaints are kept as `errors`.
final class XMLFeedDocument {
  private let document: xmlDocPtr
  /// The parser's problems, one line each (the first few; then a count).
  let errors: [String]
  /// Problems met after parsing, while expanding entities.
  private(set) var expansionErrors: [String] = []
  /// Characters still allowed from entity expansion in this document.
  private var expansionBudget = 1 << 22

  static let parseOptions = Int32(
    XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_IGNORE_ENC.rawValue)

  /// The parse options for a document of `count` bytes: a large feed (over 8 MB; its lines or text nodes may pass
  /// libxml2's 10 MB limits) is parsed with `XML_PARSE_HUGE`. Small documents keep every limit, so a
  /// billion-laughs document, which is small, meets all of libxml2's own defences as well as our budget.
  static func options(forBytes count: Int) -> Int32 {
    count > 8 << 20 ? parseOptions | Int32(XML_PARSE_HUGE.rawValue) : parseOptions
  }

  /// Parses UTF-8 text (declaration already removed); nil when libxml2 could build no tree at all.
  init?(utf8 text: ArraySlice<UInt8>, url: String?) {
    guard let context = xml2_xmlNewParserCtxt() else { return nil }
    defer { xml2_xmlFreeParserCtxt(context) }
    let collector = ParseErrorCollector()
    let retained = Unmanaged.passRetained(collector)
    defer { retained.release() }
    context.pointee._private = retained.toOpaque()
    context.pointee.sax.pointee.serror = { userData, error in
      guard let userData, let error else { return }
      let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
      guard let box = context.pointee._private else { return }
      Unmanaged<ParseErrorCollector>.fromOpaque(box).takeUnretainedValue().add(error.pointee)
    }
    let parsed: xmlDocPtr? = text.withUnsafeBufferPointer { buffer in
      let encoding = XMLInputEncoding.label(forUTF8: buffer)
      return buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
          xml2_xmlCtxtReadMemory(
            context, pointer, Int32(clamping: buffer.count), url, encoding, Self.options(forBytes: buffer.count))
        }
      }
    }
    guard let parsed else { return nil }
    document = parsed
    errors = collector.lines
  }

  deinit { xml2_xmlFreeDoc(document) }

  var root: XMLNodeRef? { xml2_xmlDocGetRootElement(document).map(XMLNodeRef.init) }

  /// The text of `node`: its text and CDATA, its descendants' text, internal entities expanded (within the
  /// document's budget).
  func text(of node: XMLNodeRef) -> String {
    // Most elements hold one text or CDATA node: its text is made into a string straight away.
    if let only = node.node.pointee.children, only.pointee.next == nil {
      switch only.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return only.pointee.content.map { String(cString: $0) } ?? ""
      default: break
      }
    }
    var bytes: [UInt8] = []
    appendText(of: node.node.pointee.children, into: &bytes, depth: 0)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The markup inside `node` (its children serialised), for text that carries HTML or XHTML as elements.
  func innerMarkup(of node: XMLNodeRef) -> String {
    guard let buffer = xml2_xmlBufferCreate() else { return "" }
    defer { xml2_xmlBufferFree(buffer) }
    var child = node.node.pointee.children
    while let current = child {
      xml2_xmlNodeDump(buffer, document, current, 0, 0)
      child = current.pointee.next
    }
    guard let content = xml2_xmlBufferContent(buffer) else { return "" }
    return String(cString: content)
  }

  private func appendText(of first: xmlNodePtr?, into bytes: inout [UInt8], depth: Int) {
    var child = first
    while let node = child {
      switch node.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = node.pointee.content {
          bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xml2_xmlStrlen(content))))
        }
      case XML_ELEMENT_NODE:
        appendText(of: node.pointee.children, into: &bytes, depth: depth)
      case XML_ENTITY_REF_NODE:
        appendEntity(node, into: &bytes, depth: depth)
      default:
        break
      }
      child = node.pointee.next
    }
  }

  /// An internal entity's replacement, nested references included, until the budget or depth runs out.
  private func appendEntity(_ reference: xmlNodePtr, into bytes: inout [UInt8], depth: Int) {
    guard depth < 8, let declaration = reference.pointee.children, declaration.pointee.type == XML_ENTITY_DECL else {
      return
    }
    let entity = UnsafeMutableRawPointer(declaration).assumingMemoryBound(to: xmlEntity.self)
    guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY else { return }  // external ones are never read
    let before = bytes.count
    appendText(of: entity.pointee.children, into: &bytes, depth: depth + 1)
    let added = bytes.count - before
    if added > expansionBudget {
      bytes.removeSubrange((before + max(0, expansionBudget))...)
      if expansionBudget > 0 { expansionErrors.append("entity expansion stopped at its limit") }
      expansionBudget = 0
    } else {
      expansionBudget -= added
    }
  }
}

/// Gathers libxml2's structured errors during one parse.
private final class ParseErrorCollector {
  private(set) var lines: [String] = []
  private var dropped = 0

  func add(_ error: xmlError) {
    // Warnings (a relative namespace URI, say) are not problems of the document.
    guard error.level != XML_ERR_WARNING else { return }
    guard lines.count < 8 else {
      dropped += 1
      if dropped == 1 { lines.append("more errors not listed") }
      return
    }
    let message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
    let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
    lines.append(error.line > 0 ? "line \(error.line): \(trimmed)" : trimmed)
  }
}
