import Foundation

/// Reads a capture's bytes from a path safely: missing files, directories, unreadable and over-large files
/// (including endless devices) become errors, never crashes or hangs.
enum CaptureFile {
  static func bytes(atPath path: String, limit: Int) throws(CaptureReadError) -> [UInt8] {
    let handle: FileHandle
    if path == "-" {
      handle = FileHandle.standardInput
    } else {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw .fileNotFound(path: path)
      }
      if isDirectory.boolValue { throw .isDirectory(path: path) }
      do {
        handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
      } catch {
        throw .unreadable(path: path, reason: FileManager.default.isReadableFile(atPath: path) ? "open failed" : "permission denied")
      }
    }
    defer { if path != "-" { try? handle.close() } }
    var bytes: [UInt8] = []
    let chunk = 4 * 1024 * 1024
    while true {
      let data: Data?
      do { data = try handle.read(upToCount: chunk) } catch {
        throw .unreadable(path: path, reason: "read failed")
      }
      guard let data, !data.isEmpty else { break }
      if bytes.isEmpty && !hasTextBOM(data) && CaptureDecoder.looksBinary(ArraySlice(data)) {
        throw .binary(source: path)  // an endless device or a large binary stops here, not at the limit
      }
      bytes.append(contentsOf: data)
      if bytes.count > limit { throw .tooLarge(source: path, bytes: bytes.count, limit: limit) }
    }
    return bytes
  }

  private static func hasTextBOM(_ data: Data) -> Bool {
    data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0x00, 0x00, 0xFE, 0xFF])
  }
}
