import Foundation

/// JSON Feed 1.0 and 1.1 (Foundation's JSON parser): `title`, `home_page_url`, `description`, and the items'
/// `id` (a number is coerced to a string, as the spec asks), `url`, `title`, `content_html`/`content_text`,
/// `summary`, dates, `authors` (1.1) or `author` (1.0), `tags` and `attachments`. A field of the wrong type is
/// left out and named under `errors`; the rest of the feed is still read.
struct JSONFeedReader: FeedFormatReader {
  func recognises(_ input: FeedInput) -> Bool { input.firstSignificantByte == UInt8(ascii: "{") }

  func read(_ input: FeedInput) -> FeedDocument {
    var errors: [String] = []
    var bytes = input.bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
    } catch {
      return .feed(Feed(format: .jsonfeed, errors: ["not valid JSON: \(Self.describe(error))"]))
    }
    guard let top = object as? [String: Any] else {
      return .feed(Feed(format: .jsonfeed, errors: ["not a JSON Feed: the top level is not an object"]))
    }
    var fields = JSONFields(top, path: "", errors: errors)
    if let version = fields.string("version") {
      if !version.contains("jsonfeed.org/version/") { fields.errors.append("unknown JSON Feed version '\(version)'") }
    } else if top["version"] == nil {
      fields.errors.append("no JSON Feed version")
    }
    let feedURL = fields.string("feed_url")
    let base = input.baseURL ?? feedURL
    var feed = Feed(format: .jsonfeed)
    feed.title = fields.string("title").flatMap(FeedText.collapsed)
    feed.link = fields.string("home_page_url").flatMap { FeedURL.resolve($0, against: base) }
    feed.subtitle = fields.string("description").flatMap(FeedText.collapsed)
    let itemBase = base ?? feed.link
    let fragments = HTMLFragmentParser()
    if let items = fields.array("items") {
      for (index, value) in items.enumerated() {
        guard let item = value as? [String: Any] else {
          fields.errors.append("items[\(index)] is not an object")
          continue
        }
        var itemFields = JSONFields(item, path: "items[\(index)].", errors: fields.errors)
        feed.items.append(Self.item(&itemFields, base: itemBase, fragments: fragments))
        fields.errors = itemFields.errors
      }
    } else if top["items"] == nil {
      fields.errors.append("no items")
    }
    errors = fields.errors
    feed.errors = errors
    return .feed(feed)
  }

  private static func item(_ fields: inout JSONFields, base: String?, fragments: HTMLFragmentParser) -> FeedItem {
    let title = fields.string("title").flatMap(FeedText.collapsed)
    let link = fields.string("url").flatMap { FeedURL.resolve($0, against: base) }
    let published = fields.string("date_published").flatMap(FeedDate.parse)
    let updated = fields.string("date_modified").flatMap(FeedDate.parse)
    let summaryMarkup = fields.string("summary").map(FeedMarkup.text).flatMap { $0.isBlank ? nil : $0 }
    let html = fields.string("content_html").map(FeedMarkup.html).flatMap { $0.isBlank ? nil : $0 }
    let text = fields.string("content_text").map(FeedMarkup.text).flatMap { $0.isBlank ? nil : $0 }
    let contentMarkup = html ?? text
    let summary = summaryMarkup?.plainText(using: fragments)
    let content = contentMarkup?.plainText(using: fragments)
    var author: String?
    if let authors = fields.array("authors") {
      author = authors.lazy.compactMap { ($0 as? [String: Any])?["name"] as? String }.compactMap(FeedText.collapsed)
        .first
    }
    if author == nil, let single = fields.object("author") {
      author = (single["name"] as? String).flatMap(FeedText.collapsed)
    }
    var categories: [String] = []
    for tag in fields.array("tags") ?? [] {
      guard let text = (tag as? String).flatMap(FeedText.collapsed), !categories.contains(text) else { continue }
      categories.append(text)
    }
    var enclosures: [FeedEnclosure] = []
    for (index, value) in (fields.array("attachments") ?? []).enumerated() {
      guard let attachment = value as? [String: Any], let url = (attachment["url"] as? String).flatMap({
        FeedURL.resolve($0, against: base)
      })
      else {
        fields.errors.append("\(fields.path)attachments[\(index)] has no url")
        continue
      }
      let size = (attachment["size_in_bytes"] as? NSNumber).flatMap { number -> Int? in
        let value = number.doubleValue
        return value >= 0 && value < 9e15 && value == value.rounded() ? Int(value) : nil
      }
      enclosures.append(
        FeedEnclosure(url: url, type: (attachment["mime_type"] as? String).flatMap(FeedText.collapsed), length: size))
    }
    let id: String
    if let text = fields.string("id", coerceNumbers: true).flatMap(FeedText.collapsed) {
      id = text
    } else {
      id = FeedItemID.hash(
        link: link, title: title, published: published.map(FeedDate.rfc3339), text: summary ?? content)
    }
    return FeedItem(
      id: id, title: title, link: link, published: published, updated: updated, author: author, summary: summary,
      content: content, summaryMarkup: summaryMarkup, contentMarkup: contentMarkup, enclosures: enclosures,
      categories: categories)
  }

  private static func describe(_ error: Error) -> String {
    let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    return FeedText.collapsed(text) ?? "unreadable"
  }
}

/// Typed access to one JSON object's members: a member of the wrong type reads as absent and is noted.
struct JSONFields {
  let object: [String: Any]
  let path: String
  var errors: [String]

  init(_ object: [String: Any], path: String, errors: [String]) {
    self.object = object
    self.path = path
    self.errors = errors
  }

  mutating func string(_ key: String, coerceNumbers: Bool = false) -> String? {
    guard let value = object[key], !(value is NSNull) else { return nil }
    if let text = value as? String { return text }
    if coerceNumbers, let number = value as? NSNumber { return number.stringValue }
    note(key, expected: "a string")
    return nil
  }

  mutating func array(_ key: String) -> [Any]? {
    guard let value = object[key], !(value is NSNull) else { return nil }
    if let array = value as? [Any] { return array }
    note(key, expected: "an array")
    return nil
  }

  mutating func object(_ key: String) -> [String: Any]? {
    guard let value = object[key], !(value is NSNull) else { return nil }
    if let object = value as? [String: Any] { return object }
    note(key, expected: "an object")
    return nil
  }

  private mutating func note(_ key: String, expected: String) {
    if errors.count < 50 { errors.append("\(path)\(key) is not \(expected)") }
  }
}
