import CLibXML2

/// Read-only access to one node of a libxml2 tree. The tree belongs to its `HTMLDocument`, which must outlive
/// every `HTMLNode` taken from it.
struct HTMLNode {
  let pointer: xmlNodePtr

  init(_ pointer: xmlNodePtr) { self.pointer = pointer }

  var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
  var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

  var firstChild: HTMLNode? { pointer.pointee.children.map(HTMLNode.init) }
  var next: HTMLNode? { pointer.pointee.next.map(HTMLNode.init) }
  var parent: HTMLNode? { pointer.pointee.parent.map(HTMLNode.init) }

  /// The element's name as libxml2 gives it (lower case for HTML).
  var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

  /// The 1-based input line the node starts on, as libxml2 counted it.
  var line: Int { Int(xml2_xmlGetLineNo(pointer)) }

  /// The value of the attribute `name` (lower case), or nil when the element has none. Entities in the value
  /// are already decoded by the parser.
  func attribute(_ name: String) -> String? {
    var attribute = pointer.pointee.properties
    while let current = attribute {
      if let attributeName = current.pointee.name, Self.equal(attributeName, name) {
        return Self.text(of: current.pointee.children)
      }
      attribute = current.pointee.next
    }
    return nil
  }

  /// Whether the element has the attribute `name` at all (`hidden`, `itemscope`).
  func hasAttribute(_ name: String) -> Bool {
    var attribute = pointer.pointee.properties
    while let current = attribute {
      if let attributeName = current.pointee.name, Self.equal(attributeName, name) { return true }
      attribute = current.pointee.next
    }
    return false
  }

  /// Every attribute's name and value, in document order.
  var attributes: [(name: String, value: String)] {
    var result: [(String, String)] = []
    var attribute = pointer.pointee.properties
    while let current = attribute {
      if let name = current.pointee.name { result.append((String(cString: name), Self.text(of: current.pointee.children))) }
      attribute = current.pointee.next
    }
    return result
  }

  /// The raw text of a text node (no decoding needed: libxml2 decoded entities).
  var content: UnsafeMutablePointer<xmlChar>? { pointer.pointee.content }

  /// All text under the node, concatenated as it is (for scripts such as JSON-LD, whose text is one node).
  var allText: String {
    if isText { return content.map { String(cString: $0) } ?? "" }
    var out = ""
    HTMLTreeWalk.walk(from: self) { node in
      if node.isText, let content = node.content { out += String(cString: content) }
      return true
    } leave: { _ in }
    return out
  }

  private static func text(of children: xmlNodePtr?) -> String {
    var out = ""
    var child = children
    while let node = child {
      if let content = node.pointee.content { out += String(cString: content) }
      child = node.pointee.next
    }
    return out
  }

  /// Whether the C string `a` equals `b` (ASCII names).
  static func equal(_ a: UnsafePointer<xmlChar>, _ b: String) -> Bool {
    var index = 0
    for byte in b.utf8 {
      if a[index] != byte { return false }
      index += 1
    }
    return a[index] == 0
  }
}
