/// The id of an item that has none: a stable hash (64-bit FNV-1a, in hex) of what identifies it, so that the
/// same item read again gets the same id.
enum FeedItemID {
  static func hash(link: String?, title: String?, published: String?, text: String?) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in [link, title, published, text] {
      for byte in (part ?? "").utf8 {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
      }
      value ^= 0xFF
      value = value &* 0x0000_0100_0000_01B3
    }
    let hex = String(value, radix: 16)
    return "dateline:" + String(repeating: "0", count: 16 - hex.count) + hex
  }
}
