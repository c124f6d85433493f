extension String {
  /// A string of `scalars`, encoded in one pass. `String(String.UnicodeScalarView(scalars))` appends scalar by
  /// scalar through the generic path and cost half of reading the bundled boilerplate rules at start-up.
  init(scalars: some Collection<Unicode.Scalar>) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count)
    for scalar in scalars {
      if scalar.isASCII {
        bytes.append(UInt8(truncatingIfNeeded: scalar.value))
      } else {
        UTF8.encode(scalar) { bytes.append($0) }
      }
    }
    self = String(decoding: bytes, as: UTF8.self)
  }
}
