/// Byte tests eight at a time on a `UInt64` ("SIMD within a register"): the hot loops of reading run over
/// every byte of a capture, and most of those bytes are plain ASCII.
enum SWAR {
  /// The high bit of each byte of `word` that equals `byte`, exactly (no false positives across bytes).
  @inline(__always)
  static func bytesEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    return ~((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F | x) & 0x8080_8080_8080_8080
  }

  /// How many bytes of `marks` (which has only 0x80 bits) are marked: a multiply adds them up in the top
  /// byte, cheaper than a population count on processors without one.
  @inline(__always)
  static func countMarks(_ marks: UInt64) -> Int {
    Int(((marks >> 7) &* 0x0101_0101_0101_0101) >> 56)
  }
}
