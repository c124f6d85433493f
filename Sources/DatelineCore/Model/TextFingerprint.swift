/// Normalises text for identity and comparison: case, punctuation, quote styles and spacing do not count.
public enum TextFingerprint {
  /// Lower-cased letters and digits, words joined by single hyphens, at most `maxWords` words.
  public static func key(_ text: String, maxWords: Int = .max) -> String {
    words(text).prefix(maxWords).joined(separator: "-")
  }

  /// The words of `text`, lower-cased, letters and digits only.
  public static func words(_ text: String) -> [String] {
    var result: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      } else if scalar == "'" || scalar == "\u{2019}" {
        continue  // "Russia's" and "Russia’s" are one word
      } else if !current.isEmpty {
        result.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { result.append(String(current)) }
    return result
  }
}

extension String {
  /// The first `count` words, with an ellipsis when there were more.
  func firstWords(_ count: Int) -> String {
    let parts = split(separator: " ", omittingEmptySubsequences: true)
    let head = parts.prefix(count).joined(separator: " ")
    return parts.count > count ? head + "…" : head
  }
}
