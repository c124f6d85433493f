import DatelineCore
import DatelineFetch
import DatelineStore
import Foundation

/// Reads a feed story's linked page into it (see `Library.importLinkedPage`): the first time in place of the
/// feed's teaser, later (`R`) merged like any web page's new capture, with a conditional request. The page is
/// read by the same reader as `dateline URL` (an article gives its paragraphs, a live blog one update per
/// post). A failure leaves the story as it was, is remembered, and is one line.
public struct LinkedPageImporter: Sendable {
  public let library: Library
  public let fetcher: PageFetcher
  public let read: PageImporter.PageReader
  public let analyze: Library.EntityAnalysis?

  public init(library: Library, fetcher: PageFetcher, read: @escaping PageImporter.PageReader, analyze: Library.EntityAnalysis?) {
    self.library = library
    self.fetcher = fetcher
    self.read = read
    self.analyze = analyze
  }

  /// The same fetcher, reader and recogniser as `importer`'s.
  public init(_ importer: PageImporter) {
    self.init(library: importer.library, fetcher: importer.fetcher, read: importer.read, analyze: importer.analyze)
  }

  public enum Outcome: Sendable, Hashable {
    /// The page was read into the story (the first time, in place of the teaser; later, merged).
    case imported(ImportReport)
    /// Another reader read the page into the story meanwhile: the library has it, nothing was fetched.
    case readElsewhere
    /// The server said the page had not changed (304), or it read to what the story already holds.
    case unchanged
  }

  /// Reads story `story`'s linked page into it: the first time when `firstTime` (nothing is fetched when the
  /// library already has it), else fetched again and merged. `.failure` when the story has no linked page.
  /// Blocks this thread for the fetch (the reader's background job).
  public func importPage(story: Int64, firstTime: Bool, at date: Date = Date()) -> Result<Outcome, PageImportError> {
    switch prepare(story: story, firstTime: firstTime) {
    case .failure(let error): return .failure(error)
    case .success(.none): return .success(.readElsewhere)
    case .success(.some(let request)):
      return finish(request, fetcher.fetchNow(request.url, validators: request.validators), at: date)
    }
  }

  /// `importPage` for async callers (many pages at once under a `FetchLimiter`).
  public func fetchAndImport(story: Int64, firstTime: Bool, at date: Date = Date()) async -> Result<Outcome, PageImportError> {
    switch prepare(story: story, firstTime: firstTime) {
    case .failure(let error): return .failure(error)
    case .success(.none): return .success(.readElsewhere)
    case .success(.some(let request)):
      return finish(request, await fetcher.fetch(request.url, validators: request.validators), at: date)
    }
  }

  /// What to fetch for a story's linked page.
  struct Request {
    var story: Int64
    var url: String
    /// Whether the story still holds the teaser (the page replaces it).
    var replacing: Bool
    var validators: Validators?
  }

  /// The request for story `story`'s page; nil when `firstTime` and the page is in the library already.
  func prepare(story: Int64, firstTime: Bool) -> Result<Request?, PageImportError> {
    let linked: Library.LinkedPage
    do {
      guard let found = try library.linkedPage(story: story) else {
        return .failure(.read("This story has no linked page"))
      }
      linked = found
    } catch {
      return .failure(.library(error.description))
    }
    let replacing = linked.readAt == nil
    if firstTime && !replacing { return .success(nil) }
    // A conditional request only for a page the story already holds: a 304 for the teaser would vouch for nothing.
    var validators: Validators?
    if !replacing, let state = try? library.fetchState(url: linked.url) {
      let known = Validators(etag: state.etag, lastModified: state.lastModified)
      validators = known.isEmpty ? nil : known
    }
    return .success(Request(story: story, url: linked.url, replacing: replacing, validators: validators))
  }

  /// Reads the fetched page into the story.
  func finish(_ request: Request, _ fetched: Result<FetchResult, FetchError>, at date: Date) -> Result<Outcome, PageImportError> {
    let (story, replacing) = (request.story, request.replacing)
    let page: FetchedPage
    switch fetched {
    case .failure(let error):
      return failed(story, replacing: replacing, .fetch(error))
    case .success(.notModified(let finalURL)):
      try? library.recordFetch(
        url: request.url, finalURL: finalURL.absoluteString, etag: nil, lastModified: nil, keepValidators: true, at: date)
      return .success(.unchanged)
    case .success(.page(let body)):
      page = body
    }
    let pageStory: Story
    do {
      pageStory = try read(page, request.url)
    } catch {
      return failed(story, replacing: replacing, .read(String(describing: error)))
    }
    let report: ImportReport?
    do {
      report = try library.importLinkedPage(
        story: story, page: pageStory, bytes: page.bytes, replacing: replacing, at: date, analyze: analyze)
    } catch {
      return failed(story, replacing: replacing, .library(error.description))
    }
    guard let report else { return .success(.readElsewhere) }
    try? library.recordFetch(
      url: request.url, finalURL: page.finalURL.absoluteString, etag: page.validators.etag,
      lastModified: page.validators.lastModified, at: date)
    if report.alreadyImported || (!replacing && report.new.isEmpty && report.changed.isEmpty) { return .success(.unchanged) }
    return .success(.imported(report))
  }

  private func failed(_ story: Int64, replacing: Bool, _ error: PageImportError) -> Result<Outcome, PageImportError> {
    if replacing { try? library.recordLinkedPageFailure(story: story, message: error.description) }
    return .failure(error)
  }
}
