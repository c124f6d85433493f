import DatelineCore

/// Builds the keymap a session uses: the defaults, then the user's file if there is one.
public enum KeymapLoader {
  /// Where the user's keymap lives: `$XDG_CONFIG_HOME/dateline/keymap.conf`, or `$HOME/.config/...`.
  public static func userFilePath(environment: [String: String]) -> String? {
    ConfigDirectory.path(of: Keymap.fileName, environment: environment)
  }

  /// The defaults overridden by `userText` (nil when there is no user file). A bad user file gives the
  /// defaults and the error, to be shown in the status line.
  public static func load(defaultsText: String, userText: String?, userPath: String) -> (Keymap, KeymapError?) {
    var keymap = Keymap.defaults(from: defaultsText)
    guard let userText else { return (keymap, nil) }
    let error = KeymapParser.apply(userText, file: userPath, to: &keymap)
    return (keymap, error)
  }
}
