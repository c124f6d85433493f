import CDatelineResources

/// Files of the repository's `Resources/` folder, compiled into the binary.
public enum BundledResource {
  /// The bytes of `name` (a path relative to `Resources/`), or nil when no such resource is embedded.
  public static func bytes(_ name: String) -> UnsafeBufferPointer<UInt8>? {
    var length = 0
    guard let pointer = dateline_resource(name, &length) else { return nil }
    return UnsafeBufferPointer(start: pointer, count: length)
  }

  /// The text of `name`, decoded as UTF-8 (resources are ours and valid UTF-8).
  public static func text(_ name: String) -> String? {
    bytes(name).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The names of every embedded resource.
  public static var names: [String] {
    var result: [String] = []
    while let name = dateline_resource_name(result.count) { result.append(String(cString: name)) }
    return result
  }
}
