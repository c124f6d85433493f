/// The HTML elements the readers treat specially; every other element is `.other`. libxml2's HTML parser
/// gives element names in lower case.
enum HTMLTag: UInt8 {
  case other
  case html, head, body, title, meta, link, base
  case script, style, template, noscript, svg, math, iframe, object, embed, canvas, video, audio, map
  case form, button, input, select, textarea, option, label, dialog
  case nav, header, footer, aside, main, article, section, div, span, address, details, summary, hgroup
  case p, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, blockquote, figure, figcaption, pre, hr, br
  case table, caption, thead, tbody, tfoot, tr, td, th
  case a, time, img, picture, source, b, strong, em, i, cite, q, sup, sub

  init(name: String) {
    switch name {
    case "html": self = .html
    case "head": self = .head
    case "body": self = .body
    case "title": self = .title
    case "meta": self = .meta
    case "link": self = .link
    case "base": self = .base
    case "script": self = .script
    case "style": self = .style
    case "template": self = .template
    case "noscript": self = .noscript
    case "svg": self = .svg
    case "math": self = .math
    case "iframe": self = .iframe
    case "object": self = .object
    case "embed": self = .embed
    case "canvas": self = .canvas
    case "video": self = .video
    case "audio": self = .audio
    case "map": self = .map
    case "form": self = .form
    case "button": self = .button
    case "input": self = .input
    case "select": self = .select
    case "textarea": self = .textarea
    case "option": self = .option
    case "label": self = .label
    case "dialog": self = .dialog
    case "nav": self = .nav
    case "header": self = .header
    case "footer": self = .footer
    case "aside": self = .aside
    case "main": self = .main
    case "article": self = .article
    case "section": self = .section
    case "div": self = .div
    case "span": self = .span
    case "address": self = .address
    case "details": self = .details
    case "summary": self = .summary
    case "hgroup": self = .hgroup
    case "p": self = .p
    case "h1": self = .h1
    case "h2": self = .h2
    case "h3": self = .h3
    case "h4": self = .h4
    case "h5": self = .h5
    case "h6": self = .h6
    case "ul": self = .ul
    case "ol": self = .ol
    case "li": self = .li
    case "dl": self = .dl
    case "dt": self = .dt
    case "dd": self = .dd
    case "blockquote": self = .blockquote
    case "figure": self = .figure
    case "figcaption": self = .figcaption
    case "pre": self = .pre
    case "hr": self = .hr
    case "br": self = .br
    case "table": self = .table
    case "caption": self = .caption
    case "thead": self = .thead
    case "tbody": self = .tbody
    case "tfoot": self = .tfoot
    case "tr": self = .tr
    case "td": self = .td
    case "th": self = .th
    case "a": self = .a
    case "time": self = .time
    case "img": self = .img
    case "picture": self = .picture
    case "source": self = .source
    case "b": self = .b
    case "strong": self = .strong
    case "em": self = .em
    case "i": self = .i
    case "cite": self = .cite
    case "q": self = .q
    case "sup": self = .sup
    case "sub": self = .sub
    default: self = .other
    }
  }

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
