import DatelineCore
import DatelineFuzzSupport
import Foundation

// libFuzzer target for the feed and OPML readers: any bytes go through format recognition and whichever reader
// takes them (with and without an HTTP charset and a base URL, chosen by the first byte), then out through the
// JSON and text writers; a crash, a hang or a control character in any text is a finding. Built with
// `-DFUZZING` and `--sanitize=fuzzer` (README, "Fuzzing"), libFuzzer drives `LLVMFuzzerTestOneInput`; built
// plainly, the program replays the files named on its command line through the same check.

/// One input through the readers and writers.
func fuzzFeed(_ bytes: [UInt8]) {
  let selector = bytes.first ?? 0
  let contentType: String? =
    switch selector % 4 {
    case 0: nil
    case 1: "application/rss+xml; charset=iso-8859-1"
    case 2: "text/xml; charset=utf-16"
    default: "application/atom+xml; charset=x-unknown"
    }
  let baseURL: String? = selector & 0x10 == 0 ? nil : "http://fuzz.example/a/b/feed.xml"
  switch FeedReading.read(bytes, contentType: contentType, baseURL: baseURL) {
  case .success(.feed(let feed)):
    for text in [feed.title, feed.link, feed.subtitle].compactMap({ $0 }) { FuzzCheck.requireClean(text) }
    for item in feed.items {
      for text in [item.id, item.title, item.link, item.author, item.summary, item.content].compactMap({ $0 }) {
        FuzzCheck.requireClean(text)
      }
      for category in item.categories { FuzzCheck.requireClean(category) }
      _ = FeedStory.story(of: item, feedURL: "http://fuzz.example/feed")
    }
    _ = FeedJSON(source: "fuzz", document: .feed(feed)).encoded()
    _ = FeedTextOutput(.feed(feed)).rendered()
  case .success(.outlines(let list)):
    for outline in list.outlines {
      for text in [outline.url, outline.title, outline.htmlURL].compactMap({ $0 }) + outline.folder { FuzzCheck.requireClean(text) }
    }
    _ = FeedJSON(source: "fuzz", document: .outlines(list)).encoded()
    _ = OPMLWriter.document(title: "fuzz", outlines: list.outlines)
  case .failure(let error):
    _ = FeedJSON.failure(source: "fuzz", error: error).serialized()
  }
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzFeed(FuzzCheck.bytes(data, size))
    return 0
  }
#else
  @main
  struct FeedFuzzReplay {
    static func main() { FuzzCheck.replay(CommandLine.arguments, through: fuzzFeed) }
  }
#endif
