import XCTest

@testable import DatelineCore

/// Reads fixture text (written for these tests; fictional) as a feed or an OPML list.
enum FeedFixture {
  static func feed(
    _ text: String, contentType: String? = nil, baseURL: String? = nil, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> Feed {
    try feed(bytes: Array(text.utf8), contentType: contentType, baseURL: baseURL, file: file, line: line)
  }

  static func feed(
    bytes: [UInt8], contentType: String? = nil, baseURL: String? = nil, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> Feed {
    switch FeedReading.read(bytes, contentType: contentType, baseURL: baseURL) {
    case .success(.feed(let feed)): return feed
    case .success(.outlines): throw FeedReadError("an OPML list, not a feed")
    case .failure(let error): throw error
    }
  }

  static func outlines(_ text: String, baseURL: String? = nil) throws -> OutlineList {
    switch FeedReading.read(Array(text.utf8), baseURL: baseURL) {
    case .success(.outlines(let list)): return list
    case .success(.feed): throw FeedReadError("a feed, not an OPML list")
    case .failure(let error): throw error
    }
  }

  /// An RSS 2.0 document around `items` (and `channel` extras), with the usual namespaces declared.
  static func rss(_ items: String, channel: String = "<title>Harbour Gazette</title><link>http://gazette.example/</link>")
    -> String
  {
    """
    <?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
      xmlns:atom="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
      xmlns:xhtml="http://www.w3.org/1999/xhtml">
    <channel>\(channel)
    \(items)
    </channel>
    </rss>
    """
  }

  /// An Atom 1.0 document around `entries`.
  static func atom(_ entries: String, head: String = "<title>Lighthouse Log</title>", base: String = "") -> String {
    """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"\(base.isEmpty ? "" : " xml:base=\"\(base)\"")>\(head)
    \(entries)
    </feed>
    """
  }

  static func date(_ text: String) -> String? { FeedDate.parse(text).map(FeedDate.rfc3339) }
}
