import DatelineCore
import DatelineFetch
import Foundation

/// One input named on the command line, whatever it is: a file, `-`, or an http(s) URL (fetched, then read by
/// content like a file). The story's `source` is the name as given.
enum InputLoader {
  /// The story of `name` and the bytes it was read from; for a URL, also the page as fetched (its validators).
  static func read(_ name: String, with reader: StoryReader, fetcher: @autoclosure () -> PageFetcher) throws -> (
    story: Story, bytes: [UInt8], page: FetchedPage?
  ) {
    guard PageFetcher.isURL(name) else {
      let (story, bytes) = try reader.readWithBytes(path: name)
      return (story, bytes, nil)
    }
    let page: FetchedPage
    switch fetcher().fetchNow(name) {
    case .failure(let error): throw error
    case .success(.notModified): throw FetchError.network(url: name, detail: "the server answered 304 to a plain request")
    case .success(.page(let fetched)): page = fetched
    }
    return (try read(page, source: name, with: reader), page.bytes, page)
  }

  /// The story of a command-line source (the sample, a file or a URL), or nil after one line on stderr.
  static func story(_ source: CaptureLoader.Source, with reader: StoryReader, fetcher: PageFetcher) -> Story? {
    guard case .file(let name) = source, PageFetcher.isURL(name) else { return CaptureLoader.load(source, with: reader) }
    do {
      return try read(name, with: reader, fetcher: fetcher).story
    } catch {
      CaptureLoader.warn(String(describing: error))
      return nil
    }
  }

  /// A fetched page read by content (its Content-Type and URL passed on to the reader).
  static func read(_ page: FetchedPage, source: String, with reader: StoryReader) throws(CaptureReadError) -> Story {
    try reader.read(
      InputDocument(bytes: page.bytes, source: source, contentType: page.contentType, url: page.finalURL.absoluteString))
  }
}
