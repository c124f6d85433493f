/// A feed or OPML file as `dateline parse` prints it without `--json`: the title, then one block per item
/// (title, date, link) or one line per subscription (folders, title, URL).
public struct FeedTextOutput {
  let document: FeedDocument

  public init(_ document: FeedDocument) { self.document = document }

  public func rendered() -> String {
    var lines: [String] = []
    switch document {
    case .feed(let feed):
      lines.append("\(feed.title ?? "(untitled feed)") [\(feed.format.rawValue)]")
      if let link = feed.link { lines.append(link) }
      for item in feed.items {
        lines.append("")
        lines.append("* " + (item.title ?? "(untitled)"))
        if let date = item.published ?? item.updated { lines.append("  " + FeedDate.rfc3339(date)) }
        if let link = item.link { lines.append("  " + link) }
      }
      for error in feed.errors { lines.append("! " + error) }
    case .outlines(let list):
      lines.append("\(list.title ?? "(untitled list)") [opml]")
      for outline in list.outlines {
        let folder = outline.folder.isEmpty ? "" : outline.folder.joined(separator: "/") + ": "
        lines.append("\(folder)\(outline.title ?? outline.url) <\(outline.url)>")
      }
      for error in list.errors { lines.append("! " + error) }
    }
    return lines.map { TextSanitizer.clean(Substring($0)) }.joined(separator: "\n")
  }
}
