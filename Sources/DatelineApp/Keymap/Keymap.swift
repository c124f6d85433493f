/// Which command each key runs: plain data, built from bind lines (the defaults, then the user's file).
public struct Keymap: Sendable, Equatable {
  public private(set) var bindings: [Key: Command]

  public init(bindings: [Key: Command] = [:]) { self.bindings = bindings }

  /// The command bound to `key`, or nil.
  public func command(for key: Key) -> Command? { bindings[key] }

  /// Binds `key` to `command`, or removes its binding when `command` is nil.
  public mutating func bind(_ key: Key, to command: Command?) { bindings[key] = command }

  /// Every key bound to `command`, printable characters first, then by name.
  public func keys(for command: Command) -> [Key] {
    bindings.filter { $0.value == command }.map(\.key).sorted { a, b in
      let aSpecial = a.name.count > 1
      let bSpecial = b.name.count > 1
      return aSpecial != bSpecial ? !aSpecial : a.name < b.name
    }
  }

  /// The name of the default keymap file in `Resources/` and of the user's file.
  public static let fileName = "keymap.conf"

  /// The built-in defaults, parsed from `Resources/keymap.conf` text with the same parser as the user's file.
  public static func defaults(from text: String) -> Keymap {
    var keymap = Keymap()
    _ = KeymapParser.apply(text, file: fileName, to: &keymap)
    return keymap
  }
}
