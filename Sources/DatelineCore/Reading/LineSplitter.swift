/// Splits UTF-8 bytes into `InputLine`s a piece at a time (LF, CRLF or a lone CR ends a line), so that a reader
/// can be done with one piece's lines before the next are made. It reads the bytes through a pointer: use it
/// only inside the `withUnsafeBufferPointer` (or similar) call that gave the pointer.
struct LineSplitter {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  /// The 1-based number the next line gets.
  private var number: Int
  /// Whether each line is checked to be valid UTF-8; without, bad bytes are repaired.
  private let validating: Bool

  init(_ bytes: UnsafeBufferPointer<UInt8>, firstNumber: Int = 1, validating: Bool) {
    self.bytes = bytes
    self.number = firstNumber
    self.validating = validating
  }

  var isAtEnd: Bool { position >= bytes.count }

  /// Appends the lines of the next `byteCount` bytes (rounded up to a whole line, so at least one line) to
  /// `lines`, leaving blank lines out unless `keepingBlank`: their numbers still count. False when validating
  /// and a line is not valid UTF-8.
  mutating func appendLines(to lines: inout [InputLine], byteCount: Int, keepingBlank: Bool) -> Bool {
    let count = bytes.count
    let stop = position + byteCount
    while position < count {
      let end = Self.nextLineEnd(bytes, from: position) ?? count
      let lineBytes = UnsafeBufferPointer(rebasing: bytes[position..<end])
      guard let line = InputLine.make(number: number, bytes: lineBytes, validating: validating) else { return false }
      if keepingBlank || !line.isBlank { lines.append(line) }
      number += 1
      position = end < count ? end + (bytes[end] == 0x0D && end + 1 < count && bytes[end + 1] == 0x0A ? 2 : 1) : count
      if position >= stop { break }
    }
    return true
  }

  /// The index of the next LF or CR at or after `start`, looking at eight bytes at a time.
  static func nextLineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    if let raw = buffer.baseAddress.map(UnsafeRawPointer.init) {
      while index + 8 <= buffer.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let ends = SWAR.bytesEqual(word, 0x0A) | SWAR.bytesEqual(word, 0x0D)
        if ends != 0 { return index + ends.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < buffer.count {
      if buffer[index] == 0x0A || buffer[index] == 0x0D { return index }
      index += 1
    }
    return nil
  }

  /// How many line ends `buffer` holds, counted as the splitter takes them (CRLF is one), eight bytes at a
  /// time: the number of lines before a point, for a splitter that starts there.
  static func lineEndCount(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
    var ends = 0
    var index = 0
    var previousWasCR = false
    if let raw = buffer.baseAddress.map(UnsafeRawPointer.init) {
      while index + 8 <= buffer.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let lf = SWAR.bytesEqual(word, 0x0A), cr = SWAR.bytesEqual(word, 0x0D)
        if lf | cr != 0 {
          // Every LF and CR ends a line, except a CR right before an LF (little-endian: the next byte is the
          // higher one), which ends it together with that LF. A CRLF split across two words has its CR
          // counted in the first, so its LF is taken back in the second.
          ends += SWAR.countMarks(lf) + SWAR.countMarks(cr & ~(lf >> 8))
          if previousWasCR && lf & 0x80 != 0 { ends -= 1 }
        }
        previousWasCR = cr >> 63 != 0
        index += 8
      }
    }
    while index < buffer.count {
      let byte = buffer[index]
      if byte == 0x0D || (byte == 0x0A && !previousWasCR) { ends += 1 }
      previousWasCR = byte == 0x0D
      index += 1
    }
    return ends
  }
}
