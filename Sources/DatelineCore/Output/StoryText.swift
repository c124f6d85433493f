/// The `dateline parse` plain-text rendering of a story: readable in a terminal or a pager.
public struct StoryText {
  let story: Story

  public init(_ story: Story) { self.story = story }

  public func rendered() -> String {
    var out: [String] = []
    out.append("# \(story.headline)")
    if let standfirst = story.standfirst { out.append(standfirst) }
    out.append("source: \(TextSanitizer.clean(story.source[...])) · \(story.updates.count) updates · \(story.removed.count) lines of boilerplate removed")
    for (index, update) in story.updates.enumerated() {
      out.append("")
      let marker = update.kind == .text ? "" : " [\(update.kind.rawValue)]"
      let time = update.time.map { "\($0) · " } ?? ""
      out.append("## \(index + 1). \(time)\(update.title ?? "(untitled)")\(marker)   (line \(update.line))")
      for paragraph in update.paragraphs { out.append(paragraph.text) }
      for link in update.links {
        out.append("  ┌ \(link.title)")
        if let summary = link.summary { out.append("  └ \(summary)") }
      }
    }
    return out.joined(separator: "\n")
  }
}
