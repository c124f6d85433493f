import DatelineCore
import DatelineFuzzSupport
import Foundation

// libFuzzer target for the HTML reader: any bytes, read as a page the way `dateline parse` reads them, must
// give a story or a `CaptureReadError`, never a crash, a hang or a control character in the text. Built with
// `-DFUZZING` and `--sanitize=fuzzer` (see README), libFuzzer drives `LLVMFuzzerTestOneInput`; built plainly,
// the program replays the files named on its command line through the same check (a crash corpus, say).

private let reader = HTMLReader()

/// One input through the reader and the fragment converter.
func fuzzHTML(_ bytes: [UInt8]) {
  let document = InputDocument(bytes: bytes, source: "fuzz.html", contentType: bytes.first.map { $0 & 1 == 0 ? "text/html" : "text/html; charset=windows-1252" })
  if let story = try? reader.read(document) {
    for (_, text) in story.textParts { FuzzCheck.requireClean(text) }
  }
  let fragment = String(decoding: bytes.prefix(65_536), as: UTF8.self)
  FuzzCheck.requireClean(HTMLFragmentText.plainText(fromHTML: fragment))
  for paragraph in HTMLFragmentText.paragraphs(fromHTML: fragment) { FuzzCheck.requireClean(paragraph) }
  _ = InputFormatSniffer.format(bytes: bytes, contentType: nil)
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  fuzzHTML(FuzzCheck.bytes(data, size))
  return 0
}
#else
@main
struct FuzzHTMLReplay {
  static func main() { FuzzCheck.replay(CommandLine.arguments, through: fuzzHTML) }
}
#endif
