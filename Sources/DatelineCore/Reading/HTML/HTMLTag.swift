/// The HTML elements the readers treat specially; every other element is `.other`. libxml2's HTML parser
/// gives element names in lower case.
enum HTMLTag: UInt8, CaseIterable {
  case other
  case html, head, body, title, meta, link, base
  case script, style, template, noscript, svg, math, iframe, object, embed, canvas, video, audio, map
  case form, button, input, select, textarea, option, label, dialog
  case nav, header, footer, aside, main, article, section, div, span, address, details, summary, hgroup
  case p, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, blockquote, figure, figcaption, pre, hr, br
  case table, caption, thead, tbody, tfoot, tr, td, th
  case a, time, img, picture, source, b, strong, em, i, cite, q, sup, sub

  init(name: String) {
    self = Self.byName[name] ?? .other
  }

  /// Each case by its element name (the case names are the element names), built once per process: one hash
  /// lookup per distinct name of a page instead of a chain of string comparisons.
  private static let byName: [String: HTMLTag] = Dictionary(
    uniqueKeysWithValues: allCases.filter { $0 != .other }.map { (String(describing: $0), $0) })

  /// Elements whose content is never text a reader sees: code, styling, media players, form controls.
  var isNeverText: Bool {
    switch self {
    case .head, .script, .style, .template, .noscript, .svg, .math, .iframe, .object, .embed, .canvas, .video,
      .audio, .map, .button, .input, .select, .textarea, .option, .dialog:
      true
    default: false
    }
  }

  /// Elements that break the flow of text: words on either side never run together.
  var isBlock: Bool {
    switch self {
    case .html, .body, .nav, .header, .footer, .aside, .main, .article, .section, .div, .address, .details,
      .summary, .hgroup, .p, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd, .blockquote, .figure,
      .figcaption, .pre, .hr, .br, .table, .caption, .thead, .tbody, .tfoot, .tr, .td, .th, .form, .title:
      true
    default: false
    }
  }

  /// The heading level, 1 to 6, of `h1`...`h6`.
  var headingLevel: Int? {
    switch self {
    case .h1: 1
    case .h2: 2
    case .h3: 3
    case .h4: 4
    case .h5: 5
    case .h6: 6
    default: nil
    }
  }
}
