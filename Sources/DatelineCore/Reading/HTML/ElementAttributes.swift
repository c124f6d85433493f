import CLibXML2

/// The attributes of one element the page scan cares about, read in one pass over its attribute list.
struct ElementAttributes {
  var classes = ""
  var id = ""
  var itemprop = ""
  /// A `data-...id` attribute's value (`data-post-id`, `data-block-id`), pages' other way of naming a post.
  var dataID = ""
  /// A `data-` attribute holding a Unix epoch (`data-timestamp="1714572300000"`): a post's instant.
  var epoch: PostInstant?
  var hidden = false

  init(_ node: HTMLNode) {
    var attribute = node.pointer.pointee.properties
    while let current = attribute {
      attribute = current.pointee.next
      guard let name = current.pointee.name else { continue }
      switch name[0] {
      case UInt8(ascii: "c") where HTMLNode.equal(name, "class"): classes = Self.value(current)
      case UInt8(ascii: "i"):
        if HTMLNode.equal(name, "id") { id = Self.value(current) } else if HTMLNode.equal(name, "itemprop") { itemprop = Self.value(current) }
      case UInt8(ascii: "h") where HTMLNode.equal(name, "hidden"): hidden = true
      case UInt8(ascii: "a") where HTMLNode.equal(name, "aria-hidden"): hidden = hidden || Self.value(current).lowercased() == "true"
      case UInt8(ascii: "s") where HTMLNode.equal(name, "style"): hidden = hidden || HTMLVisibility.hidesElement(Self.value(current))
      case UInt8(ascii: "d") where name[1] == UInt8(ascii: "a") && name[2] == UInt8(ascii: "t") && name[3] == UInt8(ascii: "a") && name[4] == UInt8(ascii: "-"):
        let attributeName = String(cString: name)
        let value = Self.value(current)
        if epoch == nil, let instant = PostInstant(epoch: value) {
          epoch = instant
        } else if dataID.isEmpty, attributeName.hasSuffix("-id") || attributeName.hasSuffix("id") && attributeName.count <= 12,
          !value.isEmpty, value.utf8.count <= 64
        {
          dataID = value
        }
      default: break
      }
    }
  }

  /// The page's own id for the element: its `id`, else a `data-...id`.
  var pageID: String? {
    if !id.isEmpty { return id }
    return dataID.isEmpty ? nil : dataID
  }

  private static func value(_ attribute: xmlAttrPtr) -> String {
    var out = ""
    var child = attribute.pointee.children
    while let node = child {
      if let content = node.pointee.content { out += String(cString: content) }
      child = node.pointee.next
    }
    return out
  }
}
