/// Walks a subtree in document order without recursion, so a page nested 10,000 elements deep costs no
/// stack: it follows the tree's own child, sibling and parent links.
enum HTMLTreeWalk {
  /// Calls `enter` for every node under and including `root`; when it returns true for a node with children,
  /// the walk goes into them and calls `leave` for that node after them. (`leave` is called for every node
  /// `enter` returned true for, children or not.)
  static func walk(from root: HTMLNode, enter: (HTMLNode) -> Bool, leave: (HTMLNode) -> Void) {
    var node = root
    while true {
      if enter(node) {
        if let child = node.firstChild {
          node = child
          continue
        }
        leave(node)
      }
      // Done with `node`: on to its next sibling, or up to where there is one.
      while true {
        if node.pointer == root.pointer { return }
        if let next = node.next {
          node = next
          break
        }
        guard let parent = node.parent else { return }
        node = parent
        leave(node)
      }
    }
  }
}
