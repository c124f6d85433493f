/// One run of text of a page as a reader sees it: a paragraph, a heading, a list item, a quotation, a
/// picture caption. Made by `HTMLPageScan`, chosen from by the extractors.
struct HTMLBlock {
  enum Kind: Equatable {
    case paragraph
    case heading(level: Int)
    case listItem
    case quote
    case caption
    case preformatted
  }

  var kind: Kind
  var text: String
  /// The 1-based line of the page's source where the block's element starts.
  var line: Int
  /// Bytes of `text` that were link text: a block that is mostly links is navigation, not prose.
  var linkBytes: Int
  /// The preorder index (in `HTMLPageScan.elements`) of the element the text lies directly in.
  var element: Int
  /// The innermost element around the block that the hints call boilerplate, if any.
  var droppedBy: Int? = nil

  var byteCount: Int { text.utf8.count }
  var linkDensity: Double { byteCount == 0 ? 0 : Double(linkBytes) / Double(byteCount) }
  var isHeading: Bool { if case .heading = kind { true } else { false } }
}
