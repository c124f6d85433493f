/// Terminal column widths of Unicode text, from Unicode properties (East Asian Width, combining marks, emoji).
public enum DisplayWidth {
  /// Columns taken by one scalar on its own: 0, 1 or 2 (control characters count as 0; callers strip them).
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    if value < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if value == 0x200B || (0x1160...0x11FF).contains(value) || (0xFE00...0xFE0F).contains(value) { return 0 }
    if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// Columns taken by one grapheme cluster: its base scalar's width, 2 when an emoji presentation selector
  /// (U+FE0F) or a regional-indicator pair makes it an emoji; combining marks and joiners add nothing.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    var width = of(first)
    if width == 1, scalars.contains(where: { $0.value == 0xFE0F }), first.properties.isEmoji { width = 2 }
    if (0x1F1E6...0x1F1FF).contains(first.value) { width = scalars.count >= 2 ? 2 : 1 }
    if width == 0, first.properties.generalCategory == .nonspacingMark
      || first.properties.generalCategory == .enclosingMark
    {
      return 1  // an orphan combining mark is shown on a space of its own
    }
    return width
  }

  /// Columns taken by a whole string laid out on one line (tabs count as one column here).
  public static func of(_ text: String) -> Int {
    GlyphScanner.glyphs(of: text).reduce(0) { $0 + Int($1.width) }
  }

  /// East Asian Wide (W) and Fullwidth (F) ranges.
  static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
      0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
      0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
      0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
