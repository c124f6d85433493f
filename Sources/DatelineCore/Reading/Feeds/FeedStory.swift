import Foundation

/// A feed item as a story of the library: the item's title for headline, its summary as standfirst (when it
/// has content besides), and one update holding the content's paragraphs (the summary's when there is no
/// content), dated by the item. The item's link is the story's source and identity, so a later refresh of the
/// same item merges into the same story.
public enum FeedStory {
  public static func story(of item: FeedItem, feedURL: String) -> Story {
    story(of: item, feedURL: feedURL, using: nil)
  }

  /// The stories of a feed's items, in order, their HTML read by one parser.
  public static func stories(of items: [FeedItem], feedURL: String) -> [Story] {
    let parser = HTMLFragmentParser()
    return items.map { story(of: $0, feedURL: feedURL, using: parser) }
  }

  static func story(of item: FeedItem, feedURL: String, using parser: HTMLFragmentParser?) -> Story {
    let source = item.link ?? "\(feedURL)#\(item.id)"
    let body = item.contentMarkup ?? item.summaryMarkup
    var paragraphs = body.map { $0.paragraphs(using: parser) } ?? []
    if paragraphs.isEmpty, let text = item.content ?? item.summary { paragraphs = [text] }
    let headline = item.title ?? paragraphs.first.map { String($0.prefix(80)) } ?? "(untitled item)"
    let standfirst = item.contentMarkup != nil && item.summary != item.content ? item.summary : nil
    var updates: [Update] = []
    if !paragraphs.isEmpty {
      var update = Update(
        title: nil, line: 3, paragraphs: paragraphs.enumerated().map { Paragraph(line: 3 + $0.offset, text: $0.element) })
      update.published = (item.published ?? item.updated).map(FeedDate.rfc3339)
      updates.append(update)
    }
    return Story(
      source: source, headline: headline, headlineLine: 1, standfirst: standfirst, standfirstLine: standfirst == nil ? nil : 2,
      updates: updates, canonicalURL: item.link)
  }

  /// Bytes that change exactly when what the story shows of the item changes (for the library's "already
  /// imported" check).
  public static func identity(of item: FeedItem) -> [UInt8] {
    var text = item.id + "\u{1F}" + (item.title ?? "") + "\u{1F}" + (item.link ?? "") + "\u{1F}"
    text += (item.summary ?? "") + "\u{1F}" + (item.content ?? "") + "\u{1F}"
    text += (item.published ?? item.updated).map(FeedDate.rfc3339) ?? ""
    return Array(text.utf8)
  }
}
