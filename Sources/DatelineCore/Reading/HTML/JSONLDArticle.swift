import Foundation

/// The article a page describes in its JSON-LD (schema.org `NewsArticle`, `Article`, `LiveBlogPosting`, ...),
/// with the posts of a live blog (`liveBlogUpdate`). Pages write JSON-LD for search engines, so its headline
/// and dates are deliberate; but many list only the latest posts, and some give every post the page's time.
struct JSONLDArticle {
  struct Post {
    /// The post's `@id` or `url`, as given.
    var address: String?
    var headline: String?
    var articleBody: String?
    var datePublished: String?
  }

  var types: Set<String> = []
  var headline: String?
  var description: String?
  var articleBody: String?
  var url: String?
  var datePublished: String?
  var posts: [Post] = []

  var isLiveBlog: Bool { types.contains("liveblogposting") || !posts.isEmpty }

  /// Schema.org types that are an article (or a live blog) rather than a page, site or organisation.
  static let articleTypes: Set<String> = [
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting",
    "socialmediaposting", "report", "scholarlyarticle", "techarticle",
  ]

  /// The first article among the scripts' JSON-LD (a live blog preferred), or nil when there is none.
  init?(scripts: [String]) {
    var found: [[String: Any]] = []
    for script in scripts {
      guard let value = Self.parse(script) else { continue }
      Self.collectArticles(value, into: &found, depth: 0)
    }
    guard let chosen = found.first(where: { Self.types(of: $0).contains("liveblogposting") }) ?? found.first else {
      return nil
    }
    types = Self.types(of: chosen)
    headline = Self.string(chosen["headline"]) ?? Self.string(chosen["name"])
    description = Self.string(chosen["description"])
    articleBody = Self.string(chosen["articleBody"])
    url = Self.string(chosen["url"]) ?? Self.string(chosen["mainEntityOfPage"]) ?? Self.string(chosen["@id"])
    datePublished = Self.string(chosen["datePublished"])
    for update in Self.objects(chosen["liveBlogUpdate"]) {
      posts.append(
        Post(
          address: Self.string(update["url"]) ?? Self.string(update["@id"]),
          headline: Self.string(update["headline"]) ?? Self.string(update["name"]),
          articleBody: Self.string(update["articleBody"]) ?? Self.string(update["text"]),
          datePublished: Self.string(update["datePublished"]) ?? Self.string(update["dateCreated"])))
    }
  }

  /// The script's JSON, forgiving the wrappers pages put around it (HTML comments, CDATA markers).
  static func parse(_ script: String) -> Any? {
    var text = Substring(script)
    guard let start = text.firstIndex(where: { $0 == "{" || $0 == "[" }),
      let end = text.lastIndex(where: { $0 == "}" || $0 == "]" }), start < end
    else { return nil }
    text = text[start...end]
    return try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
  }

  /// Every article object in `value`: top level, in arrays, in `@graph`, in `mainEntity`.
  static func collectArticles(_ value: Any, into found: inout [[String: Any]], depth: Int) {
    guard depth < 8 else { return }
    if let array = value as? [Any] {
      for item in array { collectArticles(item, into: &found, depth: depth + 1) }
      return
    }
    guard let object = value as? [String: Any] else { return }
    if !types(of: object).isDisjoint(with: articleTypes) { found.append(object) }
    for key in ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"] {
      if let nested = object[key], !(nested is String) { collectArticles(nested, into: &found, depth: depth + 1) }
    }
  }

  /// `@type` in lower case, one or many.
  static func types(of object: [String: Any]) -> Set<String> {
    if let type = object["@type"] as? String { return [type.lowercased()] }
    if let types = object["@type"] as? [Any] { return Set(types.compactMap { ($0 as? String)?.lowercased() }) }
    return []
  }

  /// A string value, or the `@id`/`url` of an object given for one (`"mainEntityOfPage": {"@id": ...}`).
  static func string(_ value: Any?) -> String? {
    if let text = value as? String { return text.isEmpty ? nil : text }
    if let object = value as? [String: Any] { return string(object["@id"]) ?? string(object["url"]) }
    if let array = value as? [Any], let first = array.first { return string(first) }
    return nil
  }

  static func objects(_ value: Any?) -> [[String: Any]] {
    if let array = value as? [Any] { return array.compactMap { $0 as? [String: Any] } }
    if let object = value as? [String: Any] { return [object] }
    return []
  }
}
