import Foundation

/// What the libFuzzer targets share: the check that text is safe to print, and the replay of files when a target
/// is built without `-DFUZZING` (an ordinary program then, to re-run a crash corpus through the same checks).
public enum FuzzCheck {
  /// Stops the run (a finding for libFuzzer) when text holds what must never reach a terminal: C0 and C1 controls
  /// (ESC among them) and bidirectional overrides. Ids and URLs are printed too, so they are checked like text.
  public static func requireClean(_ text: String) {
    for scalar in text.unicodeScalars
    where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value) {
      fatalError("control character U+\(String(scalar.value, radix: 16)) in \(text.debugDescription)")
    }
  }

  /// Feeds every file named in `arguments` (the program's name first) to `check`; a file that cannot be read is
  /// one line on standard error.
  public static func replay(_ arguments: [String], through check: ([UInt8]) -> Void) {
    let tool = arguments.first.map { ($0 as NSString).lastPathComponent } ?? "fuzz"
    for path in arguments.dropFirst() {
      guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("\(tool): cannot read \(path)\n".utf8))
        continue
      }
      check(Array(data))
    }
  }

  /// The bytes libFuzzer hands to `LLVMFuzzerTestOneInput`.
  public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  }
}
