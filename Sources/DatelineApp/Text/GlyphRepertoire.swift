/// What the terminal can show: any Unicode (a UTF-8 locale), or ASCII alone (any other locale, `C` included).
///
/// Text is shaped for the repertoire before it is laid out, so a transliteration wider than its original
/// ("…" → "...") still wraps and aligns by the columns it really takes.
public enum GlyphRepertoire: Sendable, Hashable {
  case unicode
  case ascii

  /// `glyph` as this repertoire shows it: unchanged in Unicode, else in ASCII (`AsciiTransliteration`) with the
  /// width of its new text, keeping its place in the source. Box-drawing characters stay for the backend to draw.
  @inline(__always)
  public func shape(_ glyph: Glyph) -> Glyph {
    guard self == .ascii, let first = glyph.text.utf8.first, first >= 0x80 || glyph.text.utf8.count > 1 else {
      return glyph
    }
    let scalars = glyph.text.unicodeScalars
    if scalars.allSatisfy({ $0.value < 0x80 }) { return glyph }
    if scalars.count == 1, let only = scalars.first, AsciiTransliteration.isLineDrawing(only.value) { return glyph }
    let text = AsciiTransliteration.ascii(glyph.text, width: Int(glyph.width))
    var shaped = glyph
    shaped.text = text
    shaped.width = UInt8(clamping: text.utf8.count)
    return shaped
  }
}
