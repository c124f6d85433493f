/// The tagger's weights and gazetteer, read in place from the embedded `Resources/ner/` files (no copy).
///
/// `weights.bin`: "DLNERW01", u32 bucket count (a power of two), u32 row width (8), f32 scale, 4 bytes
/// padding, then one row of 8 little-endian Int16 per bucket (7 BIO tags and a pad).
/// `gazetteer.bin`: "DLNERG01", u32 capacity (a power of two), u32 zero, capacity u64 keys (0 = empty,
/// linear probing), then capacity u8 flags. Both are written by `scripts/ner/train.py`.
public struct TaggerModel: @unchecked Sendable {
  // The pointers address immutable bytes compiled into the binary, so sharing them across threads is safe.
  let weights: UnsafeRawPointer
  let bucketMask: Int
  let gazetteerKeys: UnsafeRawPointer
  let gazetteerFlags: UnsafePointer<UInt8>
  let gazetteerMask: Int

  /// The model compiled into the binary, or nil if its resources are missing or malformed.
  public static let bundled: TaggerModel? = {
    guard let w = BundledResource.bytes("ner/weights.bin"), let g = BundledResource.bytes("ner/gazetteer.bin")
    else { return nil }
    return TaggerModel(weights: w, gazetteer: g)
  }()

  /// Reads a model from the two files' bytes, which must outlive the model; nil when they are malformed.
  public init?(weights: UnsafeBufferPointer<UInt8>, gazetteer: UnsafeBufferPointer<UInt8>) {
    guard let wBase = weights.baseAddress, let gBase = gazetteer.baseAddress,
      weights.count >= 24, gazetteer.count >= 16,
      Array(weights.prefix(8)) == Array("DLNERW01".utf8), Array(gazetteer.prefix(8)) == Array("DLNERG01".utf8)
    else { return nil }
    let raw = UnsafeRawPointer(wBase)
    let buckets = Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian)
    let width = Int(raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian)
    guard buckets > 0, buckets & (buckets - 1) == 0, width == 8, weights.count == 24 + buckets * 16 else {
      return nil
    }
    let graw = UnsafeRawPointer(gBase)
    let capacity = Int(graw.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian)
    guard capacity > 0, capacity & (capacity - 1) == 0, gazetteer.count == 16 + capacity * 9 else { return nil }
    self.weights = raw + 24
    self.bucketMask = buckets - 1
    self.gazetteerKeys = graw + 16
    self.gazetteerFlags = (graw + 16 + capacity * 8).assumingMemoryBound(to: UInt8.self)
    self.gazetteerMask = capacity - 1
  }

  /// The gazetteer flags of a phrase hash (0 when unknown).
  @inline(__always)
  func flags(_ hash: UInt64) -> GazetteerFlags {
    guard hash != 0 else { return [] }
    var slot = Int(truncatingIfNeeded: hash) & gazetteerMask
    while true {
      let key = UInt64(littleEndian: gazetteerKeys.loadUnaligned(fromByteOffset: slot * 8, as: UInt64.self))
      if key == hash { return GazetteerFlags(rawValue: gazetteerFlags[slot]) }
      if key == 0 { return [] }
      slot = (slot + 1) & gazetteerMask
    }
  }

  /// Adds the weight row of one hashed feature to `scores`.
  @inline(__always)
  func add(_ feature: UInt64, to scores: inout SIMD8<Int32>) {
    let row = Int(truncatingIfNeeded: feature) & bucketMask
    let w = weights.loadUnaligned(fromByteOffset: row * 16, as: SIMD8<Int16>.self)
    scores &+= SIMD8<Int32>(truncatingIfNeeded: w)
  }
}

/// What the gazetteer knows about a word or phrase (bits as in `scripts/ner/nerlib.py`).
public struct GazetteerFlags: OptionSet, Sendable, Hashable {
  public var rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public static let place = GazetteerFlags(rawValue: 1)
  public static let organization = GazetteerFlags(rawValue: 2)
  public static let givenName = GazetteerFlags(rawValue: 4)
  public static let surname = GazetteerFlags(rawValue: 8)
  /// A word that heads organisation names: "Council", "Bureau", "Institute".
  public static let organizationHead = GazetteerFlags(rawValue: 16)
  /// A title or role before a name: "President", "Colonel", "spokesperson".
  public static let title = GazetteerFlags(rawValue: 32)
  /// A word mostly written in lower case, so a capital on it usually opens a sentence.
  public static let commonLowercase = GazetteerFlags(rawValue: 64)
  /// A nationality or group: "Ukrainian", "Russians".
  public static let demonym = GazetteerFlags(rawValue: 128)
}
