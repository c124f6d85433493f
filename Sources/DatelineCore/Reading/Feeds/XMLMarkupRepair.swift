import CLibXML2
import Foundation

/// Makes the entity references of a feed safe for a strict XML parser before it sees them. Feeds use HTML's
/// named entities (`&uuml;`, `&nbsp;`) that no DTD declares, and bare ampersands; XML parsers give up on both.
/// HTML entities become numeric references, unknown names and bare ampersands become literal text, and
/// numeric references to Windows-1252's 0x80–0x9F become the characters meant. The predefined XML entities and
/// those the document declares in its internal subset are left for the parser. CDATA sections, comments and
/// the DOCTYPE are copied as they are. A `<` that cannot open a tag (`1 < 2`) becomes `&lt;`.
struct XMLMarkupRepair {
  /// The repaired text: the input itself (not copied) when nothing needed repair, as in most feeds.
  var text: ArraySlice<UInt8>
  /// Names of undeclared entities met (each once, in order), and whether bare ampersands were.
  var undeclared: [String] = []
  var bareAmpersands = 0
  var bareLessThans = 0

  init(_ input: ArraySlice<UInt8>) {
    var repaired: [UInt8]?
    var undeclared: [String] = []
    var bareAmpersands = 0
    var bareLessThans = 0
    input.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let count = buffer.count
      let declared = Self.declaredEntities(buffer)
      var seen = Set<String>()
      // The output is made only at the first change: up to there it is the input. `copied` is where the input
      // not yet in `out` starts.
      var out: [UInt8] = []
      var changed = false
      var copied = 0
      func replace(_ range: Range<Int>, with bytes: some Sequence<UInt8>) {
        if !changed {
          changed = true
          out.reserveCapacity(count + 64)
        }
        out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: range.lowerBound - copied))
        out.append(contentsOf: bytes)
        copied = range.upperBound
      }
      var index = 0
      while index < count {
        // Text up to the next '<' or '&' needs nothing.
        index = Self.nextMarkup(buffer, from: index)
        guard index < count else { break }
        let byte = base[index]
        if byte == UInt8(ascii: "<") {
          // Sections whose ampersands are not references: left whole (each opens with `<!` or `<?`).
          let second = index + 1 < count ? base[index + 1] : 0
          if second == UInt8(ascii: "!") || second == UInt8(ascii: "?"), let end = Self.endOfSection(buffer, at: index) {
            index = end
            continue
          }
          let next = index + 1 < count ? base[index + 1] : 0x20
          if !Self.canOpenMarkup(next) {
            bareLessThans += 1
            replace(index..<(index + 1), with: "&lt;".utf8)
          }
          index += 1
          continue
        }
        let reference = Self.reference(buffer, at: index)
        switch reference {
        case .numeric(let value, let length):
          if (0x80...0x9F).contains(value) {
            replace(index..<(index + length), with: "&#\(FeedBytes.windows1252Scalar(UInt8(value)));".utf8)
          } else if !Self.isXMLChar(value) {
            replace(index..<(index + 1), with: "&amp;".utf8)
          }
          index += length
        case .named(let nameRange, let length):
          // The predefined five (escaped HTML is full of `&lt;` and `&gt;`) are told by their bytes.
          if Self.isPredefined(UnsafeBufferPointer(rebasing: buffer[nameRange])) {
            index += length
            continue
          }
          let name = String(decoding: UnsafeBufferPointer(rebasing: buffer[nameRange]), as: UTF8.self)
          if !declared.contains(name) {
            if seen.insert(name).inserted { undeclared.append(name) }
            if let value = Self.htmlEntity(name) {
              replace(index..<(index + length), with: "&#\(value);".utf8)
            } else {
              replace(index..<(index + 1), with: "&amp;".utf8)
            }
          }
          index += length
        case .bare:
          bareAmpersands += 1
          replace(index..<(index + 1), with: "&amp;".utf8)
          index += 1
        }
      }
      if changed {
        out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: count - copied))
        repaired = out
      }
    }
    text = repaired.map { $0[...] } ?? input
    self.undeclared = undeclared
    self.bareAmpersands = bareAmpersands
    self.bareLessThans = bareLessThans
  }

  /// The index of the next `<` or `&` at or after `start`, or the end: eight bytes at a time.
  private static func nextMarkup(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = bytes.baseAddress else { return start }
    let count = bytes.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    var index = start
    while index + 8 <= count {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      let lessThan = word ^ (ones &* 0x3C)
      let ampersand = word ^ (ones &* 0x26)
      // A zero byte in either marks a hit (exact as to whether there is one).
      if ((lessThan &- ones) & ~lessThan & high) | ((ampersand &- ones) & ~ampersand & high) != 0 { break }
      index += 8
    }
    while index < count, base[index] != UInt8(ascii: "<"), base[index] != UInt8(ascii: "&") { index += 1 }
    return index
  }

  /// The problems to report, one line each.
  var errors: [String] {
    var lines: [String] = []
    if !undeclared.isEmpty {
      let names = undeclared.prefix(5).map { "&\($0);" }.joined(separator: " ")
      lines.append("undefined entities read as HTML's: \(names)\(undeclared.count > 5 ? " ..." : "")")
    }
    if bareAmpersands > 0 { lines.append("\(bareAmpersands) unescaped '&' read as text") }
    if bareLessThans > 0 { lines.append("\(bareLessThans) unescaped '<' read as text") }
    return lines
  }

  private enum Reference {
    case numeric(UInt32, Int)
    case named(Range<Int>, Int)
    case bare
  }

  /// `amp`, `lt`, `gt`, `quot` or `apos`.
  private static func isPredefined(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
    func `is`(_ word: StaticString) -> Bool {
      word.utf8CodeUnitCount == name.count && (0..<name.count).allSatisfy { name[$0] == word.utf8Start[$0] }
    }
    switch name.count {
    case 2: return name[1] == UInt8(ascii: "t") && (name[0] == UInt8(ascii: "l") || name[0] == UInt8(ascii: "g"))
    case 3: return `is`("amp")
    case 4: return `is`("quot") || `is`("apos")
    default: return false
    }
  }

  private static func reference(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Reference {
    var index = start + 1
    let limit = min(input.count, start + 40)
    if index < limit, input[index] == UInt8(ascii: "#") {
      index += 1
      let hex = index < limit && (input[index] | 0x20) == UInt8(ascii: "x")
      if hex { index += 1 }
      var value: UInt32 = 0
      var digits = 0
      while index < limit {
        let byte = input[index]
        let digit: UInt32
        if byte >= 0x30 && byte <= 0x39 {
          digit = UInt32(byte - 0x30)
        } else if hex, (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x66 {
          digit = UInt32((byte | 0x20) - 0x61 + 10)
        } else {
          break
        }
        value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
        digits += 1
        index += 1
      }
      guard digits > 0, index < limit, input[index] == UInt8(ascii: ";") else { return .bare }
      return .numeric(value, index + 1 - start)
    }
    let nameStart = index
    while index < limit, isNameByte(input[index], first: index == nameStart) { index += 1 }
    guard index > nameStart, index < limit, input[index] == UInt8(ascii: ";") else { return .bare }
    return .named(nameStart..<index, index + 1 - start)
  }

  private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
    let lower = byte | 0x20
    if lower >= 0x61 && lower <= 0x7A { return true }
    if byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") { return true }
    if first { return false }
    return (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
  }

  /// Whether a byte after `<` can start a tag, an end tag, a comment, CDATA or a processing instruction.
  private static func canOpenMarkup(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return (lower >= 0x61 && lower <= 0x7A) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
      || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
  }

  private static func isXMLChar(_ value: UInt32) -> Bool {
    value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
      || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
  }

  /// The code point of an HTML 4 named entity, from libxml2's own table.
  private static func htmlEntity(_ name: String) -> UInt32? {
    name.withCString { pointer in
      pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) {
        xml2_htmlEntityLookup($0)?.pointee.value
      }
    }
  }

  /// The end (exclusive) of a CDATA section, comment, processing instruction or DOCTYPE starting at `start`, or
  /// nil when `start` opens a tag.
  private static func endOfSection(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
    func starts(_ text: StaticString) -> Bool {
      let length = text.utf8CodeUnitCount
      guard let base = input.baseAddress, input.count - start >= length else { return false }
      return memcmp(base + start, text.utf8Start, length) == 0
    }
    func find(_ terminator: StaticString, from: Int) -> Int {
      let length = terminator.utf8CodeUnitCount
      let first = Int32(terminator.utf8Start[0])
      guard let base = input.baseAddress else { return input.count }
      var index = from
      while index + length <= input.count {
        // memchr for the first byte, then a compare.
        guard let hit = memchr(base + index, first, input.count - length + 1 - index) else { return input.count }
        let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + position, terminator.utf8Start, length) == 0 { return position + length }
        index = position + 1
      }
      return input.count
    }
    if starts("<![CDATA[") { return find("]]>", from: start + 9) }
    if starts("<!--") { return find("-->", from: start + 4) }
    if starts("<?") { return find("?>", from: start + 2) }
    if starts("<!DOCTYPE") {
      // The internal subset, if any, is bracketed; its declarations may hold '>' inside quotes.
      var index = start + 9
      var inSubset = false
      var quote: UInt8 = 0
      while index < input.count {
        let byte = input[index]
        if quote != 0 {
          if byte == quote { quote = 0 }
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
          quote = byte
        } else if byte == UInt8(ascii: "[") {
          inSubset = true
        } else if byte == UInt8(ascii: "]") {
          inSubset = false
        } else if byte == UInt8(ascii: ">") && !inSubset {
          return index + 1
        }
        index += 1
      }
      return input.count
    }
    return nil
  }

  /// Names of the general entities declared in the internal subset.
  private static func declaredEntities(_ input: UnsafeBufferPointer<UInt8>) -> Set<String> {
    guard let doctype = firstRange(of: Array("<!DOCTYPE".utf8), in: input) else { return [] }
    let end = endOfSection(input, at: doctype) ?? input.count
    var names = Set<String>()
    var index = doctype
    let marker = Array("<!ENTITY".utf8)
    while let found = firstRange(of: marker, in: input, from: index, to: end) {
      var cursor = found + marker.count
      while cursor < end, FeedDate.isSpace(input[cursor]) { cursor += 1 }
      if cursor < end, input[cursor] != UInt8(ascii: "%") {
        let nameStart = cursor
        while cursor < end, !FeedDate.isSpace(input[cursor]) { cursor += 1 }
        names.insert(String(decoding: UnsafeBufferPointer(rebasing: input[nameStart..<cursor]), as: UTF8.self))
      }
      index = cursor
    }
    return names
  }

  private static func firstRange(
    of needle: [UInt8], in input: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil
  ) -> Int? {
    let end = min(to ?? input.count, input.count)
    guard from >= 0, end - from >= needle.count, needle.count >= 2, let base = input.baseAddress else { return nil }
    // memchr for the second byte (the `!` of `<!DOCTYPE` and `<!ENTITY`: a feed is full of '<' but has few
    // '!'), then a compare: the feed is searched whole for a DOCTYPE most feeds lack.
    var index = from + 1
    while index + needle.count - 1 <= end {
      guard let hit = memchr(base + index, Int32(needle[1]), end - needle.count + 2 - index) else { return nil }
      let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - 1
      if memcmp(base + position, needle, needle.count) == 0 { return position }
      index = position + 2
    }
    return nil
  }
}
