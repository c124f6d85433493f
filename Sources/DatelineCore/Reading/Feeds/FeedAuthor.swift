/// The name in an author line as feeds write it: `email (Name)` and `Name (email)` give the name,
/// `Name <email>` too; an email alone is kept when there is nothing else.
enum FeedAuthor {
  static func name(from line: String) -> String? {
    guard let text = FeedText.collapsed(line) else { return nil }
    // `jo@example.com (Jo Bloggs)` or `Jo Bloggs (jo@example.com)`
    if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
      let outside = text[..<open].trimmingCharacters(in: .whitespaces)
      let inside = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(
        in: .whitespaces)
      if isEmail(outside), !inside.isEmpty { return inside }
      if isEmail(inside), !outside.isEmpty { return outside }
    }
    // `Jo Bloggs <jo@example.com>`
    if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
      let outside = text[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
      if !outside.isEmpty { return outside }
      let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
      return inside.isEmpty ? nil : String(inside)
    }
    if text.hasPrefix("mailto:") { return String(text.dropFirst(7)) }
    return text
  }

  static func isEmail(_ text: String) -> Bool {
    guard let at = text.firstIndex(of: "@"), at != text.startIndex, text.index(after: at) != text.endIndex else {
      return false
    }
    return !text.contains(" ")
  }
}

import Foundation
