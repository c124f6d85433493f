/// A reader of one input format: bytes and what is known of them in, a story out. One type per format
/// (`TextCaptureReader`, `HTMLReader`, ...), so that a new format is a new file and one line in `StoryReader`.
public protocol DocumentReader: Sendable {
  func read(_ document: InputDocument) throws(CaptureReadError) -> Story
}
