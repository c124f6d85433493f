/// OPML 1.0 and 2.0 subscription lists: every outline with an `xmlUrl` is a subscription (its title from
/// `text`, else `title`; its web page from `htmlUrl`); the outlines around it without one are its folders.
/// Attribute names are matched without regard to case (`xmlURL`, `xmlurl` occur).
struct OPMLReader: FeedFormatReader {
  func recognises(_ input: FeedInput) -> Bool {
    guard input.firstSignificantByte != UInt8(ascii: "{"), let xml = input.xml else { return false }
    return xml.root.localName.lowercased() == "opml"
  }

  func read(_ input: FeedInput) -> FeedDocument {
    guard let xml = input.xml else { return .outlines(OutlineList(errors: ["no XML element found"])) }
    let context = FeedXMLContext(document: xml.document, baseURL: input.baseURL, core: [""])
    var list = OutlineList()
    for section in xml.root.children {
      switch section.localName.lowercased() {
      case "head":
        for child in section.children where child.localName.lowercased() == "title" {
          if list.title == nil { list.title = context.rawText(child).flatMap(FeedText.collapsed) }
        }
      case "body":
        collect(section, folder: [], context: context, into: &list.outlines)
      default:
        break
      }
    }
    list.errors = xml.errors + xml.document.expansionErrors
    return .outlines(list)
  }

  private func collect(_ parent: XMLNodeRef, folder: [String], context: FeedXMLContext, into outlines: inout [Outline]) {
    for child in parent.children where child.localName.lowercased() == "outline" {
      let text = Self.attribute(child, "text").flatMap(FeedText.collapsed)
      let title = Self.attribute(child, "title").flatMap(FeedText.collapsed)
      if let url = Self.attribute(child, "xmlUrl").flatMap({ context.url($0, at: child) }) {
        let html = Self.attribute(child, "htmlUrl").flatMap { context.url($0, at: child) }
        outlines.append(Outline(url: url, title: text ?? title, htmlURL: html, folder: folder))
        // A subscription holding outlines is odd but seen: its children keep the same folder.
        collect(child, folder: folder, context: context, into: &outlines)
      } else {
        let name = text ?? title
        collect(child, folder: name.map { folder + [$0] } ?? folder, context: context, into: &outlines)
      }
    }
  }

  private static func attribute(_ element: XMLNodeRef, _ name: String) -> String? {
    element.attribute(name) ?? element.attribute(name.lowercased()) ?? element.attributeIgnoringCase(name)
  }
}
