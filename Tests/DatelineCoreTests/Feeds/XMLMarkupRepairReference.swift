import CLibXML2
import Foundation

@testable import DatelineCore

/// The entity repair as it was before it learnt to copy nothing when nothing needs repair: the reference the
/// tests compare `XMLMarkupRepair` with, byte for byte. Not used by the app.
/// Makes the entity references of a feed safe for a strict XML parser before it sees them. Feeds use HTML's
/// named entities (`&uuml;`, `&nbsp;`) that no DTD declares, and bare ampersands; XML parsers give up on both.
/// HTML entities become numeric references, unknown names and bare ampersands become literal text, and
/// numeric references to Windows-1252's 0x80–0x9F become the characters meant. The predefined XML entities and
/// those the document declares in its internal subset are left for the parser. CDATA sections, comments and
/// the DOCTYPE are copied as they are. A `<` that cannot open a tag (`1 < 2`) becomes `&lt;`.
struct XMLMarkupRepairReference {
  var text: [UInt8]
  /// Names of undeclared entities met (each once, in order), and whether bare ampersands were.
  var undeclared: [String] = []
  var bareAmpersands = 0
  var bareLessThans = 0

  init(_ input: [UInt8]) {
    var out: [UInt8] = []
    out.reserveCapacity(input.count + 64)
    let declared = Self.declaredEntities(input)
    var seen = Set<String>()
    var index = 0
    let count = input.count
    while index < count {
      // Text up to the next '<' or '&' needs nothing: copied in one go.
      let runEnd = input.withUnsafeBufferPointer { bytes in
        var end = index
        while end < count, bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: "&") { end += 1 }
        return end
      }
      if runEnd > index {
        out.append(contentsOf: input[index..<runEnd])
        index = runEnd
        continue
      }
      let byte = input[index]
      if byte == UInt8(ascii: "<") {
        // Sections whose ampersands are not references: copy them whole (each opens with `<!` or `<?`).
        let second = index + 1 < count ? input[index + 1] : 0
        if second == UInt8(ascii: "!") || second == UInt8(ascii: "?"), let end = Self.endOfSection(input, at: index) {
          out.append(contentsOf: input[index..<end])
          index = end
          continue
        }
        let next = index + 1 < count ? input[index + 1] : 0x20
        if Self.canOpenMarkup(next) {
          out.append(byte)
        } else {
          bareLessThans += 1
          out.append(contentsOf: Array("&lt;".utf8))
        }
        index += 1
        continue
      }
      guard byte == UInt8(ascii: "&") else {
        out.append(byte)
        index += 1
        continue
      }
      let reference = Self.reference(input, at: index)
      switch reference {
      case .numeric(let value, let length):
        if (0x80...0x9F).contains(value) {
          out.append(contentsOf: Array("&#\(FeedBytes.windows1252Scalar(UInt8(value)));".utf8))
        } else if Self.isXMLChar(value) {
          out.append(contentsOf: input[index..<(index + length)])
        } else {
          out.append(contentsOf: Array("&amp;".utf8))
          out.append(contentsOf: input[(index + 1)..<(index + length)])
        }
        index += length
      case .named(let nameRange, let length):
        // The predefined five (escaped HTML is full of `&lt;` and `&gt;`) are told by their bytes.
        if Self.isPredefined(input[nameRange]) {
          out.append(contentsOf: input[index..<(index + length)])
          index += length
          continue
        }
        let name = String(decoding: input[nameRange], as: UTF8.self)
        if declared.contains(name) {
          out.append(contentsOf: input[index..<(index + length)])
        } else {
          if seen.insert(name).inserted { undeclared.append(name) }
          if let value = Self.htmlEntity(name) {
            out.append(contentsOf: Array("&#\(value);".utf8))
          } else {
            out.append(contentsOf: Array("&amp;".utf8))
            out.append(contentsOf: input[(index + 1)..<(index + length)])
          }
        }
        index += length
      case .bare:
        bareAmpersands += 1
        out.append(contentsOf: Array("&amp;".utf8))
        index += 1
      }
    }
    text = out
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
  private static func isPredefined(_ name: ArraySlice<UInt8>) -> Bool {
    switch name.count {
    case 2: return name.elementsEqual("lt".utf8) || name.elementsEqual("gt".utf8)
    case 3: return name.elementsEqual("amp".utf8)
    case 4: return name.elementsEqual("quot".utf8) || name.elementsEqual("apos".utf8)
    default: return false
    }
  }

  private static func reference(_ input: [UInt8], at start: Int) -> Reference {
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
      pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { xml2_htmlEntityLookup($0)?.pointee.value }
    }
  }

  /// The end (exclusive) of a CDATA section, comment, processing instruction or DOCTYPE starting at `start`, or
  /// nil when `start` opens a tag.
  private static func endOfSection(_ input: [UInt8], at start: Int) -> Int? {
    func starts(_ text: String) -> Bool { input[start...].starts(with: text.utf8) }
    func find(_ terminator: String, from: Int) -> Int {
      let needle = Array(terminator.utf8)
      var index = from
      while index + needle.count <= input.count {
        if input[index] == needle[0], input[index..<(index + needle.count)].elementsEqual(needle) {
          return index + needle.count
        }
        index += 1
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
  private static func declaredEntities(_ input: [UInt8]) -> Set<String> {
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
        names.insert(String(decoding: input[nameStart..<cursor], as: UTF8.self))
      }
      index = cursor
    }
    return names
  }

  private static func firstRange(of needle: [UInt8], in input: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
    let end = min(to ?? input.count, input.count)
    guard from >= 0, end - from >= needle.count, !needle.isEmpty else { return nil }
    // memchr for the first byte, then a compare: the feed is searched whole for a DOCTYPE most feeds lack.
    return input.withUnsafeBufferPointer { haystack -> Int? in
      guard let base = haystack.baseAddress else { return nil }
      var index = from
      while index + needle.count <= end {
        guard let hit = memchr(base + index, Int32(needle[0]), end - needle.count + 1 - index) else { return nil }
        let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + position, needle, needle.count) == 0 { return position }
        index = position + 1
      }
      return nil
    }
  }
}
