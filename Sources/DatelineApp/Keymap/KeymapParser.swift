/// A problem in a keymap file, reported as `file:line: what is wrong`.
public struct KeymapError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var problem: String

  public init(file: String, line: Int, problem: String) {
    self.file = file
    self.line = line
    self.problem = problem
  }

  public var description: String { "\(file):\(line): \(problem)" }
}

/// Parses tig-style bind lines:
///
/// ```
/// # comment
/// bind j        move-down
/// bind <C-f>    page-down
/// bind x        none        # removes a default binding
/// ```
public enum KeymapParser {
  /// Applies every line of `text` to `keymap`. On the first bad line nothing is applied and its error is
  /// returned, so a broken user file leaves the keymap as it was.
  public static func apply(_ text: String, file: String, to keymap: inout Keymap) -> KeymapError? {
    var result = keymap
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = Substring(rawLine)
      if let hash = line.firstIndex(where: { $0 == "#" }), isComment(line, at: hash) {
        line = line[line.startIndex..<hash]
      }
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
      if words.isEmpty { continue }
      func fail(_ problem: String) -> KeymapError { KeymapError(file: file, line: lineNumber, problem: problem) }
      guard words[0] == "bind" else {
        return fail("expected 'bind KEY COMMAND', found '\(printable(words[0]))'")
      }
      guard words.count == 3 else {
        return fail("expected 'bind KEY COMMAND' (\(words.count - 1) word(s) after 'bind')")
      }
      guard let key = Key(name: words[1]) else { return fail("unknown key name '\(printable(words[1]))'") }
      if words[2] == "none" {
        result.bind(key, to: nil)
        continue
      }
      guard let command = Command(name: words[2]) else {
        return fail("unknown command '\(printable(words[2]))'")
      }
      result.bind(key, to: command)
    }
    keymap = result
    return nil
  }

  /// A `#` starts a comment at the start of a line or after a space (so `bind # ...` is not allowed; use `<Hash>`).
  private static func isComment(_ line: Substring, at index: Substring.Index) -> Bool {
    index == line.startIndex || line[line.index(before: index)] == " " || line[line.index(before: index)] == "\t"
  }

  /// A word as it may be shown in a message: control characters replaced, at most 40 characters.
  private static func printable(_ word: String) -> String {
    let cleaned = String(word.unicodeScalars.map { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? "?" : Character($0) })
    return cleaned.count > 40 ? String(cleaned.prefix(40)) + "…" : cleaned
  }
}
