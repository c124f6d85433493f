/// The encoding named to libxml2's XML parser for a feed already turned into valid UTF-8 (`FeedBytes`).
enum XMLInputEncoding {
  /// None when the first four bytes hold no NUL: the XML parser then reads the bytes where they are, as UTF-8
  /// (XML's default), instead of running them through its UTF-8 to UTF-8 converter chunk by chunk. Without a
  /// name libxml2 guesses from those four bytes, and in valid UTF-8 without a NUL its only guesses are UTF-8
  /// itself (a byte-order mark, skipped either way, or `<?xm`). With a NUL there (which could read as UTF-16 or
  /// UCS-4) UTF-8 is named, as before. (Not for HTML: libxml2's HTML parser reads unnamed bytes as Latin-1.)
  static func label(forUTF8 text: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
    guard text.prefix(4).contains(0) else { return nil }
    let label: StaticString = "UTF-8"
    return UnsafeRawPointer(label.utf8Start).assumingMemoryBound(to: CChar.self)
  }
}
