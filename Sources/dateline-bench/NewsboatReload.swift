import Foundation

/// newsboat (the terminal feed reader the issue compares with) reloading a list of feeds unattended:
/// `newsboat -u urls -c cache.db -C config -x reload` in a folder of its own, with `reload-threads` set to the
/// concurrency dateline uses. Its cache stays between runs, so a second run sends conditional requests.
struct NewsboatReload {
  let executable: URL
  let directory: URL

  /// Nil when newsboat is not on the PATH or the folder cannot be written.
  init?(urls: [String], threads: Int, directory: URL) {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
      .map { URL(fileURLWithPath: String($0)).appendingPathComponent("newsboat") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    guard let path else { return nil }
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data((urls.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("urls"))
      try Data("reload-threads \(threads)\nshow-read-feeds yes\n".utf8).write(to: directory.appendingPathComponent("config"))
    } catch {
      return nil
    }
    executable = path
    self.directory = directory
  }

  /// One `-x reload`: its wall time in seconds, or nil when newsboat failed.
  func run() -> Double? {
    let process = Process()
    process.executableURL = executable
    process.currentDirectoryURL = directory
    process.arguments = [
      "-u", directory.appendingPathComponent("urls").path, "-c", directory.appendingPathComponent("cache.db").path,
      "-C", directory.appendingPathComponent("config").path, "-x", "reload",
    ]
    // Its own home, so that nothing of the user's newsboat setup is read or written.
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = directory.path
    environment["XDG_CONFIG_HOME"] = directory.path
    environment["XDG_DATA_HOME"] = directory.path
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    do {
      try process.run()
    } catch {
      return nil
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// How many items newsboat's cache holds (through the `sqlite3` tool; nil without it), to show that the reload
  /// read every item.
  func cachedItems() -> Int? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [directory.appendingPathComponent("cache.db").path, "SELECT count(*) FROM rss_item"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return nil
    }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Int(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
