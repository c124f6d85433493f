import Foundation

/// Fictional feeds for the feed benchmark, written to a folder so that other parsers (feedparser, through
/// `scripts/feedparser-bench`) can read the very same files: RSS 2.0, RSS 1.0, Atom and JSON Feed, each with
/// HTML summaries and full content as news sites publish them, a few entities and CDATA.
enum FeedBenchFixtures {
  /// Writes the fixtures into `directory` (created if needed) and returns their paths.
  static func write(to directory: URL, itemsPerFeed: Int) throws -> [URL] {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var paths: [URL] = []
    for (name, text) in [
      ("news-rss20.xml", rss(items: itemsPerFeed)), ("news-rss10.rdf", rdf(items: itemsPerFeed)),
      ("news-atom.xml", atom(items: itemsPerFeed)), ("news-feed.json", jsonFeed(items: itemsPerFeed)),
      ("small-rss20.xml", rss(items: 20)), ("small-atom.xml", atom(items: 20)),
    ] {
      let url = directory.appendingPathComponent(name)
      try Data(text.utf8).write(to: url)
      paths.append(url)
    }
    return paths
  }

  private static let words = [
    "harbour", "ferry", "council", "tide", "storm", "bridge", "market", "school", "river", "festival", "railway",
    "mayor", "lighthouse", "fishermen", "weather", "budget", "election", "museum", "library", "hospital", "coast",
    "village", "quay", "pier", "report", "inquiry", "residents", "plans", "delay", "repairs",
  ]

  private static func sentence(_ seed: Int, length: Int) -> String {
    var state = UInt64(truncatingIfNeeded: seed &* 2_654_435_761 &+ 12345)
    var out: [String] = []
    for _ in 0..<length {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      out.append(words[Int((state >> 33) % UInt64(words.count))])
    }
    let text = out.joined(separator: " ")
    return text.prefix(1).uppercased() + text.dropFirst()
  }

  private static func html(_ index: Int) -> String {
    (0..<6).map { "<p>\(sentence(index * 7 + $0, length: 40)) &amp; <a href=\"/x/\($0)\">more</a> &#8212; <em>\(sentence($0, length: 5))</em>.</p>" }
      .joined()
  }

  private static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  static func rss(items: Int) -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>Harbour Gazette</title><link>https://gazette.example/</link><description>News from the harbour</description>

      """
    for index in 0..<items {
      out += """
        <item><title>\(sentence(index, length: 8)) (\(index))</title><link>https://gazette.example/story/\(index)</link>
        <guid isPermaLink="false">gazette-\(index)</guid><pubDate>Tue, 0\(index % 9 + 1) Jan 2024 08:\(10 + index % 50):00 +0000</pubDate>
        <dc:creator>Reporter \(index % 17)</dc:creator><category>Local</category><category>Topic \(index % 5)</category>
        <description>\(escaped("<p>" + sentence(index + 1, length: 30) + "</p>"))</description>
        <content:encoded><![CDATA[\(html(index))]]></content:encoded></item>

        """
    }
    return out + "</channel></rss>\n"
  }

  static func rdf(items: Int) -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel rdf:about="https://tides.example/rss"><title>Tide Tables</title><link>https://tides.example/</link><description>High and low</description></channel>

      """
    for index in 0..<items {
      out += """
        <item rdf:about="https://tides.example/\(index)"><title>\(sentence(index, length: 8))</title><link>https://tides.example/\(index)</link>
        <dc:date>2024-02-\(String(format: "%02d", index % 28 + 1))T10:00:00Z</dc:date><dc:creator>Watcher \(index % 11)</dc:creator><dc:subject>tides</dc:subject>
        <description>\(escaped(sentence(index + 3, length: 30)))</description>
        <content:encoded>\(escaped(html(index)))</content:encoded></item>

        """
    }
    return out + "</rdf:RDF>\n"
  }

  static func atom(items: Int) -> String {
    var out = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://lighthouse.example/"><title>Lighthouse Log</title>
      <link href="https://lighthouse.example/"/><id>urn:lighthouse</id><updated>2024-03-01T00:00:00Z</updated>

      """
    for index in 0..<items {
      out += """
        <entry><id>urn:lighthouse:\(index)</id><title type="html">\(escaped(sentence(index, length: 8) + " <i>log</i>"))</title>
        <link rel="alternate" type="text/html" href="log/\(index)"/><published>2024-03-01T06:00:00+02:00</published><updated>2024-03-02T06:00:00Z</updated>
        <author><name>Keeper \(index % 7)</name></author><category term="log"/>
        <summary>\(escaped(sentence(index + 2, length: 30)))</summary>
        <content type="html">\(escaped(html(index)))</content></entry>

        """
    }
    return out + "</feed>\n"
  }

  static func jsonFeed(items: Int) -> String {
    func quoted(_ text: String) -> String {
      "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    var entries: [String] = []
    for index in 0..<items {
      entries.append(
        "{\"id\": \"\(index)\", \"url\": \"https://pier.example/\(index)\", \"title\": \(quoted(sentence(index, length: 8))), "
          + "\"summary\": \(quoted(sentence(index + 4, length: 30))), \"content_html\": \(quoted(html(index))), "
          + "\"date_published\": \"2024-04-01T10:00:00Z\", \"authors\": [{\"name\": \"Pia \(index % 5)\"}], \"tags\": [\"pier\"]}")
    }
    return "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Pier Notes\", \"home_page_url\": \"https://pier.example/\", \"items\": [\n"
      + entries.joined(separator: ",\n") + "]}\n"
  }
}
