/// The keys of a document's elements (`FeedNamespace.key`), worked out once per element name and namespace: a
/// feed of 2,000 items has a few dozen distinct elements and tens of thousands of element nodes. libxml2 interns
/// element names in the document's dictionary and shares one namespace record among the elements in its
/// scope, so the two addresses stand for the name and namespace while the document lives (one reader run).
final class FeedKeyCache {
  private struct Identity: Hashable {
    let name: UnsafeRawPointer?
    let namespace: UnsafeRawPointer?
  }

  private var keys: [Identity: String] = [:]

  func key(of element: XMLNodeRef, core: Set<String>) -> String {
    let identity = Identity(
      name: element.node.pointee.name.map(UnsafeRawPointer.init), namespace: element.node.pointee.ns.map(UnsafeRawPointer.init))
    if let known = keys[identity] { return known }
    let key = FeedNamespace.key(of: element, core: core)
    keys[identity] = key
    return key
  }
}
