/// The family a feed belongs to, as `parse --json` names it. RSS 0.90 and 1.0 are RDF; RSS 0.91 to 2.0 (and
/// `<rss>` without a version) are RSS; Atom 0.3 and 1.0 are Atom.
public enum FeedFormat: String, Sendable, Hashable, CaseIterable {
  case rss
  case rdf
  case atom
  case jsonfeed
}
