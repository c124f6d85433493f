import FlyingFox
import Foundation
import LoopbackServer

/// The loopback server of the refresh benchmark, in a process of its own (`dateline-bench feeds-serve`): every
/// feed a refresh reads comes from another process, as from a real server, so the server's work neither shares
/// the refreshing process's threads nor counts in its memory; newsboat reads the same server.
enum FeedBenchServer {
  /// Serves `/feed/N` (RSS, ETag `"N"`, 304 on a matching If-None-Match) on 127.0.0.1, prints its base URL on
  /// one line, and stops when standard input closes.
  static func serve(itemsPerFeed: Int) {
    do {
      let server = try LoopbackServer.startNow([
        (
          "GET /feed/*",
          { request in
            let name = request.path.split(separator: "/").last.map(String.init) ?? "0"
            if request.headers[HTTPHeader("If-None-Match")] == "\"\(name)\"" {
              return HTTPResponse(statusCode: HTTPStatusCode(304, phrase: "Not Modified"))
            }
            return HTTPResponse(
              statusCode: .ok,
              headers: [HTTPHeader("Content-Type"): "application/rss+xml", HTTPHeader("ETag"): "\"\(name)\""],
              body: Data(benchFeed(name, items: itemsPerFeed).utf8))
          }
        )
      ])
      FileHandle.standardOutput.write(Data((server.base + "\n").utf8))
      while readLine() != nil {}
      server.stopNow()
    } catch {
      print("error: \(error)")
    }
  }

  /// A running server process.
  final class Child {
    let base: String
    private let process: Process
    private let input: Pipe

    /// Starts `dateline-bench feeds-serve` (this same binary); nil when it does not come up.
    init?(itemsPerFeed: Int) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      process.arguments = ["feeds-serve", "\(itemsPerFeed)"]
      let input = Pipe()
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      do {
        try process.run()
      } catch {
        return nil
      }
      var line: [UInt8] = []
      while true {
        let byte = output.fileHandleForReading.readData(ofLength: 1)
        guard let first = byte.first else { break }
        if first == UInt8(ascii: "\n") { break }
        line.append(first)
      }
      let text = String(decoding: line, as: UTF8.self)
      guard text.hasPrefix("http://") else {
        process.terminate()
        return nil
      }
      base = text
      self.process = process
      self.input = input
    }

    /// Stops the server (its standard input closes) and waits for it.
    func stop() {
      try? input.fileHandleForWriting.close()
      process.waitUntilExit()
    }
  }
}
