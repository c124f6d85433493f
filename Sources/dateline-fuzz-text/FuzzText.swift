import DatelineCore
import DatelineFuzzSupport
import Foundation

// libFuzzer target for the plain-text capture reader (see FuzzHTML.swift for how it is built and run): any
// bytes give a story or a `CaptureReadError`, never a crash, a hang or a control character in the text.

private let reader = TextCaptureReader()

func fuzzText(_ bytes: [UInt8]) {
  if let story = try? reader.read(bytes: bytes, source: "fuzz.txt") {
    for (_, text) in story.textParts { FuzzCheck.requireClean(text) }
    _ = StoryJSON(story).encoded()
  }
  _ = try? StoryReader().read(InputDocument(bytes: bytes, source: "fuzz"))
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  fuzzText(FuzzCheck.bytes(data, size))
  return 0
}
#else
@main
struct FuzzTextReplay {
  static func main() { FuzzCheck.replay(CommandLine.arguments, through: fuzzText) }
}
#endif
