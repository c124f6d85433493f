import Foundation

/// Finds the built `dateline` product beside the test bundle (`.build/<config>/dateline`).
enum DatelineBinary {
  static var path: String? {
    var directories: [URL] = []
    if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
    directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
    for bundle in Bundle.allBundles { directories.append(bundle.bundleURL.deletingLastPathComponent()) }
    // #filePath: <package>/Tests/EndToEndTests/DatelineBinary.swift
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    for scratch in [".build-reader", ".build"] {
      for config in ["debug", "release"] { directories.append(package.appendingPathComponent("\(scratch)/\(config)")) }
    }
    return directories.map { $0.appendingPathComponent("dateline").path }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Single-quotes `text` for sh.
  static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
