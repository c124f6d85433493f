import ArgumentParser
import DatelineCore
import DatelineStore

/// `dateline export-opml [--library PATH]`: the feeds followed, as OPML 2.0 on standard output, with folders.
struct ExportOPMLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-opml", abstract: "Print the feeds followed as OPML 2.0, with their folders.")

  @OptionGroup var library: LibraryOption

  func run() throws {
    let store = try library.open()
    do {
      let outlines = try store.subscriptions().map { Outline(url: $0.url, title: $0.title, htmlURL: $0.htmlURL, folder: $0.folder) }
      print(OPMLWriter.document(title: "dateline subscriptions", outlines: outlines), terminator: "")
    } catch {
      CaptureLoader.warn(error.description)
      throw ExitCode.failure
    }
  }
}
