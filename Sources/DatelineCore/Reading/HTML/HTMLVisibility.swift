/// Whether an element is hidden from readers of the page: pages hide menus, dialogs, duplicate mobile copies
/// and screen-reader or tracking text this way, and none of it is the article.
enum HTMLVisibility {
  static func isHidden(_ node: HTMLNode) -> Bool {
    var attribute = node.pointer.pointee.properties
    while let current = attribute {
      defer { attribute = current.pointee.next }
      guard let name = current.pointee.name else { continue }
      if HTMLNode.equal(name, "hidden") { return true }
      if HTMLNode.equal(name, "aria-hidden") {
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
      } else if HTMLNode.equal(name, "style") {
        if let style = node.attribute("style"), hidesElement(style) { return true }
      }
    }
    return false
  }

  /// `display: none` or `visibility: hidden` in an inline style.
  static func hidesElement(_ style: String) -> Bool {
    let compact = style.lowercased().filter { $0 != " " && $0 != "\t" && $0 != "\n" }
    return compact.contains("display:none") || compact.contains("visibility:hidden")
  }
}
