import Foundation
import XCTest

/// A throw-away OpenSSH server on 127.0.0.1: its own host key, key-only login with a key of its own, a port
/// nobody else uses, everything in one temporary folder; stopped by `stop()`.
final class SSHServer {
  static let sshdPath = "/usr/sbin/sshd"
  let directory: URL
  let port: Int
  /// sshd's pid (from its pid file: it runs as a daemon, not as a child of the test process).
  private var pid: Int32?

  var clientKey: String { directory.appendingPathComponent("client_key").path }

  /// Starts sshd; throws XCTSkip with the reason when it cannot run here.
  init() throws {
    let fileManager = FileManager.default
    guard fileManager.isExecutableFile(atPath: Self.sshdPath), fileManager.isExecutableFile(atPath: "/usr/bin/ssh"),
      fileManager.isExecutableFile(atPath: "/usr/bin/ssh-keygen")
    else {
      throw XCTSkip("sshd or ssh is not installed: the SSH round trip needs openssh-server (scripts/setup installs it)")
    }
    directory = fileManager.temporaryDirectory.appendingPathComponent("dateline-sshd-\(UUID().uuidString.prefix(8))")
    try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
    for key in ["host_key", "client_key"] {
      try Self.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "dateline-test", "-f", directory.appendingPathComponent(key).path])
    }
    try fileManager.copyItem(
      at: directory.appendingPathComponent("client_key.pub"), to: directory.appendingPathComponent("authorized_keys"))
    // sshd run as root wants its privilege-separation folder (made by the service scripts, which tests do not use).
    if getuid() == 0 { try? fileManager.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
    guard let port = Self.freePort() else { throw XCTSkip("no free port on 127.0.0.1 for sshd") }
    self.port = port
    let config = """
      Port \(port)
      ListenAddress 127.0.0.1
      HostKey \(directory.appendingPathComponent("host_key").path)
      AuthorizedKeysFile \(directory.appendingPathComponent("authorized_keys").path)
      PidFile \(directory.appendingPathComponent("sshd.pid").path)
      PubkeyAuthentication yes
      PasswordAuthentication no
      KbdInteractiveAuthentication no
      PermitRootLogin prohibit-password
      UsePAM no
      StrictModes no
      PrintMotd no
      PrintLastLog no
      AcceptEnv LANG LC_*
      LogLevel ERROR

      """
    let configPath = directory.appendingPathComponent("sshd_config").path
    try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    let log = directory.appendingPathComponent("sshd.log").path
    let pidFile = directory.appendingPathComponent("sshd.pid").path
    // Started through system(): sshd forks into the background and is no child of this process, whose
    // Foundation.Process bookkeeping another long-lived child would disturb.
    let status = system(
      [Self.sshdPath, "-f", configPath, "-E", log].map(DatelineBinary.quoted).joined(separator: " ") + " </dev/null >/dev/null 2>&1")
    // It listens, then writes its pid file: wait for both.
    func readPID() -> Int32? {
      (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline, status == 0, readPID() == nil || !Self.accepts(port: port) { usleep(20_000) }
    pid = readPID()
    guard status == 0, pid != nil, Self.accepts(port: port) else {
      let reason = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").last.map(String.init)
      stop()
      throw XCTSkip("sshd cannot run here (\(reason ?? "it did not listen within 5 s")): the SSH round trip is skipped")
    }
  }

  /// The ssh command line (for sh) that runs `remote` on this server in a terminal (`-tt`).
  func sshCommand(_ remote: String) -> String {
    let options = [
      "-tt", "-p", String(port), "-i", clientKey, "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
      "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "IdentitiesOnly=yes",
    ]
    return "/usr/bin/ssh " + options.map(DatelineBinary.quoted).joined(separator: " ") + " 127.0.0.1 "
      + DatelineBinary.quoted(remote)
  }

  /// Stops sshd (its sessions end with it) and removes its folder.
  func stop() {
    if let pid {
      kill(pid, SIGTERM)
      let deadline = Date().addingTimeInterval(5)
      while Date() < deadline, kill(pid, 0) == 0 { usleep(20_000) }
      self.pid = nil
    }
    try? FileManager.default.removeItem(at: directory)
  }

  private static func run(_ path: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw XCTSkip("\(path) failed (status \(process.terminationStatus)): the SSH round trip is skipped")
    }
  }

  /// A port on 127.0.0.1 that is free now (the kernel's pick for port 0).
  private static func freePort() -> Int? {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { return nil }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { return nil }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    return named == 0 ? Int(UInt16(bigEndian: address.sin_port)) : nil
  }

  /// Whether something accepts connections on 127.0.0.1:`port`.
  private static func accepts(port: Int) -> Bool {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { return false }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    } == 0
  }
}
