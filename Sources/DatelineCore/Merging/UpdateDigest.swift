/// What the merger needs to know of an update: its identity, title, opening text and a hash of its whole text.
/// Small enough to keep for every stored update, so a library can merge without loading update bodies.
public struct UpdateDigest: Sendable, Hashable {
  public var id: UpdateID
  public var title: String?
  /// The text of the first paragraph ("" when it has none).
  public var opening: String
  /// A hash of the update's text (`UpdateDigest.contentHash(of:)`); two versions differ when it differs.
  public var contentHash: String

  public init(id: UpdateID, title: String?, opening: String, contentHash: String) {
    self.id = id
    self.title = title
    self.opening = opening
    self.contentHash = contentHash
  }

  /// The digest of `update`.
  public init(_ update: Update) {
    self.init(
      id: update.id, title: update.title, opening: update.paragraphs.first?.text ?? "",
      contentHash: Self.contentHash(of: update))
  }

  /// A hash of the text of an update: title, kind, paragraphs and cards. The printed time is left out: pages
  /// show relative times ("3 hours ago") that change on every capture without the post changing.
  public static func contentHash(of update: Update) -> String {
    var hasher = ContentHasher()
    hasher.add(update.title ?? "\u{0}")
    hasher.add(update.kind.rawValue)
    for paragraph in update.paragraphs { hasher.add("p"); hasher.add(paragraph.text) }
    for link in update.links {
      hasher.add("l")
      hasher.add(link.title)
      hasher.add(link.summary ?? "\u{0}")
    }
    return hasher.hex
  }
}

/// A stable 128-bit hash (two FNV-1a 64-bit lanes) of bytes or strings, printed as 32 hex digits. Not
/// cryptographic: it tells captures and update texts apart, it does not defend against forgery.
public struct ContentHasher: Sendable {
  private var low: UInt64 = 0xcbf2_9ce4_8422_2325
  private var high: UInt64 = 0x6c62_272e_07bb_0142

  public init() {}

  /// Adds `bytes`.
  public mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
    var low = self.low
    var high = self.high
    for byte in bytes {
      low = (low ^ UInt64(byte)) &* 0x100_0000_01b3
      high = (high ^ UInt64(byte ^ 0x5a)) &* 0x100_0000_01b3
      high = high &+ (low >> 29)
    }
    self.low = low
    self.high = high
  }

  /// Adds `bytes`.
  public mutating func add(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { add(bytes: $0) }
  }

  /// Adds a string and a separator, so ("ab", "c") and ("a", "bc") differ.
  public mutating func add(_ text: String) {
    var text = text
    text.withUTF8 { add(bytes: $0) }
    withUnsafeBytes(of: UInt8(0xff)) { add(bytes: $0.bindMemory(to: UInt8.self)) }
  }

  /// The hash as 32 lower-case hex digits.
  public var hex: String {
    func digits(_ v: UInt64) -> String {
      let s = String(v, radix: 16)
      return String(repeating: "0", count: 16 - s.count) + s
    }
    return digits(high) + digits(low)
  }

  /// The hash of `bytes` as 32 hex digits.
  public static func hex(of bytes: [UInt8]) -> String {
    var hasher = ContentHasher()
    hasher.add(bytes: bytes)
    return hasher.hex
  }
}
