/// The keys of a document's elements (`FeedNamespace.key`), worked out once per element name and namespace: a
/// feed of 2,000 items has a few dozen distinct elements and tens of thousands of element nodes. libxml2 interns
/// element names in the document's dictionary and shares one namespace record among the elements in its
/// scope, so the two addresses stand for the name and namespace while the document lives (one reader run).
///
/// The items of a feed repeat the same elements in the same order, so the entry after the last one found is
/// tried first, then the others in turn (a few dozen address compares at most, no hashing); past
/// `listLimit` distinct elements (a strange document) a dictionary takes over.
final class FeedKeyCache {
  private struct Identity: Hashable {
    let name: UnsafeRawPointer?
    let namespace: UnsafeRawPointer?
  }

  private static let listLimit = 64
  private var identities: [Identity] = []
  private var values: [String] = []
  private var last = 0
  private var overflow: [Identity: String] = [:]

  func key(of element: XMLNodeRef, core: Set<String>) -> String {
    let identity = Identity(
      name: element.node.pointee.name.map(UnsafeRawPointer.init), namespace: element.node.pointee.ns.map(UnsafeRawPointer.init))
    let count = identities.count
    var index = last + 1 < count ? last + 1 : 0
    for _ in 0..<count {
      if identities[index] == identity {
        last = index
        return values[index]
      }
      index = index + 1 < count ? index + 1 : 0
    }
    if let known = overflow[identity] { return known }
    let key = FeedNamespace.key(of: element, core: core)
    if count < Self.listLimit {
      identities.append(identity)
      values.append(key)
      last = count
    } else {
      overflow[identity] = key
    }
    return key
  }
}
