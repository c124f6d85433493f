extension TextCaptureReader {
  /// Reads the capture at `path` (`-` for standard input) and also returns its bytes, so a caller can tell
  /// whether it has seen exactly this capture before (a library hashes them).
  public func readWithBytes(path: String) throws(CaptureReadError) -> (story: Story, bytes: [UInt8]) {
    let bytes = try CaptureFile.bytes(atPath: path, limit: Self.largestCapture)
    return (try read(bytes: bytes, source: path), bytes)
  }
}

extension TextCaptureReader: DocumentReader {
  /// Reads a text capture given as an input document (what `StoryReader` hands it).
  public func read(_ document: InputDocument) throws(CaptureReadError) -> Story {
    try read(bytes: document.bytes, source: document.source)
  }
}
