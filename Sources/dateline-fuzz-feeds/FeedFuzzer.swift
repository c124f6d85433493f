import DatelineCore
import Foundation

/// libFuzzer target for the feed and OPML readers: every input goes through format recognition and whichever
/// reader takes it, with and without a Content-Type charset and a base URL, and out through the JSON writer.
/// Build and run (see README): `swift build -c release --sanitize=fuzzer --product dateline-fuzz-feeds
/// -Xswiftc -DFUZZING`, then `.build/release/dateline-fuzz-feeds -runs=1000000 CORPUS`.
/// Built normally (no `FUZZING`), it is a replayer: `dateline-fuzz-feeds FILE...` runs each file once.
@_cdecl("LLVMFuzzerTestOneInput")
public func feedFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  FeedFuzzCase.run(bytes)
  return 0
}

enum FeedFuzzCase {
  static func run(_ bytes: [UInt8]) {
    // The first byte, when there is one, picks the circumstances the bytes arrive in.
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
    case .success(let document):
      _ = FeedJSON(source: "fuzz", document: document).encoded()
      _ = FeedTextOutput(document).rendered()
    case .failure(let error):
      _ = FeedJSON.failure(source: "fuzz", error: error).serialized()
    }
  }
}

#if !FUZZING
  @main
  struct FeedFuzzReplay {
    static func main() {
      for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("dateline-fuzz-feeds: cannot read \(path)\n".utf8))
          continue
        }
        FeedFuzzCase.run(Array(data))
        print("ok \(path)")
      }
    }
  }
#endif
