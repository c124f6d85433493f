/// The source text of an item's summary or content, kept beside its one-line plain text so that a story can
/// be made of its paragraphs: HTML (split at block elements by the HTML reader) or plain text (split at
/// blank lines).
public enum FeedMarkup: Sendable, Hashable {
  case html(String)
  case text(String)

  /// Whether the source is nothing but whitespace (cheap: nothing is parsed).
  public var isBlank: Bool {
    switch self {
    case .html(let raw), .text(let raw): raw.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }
  }

  /// The whole as one line of plain text, nil when empty.
  public var plainText: String? { plainText(using: nil) }

  /// The whole as one line, HTML parsed by `parser` (one for a whole feed) when given.
  func plainText(using parser: HTMLFragmentParser?) -> String? {
    switch self {
    case .html(let markup): FeedText.plain(markup, as: .html, using: parser)
    case .text(let text): FeedText.collapsed(text)
    }
  }

  /// The paragraphs, each one line of plain text, none empty.
  public var paragraphs: [String] { paragraphs(using: nil) }

  /// The paragraphs, HTML parsed by `parser` (one for a whole feed) when given.
  func paragraphs(using parser: HTMLFragmentParser?) -> [String] {
    switch self {
    case .html(let markup):
      return HTMLFragmentText.paragraphs(fromHTML: markup, using: parser)
    case .text(let text):
      return text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n").compactMap(FeedText.collapsed)
    }
  }
}

import Foundation
