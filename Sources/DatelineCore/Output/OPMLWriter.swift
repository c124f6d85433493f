/// Subscriptions as an OPML 2.0 document that other feed readers import: one `outline` per feed (`type="rss"`,
/// `text`, `title`, `xmlUrl`, `htmlUrl`), nested in one `outline` per folder, folders in the order they first
/// appear. `OPMLReader` reads it back to the same list.
public enum OPMLWriter {
  public static func document(title: String, outlines: [Outline]) -> String {
    var root = Folder(name: "")
    for outline in outlines { root.insert(outline, path: outline.folder[...]) }
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
    out += "  <head>\n    <title>\(escaped(title))</title>\n  </head>\n  <body>\n"
    root.write(into: &out, depth: 2)
    out += "  </body>\n</opml>\n"
    return out
  }

  /// A folder's feeds and subfolders, in first-seen order.
  private struct Folder {
    enum Entry {
      case feed(Outline)
      case folder(Int)
    }

    let name: String
    var entries: [Entry] = []
    var folders: [Folder] = []

    init(name: String) { self.name = name }

    mutating func insert(_ outline: Outline, path: ArraySlice<String>) {
      guard let first = path.first else {
        entries.append(.feed(outline))
        return
      }
      if let index = folders.firstIndex(where: { $0.name == first }) {
        folders[index].insert(outline, path: path.dropFirst())
      } else {
        folders.append(Folder(name: first))
        entries.append(.folder(folders.count - 1))
        folders[folders.count - 1].insert(outline, path: path.dropFirst())
      }
    }

    func write(into out: inout String, depth: Int) {
      let indent = String(repeating: "  ", count: depth)
      for entry in entries {
        switch entry {
        case .feed(let outline):
          let title = escaped(outline.title ?? outline.url)
          out += "\(indent)<outline type=\"rss\" text=\"\(title)\" title=\"\(title)\" xmlUrl=\"\(escaped(outline.url))\""
          if let html = outline.htmlURL { out += " htmlUrl=\"\(escaped(html))\"" }
          out += "/>\n"
        case .folder(let index):
          let folder = folders[index]
          let name = escaped(folder.name)
          out += "\(indent)<outline text=\"\(name)\" title=\"\(name)\">\n"
          folder.write(into: &out, depth: depth + 1)
          out += "\(indent)</outline>\n"
        }
      }
    }
  }

  /// Text safe inside an XML attribute or element; characters XML cannot hold are dropped.
  static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n": out += "&#10;"
      case "\t": out += "&#9;"
      default:
        let value = scalar.value
        if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
