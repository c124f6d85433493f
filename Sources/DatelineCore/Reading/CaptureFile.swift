#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a capture's bytes from a path safely: missing files, directories, unreadable and over-large files
/// (including endless devices) become errors, never crashes or hangs.
///
/// Plain POSIX calls: this runs before the first frame of `dateline FILE`, where Foundation's `FileHandle`, `URL`
/// and `Data` cost more than the read itself (the first use of each sets up type metadata at run time).
enum CaptureFile {
  static func bytes(atPath path: String, limit: Int) throws(CaptureReadError) -> [UInt8] {
    let descriptor: Int32
    if path == "-" {
      descriptor = STDIN_FILENO
    } else {
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
      if descriptor < 0 {
        switch errno {
        case ENOENT, ENOTDIR: throw .fileNotFound(path: path)
        case EACCES, EPERM: throw .unreadable(path: path, reason: "permission denied")
        case EISDIR: throw .isDirectory(path: path)
        default: throw .unreadable(path: path, reason: "open failed")
        }
      }
    }
    defer { if path != "-" { close(descriptor) } }
    var status = stat()
    let isRegular: Bool
    if fstat(descriptor, &status) == 0 {
      if status.st_mode & S_IFMT == S_IFDIR { throw .isDirectory(path: path) }
      isRegular = status.st_mode & S_IFMT == S_IFREG
    } else {
      isRegular = false
    }
    var bytes: [UInt8] = []
    if isRegular { bytes.reserveCapacity(min(Int(status.st_size), limit) + 1) }
    var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
    // The binary check looks at the first 64 KiB (or the whole file, when shorter): an endless device or a
    // large binary stops there, not at the limit.
    var checked = false
    func checkOnce() throws(CaptureReadError) {
      guard !checked else { return }
      checked = true
      if !hasTextBOM(bytes) && CaptureDecoder.looksBinary(bytes[...]) { throw .binary(source: path) }
    }
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: errno == EISDIR ? "is a directory" : "read failed")
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[..<count])
      if bytes.count >= Self.chunkSize { try checkOnce() }
      if bytes.count > limit { throw .tooLarge(source: path, bytes: bytes.count, limit: limit) }
    }
    try checkOnce()
    return bytes
  }

  /// The size of each read, and of the prefix the binary check looks at.
  private static let chunkSize = 65_536

  private static func hasTextBOM(_ bytes: [UInt8]) -> Bool {
    bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
  }
}
