import DatelineCore
import Foundation

// libFuzzer target for the plain-text capture reader (see FuzzHTML.swift for how it is built and run): any
// bytes give a story or a `CaptureReadError`, never a crash, a hang or a control character in the text.

private let reader = TextCaptureReader()

func fuzzText(_ bytes: [UInt8]) {
  if let story = try? reader.read(bytes: bytes, source: "fuzz.txt") {
    for (_, text) in story.textParts { requireClean(text) }
    _ = StoryJSON(story).encoded()
  }
  _ = try? StoryReader().read(InputDocument(bytes: bytes, source: "fuzz"))
}

func requireClean(_ text: String) {
  for scalar in text.unicodeScalars where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value) {
    fatalError("control character U+\(String(scalar.value, radix: 16)) in \(text.debugDescription)")
  }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  fuzzText(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
  return 0
}
#else
@main
struct FuzzTextReplay {
  static func main() {
    for path in CommandLine.arguments.dropFirst() {
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      fuzzText(Array(data))
    }
  }
}
#endif
