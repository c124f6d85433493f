import DatelineCore
import DatelineFetch
import DatelineStore
import Foundation

/// Fetches a page into the library: a conditional request when the library holds a copy (an unchanged page is
/// one 304), the page read into a story and merged like a capture, and the fetch's state (validators, failures
/// in a row) kept. A failure leaves the library's stories as they were and is one line.
public struct PageImporter: Sendable {
  /// Reads fetched bytes into a story named by `source` (the URL as given).
  public typealias PageReader = @Sendable (_ page: FetchedPage, _ source: String) throws -> Story

  public let library: Library
  public let fetcher: PageFetcher
  public let read: PageReader
  public let analyze: Library.EntityAnalysis?

  public init(library: Library, fetcher: PageFetcher, read: @escaping PageReader, analyze: Library.EntityAnalysis?) {
    self.library = library
    self.fetcher = fetcher
    self.read = read
    self.analyze = analyze
  }

  /// What fetching a page into the library did.
  public enum Outcome: Sendable, Hashable {
    /// The server said the copy in the library is current (304).
    case unchanged
    /// The page was read and imported.
    case imported(ImportReport)
  }

  /// Fetches `url` and imports it.
  public func importPage(_ url: String, at date: Date = Date()) -> Result<Outcome, PageImportError> {
    let known: FetchState?
    do {
      known = try library.conditionalFetchState(url: url)
    } catch {
      return .failure(.library(error.description))
    }
    let validators = known.map { Validators(etag: $0.etag, lastModified: $0.lastModified) }
    let page: FetchedPage
    switch fetcher.fetchNow(url, validators: validators?.isEmpty == false ? validators : nil) {
    case .failure(let error):
      return failed(url, .fetch(error), at: date)
    case .success(.notModified(let finalURL)):
      try? library.recordFetch(
        url: url, finalURL: finalURL.absoluteString, etag: nil, lastModified: nil, keepValidators: true, at: date)
      return .success(.unchanged)
    case .success(.page(let fetched)):
      page = fetched
    }
    let story: Story
    do {
      story = try read(page, url)
    } catch {
      return failed(url, .read(String(describing: error)), at: date)
    }
    let report: ImportReport
    do {
      report = try library.importCapture(story, bytes: page.bytes, at: date, analyze: analyze)
    } catch {
      return failed(url, .library(error.description), at: date)
    }
    // Saved only once the page is in: validators for a copy the library does not hold would make the next
    // fetch a 304 for nothing.
    try? library.recordFetch(
      url: url, finalURL: page.finalURL.absoluteString, etag: page.validators.etag,
      lastModified: page.validators.lastModified, at: date)
    return .success(.imported(report))
  }

  private func failed(_ url: String, _ error: PageImportError, at date: Date) -> Result<Outcome, PageImportError> {
    _ = try? library.recordFetchFailure(url: url, message: error.description, at: date)
    return .failure(error)
  }
}

/// Why a page could not be fetched into the library; `description` is one line.
public enum PageImportError: Error, Sendable, Hashable, CustomStringConvertible {
  case fetch(FetchError)
  /// The page came but could not be read (no article text, not a page dateline reads…).
  case read(String)
  case library(String)

  public var description: String {
    switch self {
    case .fetch(let error): error.description
    case .read(let message), .library(let message): message
    }
  }
}
