import Foundation

/// How to write a grapheme with ASCII alone, for a terminal whose locale is not UTF-8 (`LANG` unset or `C`, as
/// often over SSH): typographic punctuation by the table below, Latin letters without their accents (é → e,
/// ł → l), and `?` for each column of what has no readable ASCII form (other scripts, symbols, emoji).
///
/// Box-drawing characters are not transliterated: the terminal backend draws them with the terminal's own line
/// characters (curses' ACS), which work in any locale.
public enum AsciiTransliteration {
  /// Punctuation, spaces and the few symbols the reader itself draws, with their ASCII forms.
  static let punctuation: [UInt32: String] = [
    0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x2035: "'", 0x00B4: "'", 0x02BC: "'",
    0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x201F: "\"", 0x2033: "\"", 0x00AB: "<<", 0x00BB: ">>",
    0x2039: "<", 0x203A: ">",
    0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2212: "-", 0x00AD: "-", 0x2014: "--", 0x2015: "--",
    0x2026: "...", 0x00B7: ".", 0x2022: "*", 0x2023: ">", 0x2043: "-", 0x25CF: "*", 0x25CB: "o", 0x25E6: "o",
    0x25B8: ">", 0x25B6: ">", 0x25BA: ">", 0x25C2: "<", 0x25C0: "<", 0x2190: "<-", 0x2192: "->", 0x2191: "^",
    0x2193: "v", 0x25BE: "v", 0x25BC: "v", 0x2194: "<->", 0x21D2: "=>", 0x2713: "v", 0x2717: "x", 0x00D7: "x", 0x00F7: "/", 0x2044: "/",
    0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2004: " ", 0x2005: " ", 0x2006: " ", 0x2007: " ", 0x2008: " ",
    0x2009: " ", 0x200A: " ", 0x202F: " ", 0x205F: " ", 0x3000: "  ",
    0x00A9: "(c)", 0x00AE: "(R)", 0x2122: "(TM)", 0x00B0: " deg", 0x00BD: "1/2", 0x00BC: "1/4", 0x00BE: "3/4",
    0x2153: "1/3", 0x2154: "2/3", 0x00B2: "2", 0x00B3: "3", 0x00B9: "1", 0x00BA: "o", 0x00AA: "a",
    0x20AC: "EUR", 0x00A3: "GBP", 0x00A5: "JPY", 0x20B9: "INR", 0x20BD: "RUB", 0x20B4: "UAH", 0x00A2: "c",
    0x00A7: "S", 0x00B6: "P", 0x2020: "+", 0x2021: "++", 0x2030: "%o", 0x00B1: "+/-", 0x2248: "~", 0x2260: "!=",
    0x2264: "<=", 0x2265: ">=", 0x00A1: "!", 0x00BF: "?", 0x2016: "||", 0x00A6: "|", 0x2116: "No.",
  ]

  /// Latin letters whose plain form is not a canonical decomposition (no accent to strip).
  static let letters: [UInt32: String] = [
    0x00DF: "ss", 0x1E9E: "SS", 0x00E6: "ae", 0x00C6: "AE", 0x0153: "oe", 0x0152: "OE", 0x00F8: "o", 0x00D8: "O",
    0x0142: "l", 0x0141: "L", 0x0111: "d", 0x0110: "D", 0x00F0: "d", 0x00D0: "D", 0x00FE: "th", 0x00DE: "Th",
    0x0131: "i", 0x0130: "I", 0x0127: "h", 0x0126: "H", 0x0140: "l", 0x013F: "L", 0x0167: "t", 0x0166: "T",
    0x014B: "ng", 0x014A: "NG", 0x0138: "q", 0x0149: "'n", 0x017F: "s", 0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl",
    0xFB03: "ffi", 0xFB04: "ffl", 0x0192: "f", 0x01C4: "DZ", 0x01C5: "Dz", 0x01C6: "dz", 0x01C7: "LJ", 0x01C8: "Lj",
    0x01C9: "lj", 0x01CA: "NJ", 0x01CB: "Nj", 0x01CC: "nj", 0x0132: "IJ", 0x0133: "ij", 0x0237: "j", 0x0180: "b",
    0x0268: "i", 0x0289: "u", 0x01B6: "z", 0x01B5: "Z", 0x0291: "z", 0x0256: "d", 0x0257: "d",
  ]

  /// Whether `value` is a box-drawing character (left to the backend's line drawing).
  public static func isLineDrawing(_ value: UInt32) -> Bool { (0x2500...0x257F).contains(value) }

  /// The ASCII form of one grapheme cluster that is `width` columns wide (1 or 2): its transliteration, or
  /// `?` for each column when it has no readable one. Never empty, never a control character.
  public static func ascii(_ grapheme: String, width: Int) -> String {
    let scalars = grapheme.unicodeScalars
    if scalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return grapheme }
    guard let first = scalars.first else { return "?" }
    var result = ""
    if let mapped = punctuation[first.value] ?? letters[first.value] {
      result = mapped
    } else {
      // Canonical decomposition splits é into e + U+0301; the combining marks go, the base letter stays.
      for scalar in String(grapheme).decomposedStringWithCanonicalMapping.unicodeScalars {
        if scalar.value >= 0x20, scalar.value < 0x7F {
          result.unicodeScalars.append(scalar)
        } else if let mapped = letters[scalar.value] {
          result += mapped
        } else if isMark(scalar) || scalar.value == 0x00A0 {
          continue
        } else {
          result = ""
          break  // a letter of another script, a symbol, an emoji: nothing readable
        }
      }
    }
    return result.isEmpty ? String(repeating: "?", count: max(1, width)) : result
  }

  /// A combining mark (an accent once decomposed) or a variation selector / joiner.
  static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
    default: return (0xFE00...0xFE0F).contains(scalar.value)
    }
  }
}
