import CLibXML2

/// One element of a libxml2 tree, looked at without copying: its name and namespace, attributes and element
/// children. Valid while its `XMLFeedDocument` lives.
struct XMLNodeRef {
  let node: xmlNodePtr

  /// The local name (`encoded` for `content:encoded`). An undeclared prefix stays in it (`dc:creator`).
  var localName: String { node.pointee.name.map { String(cString: $0) } ?? "" }

  var namespaceURI: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }

  /// Element children in document order, walked as they are asked for (no array is made).
  var children: XMLElementChildren { XMLElementChildren(first: node.pointee.children) }

  var hasElementChildren: Bool {
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { return true }
      child = current.pointee.next
    }
    return false
  }

  /// The value of an attribute by local name (any namespace unless one is given), entities left as written.
  func attribute(_ name: String, namespace: String? = nil) -> String? {
    var property = node.pointee.properties
    while let current = property {
      if let attributeName = current.pointee.name, Self.equal(attributeName, name) {
        let attributeNamespace = current.pointee.ns?.pointee.href.map { String(cString: $0) }
        if namespace == nil || attributeNamespace == namespace {
          return Self.text(of: current.pointee.children)
        }
      }
      property = current.pointee.next
    }
    return nil
  }

  /// `xml:base` on this element, if any.
  var xmlBase: String? { attribute("base", namespace: "http://www.w3.org/XML/1998/namespace") }

  private static func text(of first: xmlNodePtr?) -> String {
    var bytes: [UInt8] = []
    var child = first
    while let node = child {
      if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content {
        bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xml2_xmlStrlen(content))))
      }
      child = node.pointee.next
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func equal(_ lhs: UnsafePointer<xmlChar>, _ rhs: String) -> Bool {
    rhs.withCString { right in
      xml2_xmlStrEqual(lhs, UnsafeRawPointer(right).assumingMemoryBound(to: xmlChar.self)) == 1
    }
  }
}

/// The element children of a node, in document order, found by following the sibling links.
struct XMLElementChildren: Sequence {
  let first: xmlNodePtr?

  struct Iterator: IteratorProtocol {
    var upcoming: xmlNodePtr?

    mutating func next() -> XMLNodeRef? {
      while let current = upcoming {
        upcoming = current.pointee.next
        if current.pointee.type == XML_ELEMENT_NODE { return XMLNodeRef(node: current) }
      }
      return nil
    }
  }

  func makeIterator() -> Iterator { Iterator(upcoming: first) }
}

extension XMLNodeRef {
  /// An attribute whose name matches `name` without regard to ASCII case.
  func attributeIgnoringCase(_ name: String) -> String? {
    let wanted = name.lowercased()
    var property = node.pointee.properties
    while let current = property {
      if let attributeName = current.pointee.name, String(cString: attributeName).lowercased() == wanted {
        return attribute(String(cString: attributeName))
      }
      property = current.pointee.next
    }
    return nil
  }
}
