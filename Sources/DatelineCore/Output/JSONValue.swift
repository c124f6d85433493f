/// A JSON value whose objects keep their keys in the order given, so that output reads in the documented
/// shape (Foundation's encoder orders keys by hash or alphabetically). Serialisation only; nothing is parsed.
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
  public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

  /// An optional string as a string or `null`.
  public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

  /// Compact JSON on one line; non-ASCII text is written as UTF-8, control characters escaped.
  public func serialized() -> String {
    var out = ""
    write(into: &out)
    return out
  }

  private func write(into out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .int(let value): out += String(value)
    case .string(let value): Self.writeString(value, into: &out)
    case .array(let values):
      out += "["
      for (index, value) in values.enumerated() {
        if index > 0 { out += ", " }
        value.write(into: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { out += ", " }
        Self.writeString(key, into: &out)
        out += ": "
        value.write(into: &out)
      }
      out += "}"
    }
  }

  private static func writeString(_ value: String, into out: inout String) {
    out += "\""
    // Runs of characters that need no escape are copied whole; a paragraph can be megabytes.
    var runStart = value.unicodeScalars.startIndex
    var index = runStart
    let scalars = value.unicodeScalars
    while index < scalars.endIndex {
      let scalar = scalars[index]
      guard let escaped = escape(scalar) else {
        index = scalars.index(after: index)
        continue
      }
      out += Substring(scalars[runStart..<index])
      out += escaped
      index = scalars.index(after: index)
      runStart = index
    }
    out += Substring(scalars[runStart..<index])
    out += "\""
  }

  /// The JSON escape for `scalar`, or nil when it is written as itself. Controls, and the line separators that
  /// break JavaScript parsers, are escaped.
  private static func escape(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "\"": return "\\\""
    case "\\": return "\\\\"
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default:
      guard scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
      else { return nil }
      let hex = String(scalar.value, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
  }
}
