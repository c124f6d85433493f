import DatelineCore
import DatelineFetch
import Foundation

/// The feeds a `subscribe` argument stands for: a feed (URL or file) is itself; a web page gives the feeds its
/// `<link rel="alternate">` elements name; anything else is a one-line error.
enum FeedLocator {
  static func feeds(at source: String, fetcher: PageFetcher) -> Result<[Outline], FeedReadError> {
    let bytes: [UInt8]
    let contentType: String?
    let url: String
    if PageFetcher.isURL(source) {
      switch fetcher.fetchNow(source) {
      case .failure(let error): return .failure(FeedReadError(error.description))
      case .success(.notModified): return .failure(FeedReadError("\(source): the server answered 304 to a plain request"))
      case .success(.page(let page)):
        bytes = page.bytes
        contentType = page.contentType
        url = page.finalURL.absoluteString
      }
    } else {
      guard let data = FileManager.default.contents(atPath: source) else { return .failure(FeedReadError("\(source): cannot read the file")) }
      bytes = Array(data)
      contentType = nil
      url = URL(fileURLWithPath: source).standardizedFileURL.path
    }
    switch InputFormatSniffer.format(bytes: bytes, contentType: contentType) {
    case .feed:
      switch FeedReading.read(bytes, contentType: contentType, baseURL: PageFetcher.isURL(source) ? url : nil) {
      case .success(.feed(let feed)):
        // Subscribed at the address given (a redirect may be temporary); a file by its absolute path.
        return .success([Outline(url: PageFetcher.isURL(source) ? source : url, title: feed.title, htmlURL: feed.link)])
      case .success(.outlines): return .failure(FeedReadError("\(source): an OPML list: use 'dateline import-opml'"))
      case .failure(let error): return .failure(FeedReadError("\(source): \(error.message)"))
      }
    case .opml:
      return .failure(FeedReadError("\(source): an OPML list: use 'dateline import-opml'"))
    case .html:
      let found = FeedDiscovery.feeds(inPage: bytes, contentType: contentType, url: PageFetcher.isURL(source) ? url : nil)
      return found.isEmpty ? .failure(FeedReadError("\(source): a web page that names no feed")) : .success(found)
    case .textCapture:
      return .failure(FeedReadError("\(source): not a feed"))
    }
  }
}
