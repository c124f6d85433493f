import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// An HTTP server for tests, bound to 127.0.0.1 only on a free port, answering routes with closures and keeping
/// the requests it saw. Start it in a test, `stop()` it after.
public final class LoopbackServer: Sendable {
  public typealias Handler = @Sendable (HTTPRequest) async throws -> HTTPResponse

  public let port: UInt16
  private let server: HTTPServer
  private let task: Task<Void, any Error>
  private let log: RequestLog

  /// What a request asked: its path and headers (names lower-cased).
  public struct SeenRequest: Sendable {
    public var path: String
    public var headers: [String: String]
  }

  /// `http://127.0.0.1:PORT`.
  public var base: String { "http://127.0.0.1:\(port)" }

  /// Starts a server answering `routes` ("GET /page", or "/page" for any method; "*" matches a path segment).
  public static func start(_ routes: [(String, Handler)]) async throws -> LoopbackServer {
    let log = RequestLog()
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 120, logger: .disabled)
    for (route, handler) in routes {
      await server.appendRoute(HTTPRoute(stringLiteral: route)) { request in
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
        log.append(SeenRequest(path: request.path, headers: headers))
        return try await handler(request)
      }
    }
    let task = Task { try await server.run() }
    try await server.waitUntilListening(timeout: 10)
    guard case .ip4(_, let port)? = await server.listeningAddress else {
      task.cancel()
      throw LoopbackServerError.notListening
    }
    return LoopbackServer(port: port, server: server, task: task, log: log)
  }

  private init(port: UInt16, server: HTTPServer, task: Task<Void, any Error>, log: RequestLog) {
    self.port = port
    self.server = server
    self.task = task
    self.log = log
  }

  /// The requests seen so far, oldest first.
  public var requests: [SeenRequest] { log.all }

  /// Closes the listening socket and every connection (a stalled answer included).
  public func stop() async {
    await server.stop(timeout: 0)
    task.cancel()
  }

  /// `stop()` for synchronous callers (a tmux test's tear-down).
  public func stopNow() {
    let done = DispatchSemaphore(value: 0)
    Task {
      await self.stop()
      done.signal()
    }
    done.wait()
  }

  /// `start(_:)` for synchronous callers.
  public static func startNow(_ routes: [(String, Handler)]) throws -> LoopbackServer {
    let done = DispatchSemaphore(value: 0)
    let box = Mutex<Result<LoopbackServer, any Error>?>(nil)
    Task {
      do {
        let server = try await start(routes)
        box.withLock { $0 = .success(server) }
      } catch {
        box.withLock { $0 = .failure(error) }
      }
      done.signal()
    }
    done.wait()
    guard let result = box.withLock({ $0 }) else { throw LoopbackServerError.notListening }
    return try result.get()
  }
}

public enum LoopbackServerError: Error {
  case notListening
}

/// What the server saw, safe to read from the test while handlers append.
final class RequestLog: Sendable {
  private let seen = Mutex<[LoopbackServer.SeenRequest]>([])
  func append(_ request: LoopbackServer.SeenRequest) { seen.withLock { $0.append(request) } }
  var all: [LoopbackServer.SeenRequest] { seen.withLock { $0 } }
}

extension HTTPBodySequence {
  /// A body that never ends, sent chunked (for the size cap).
  public static func endless() -> HTTPBodySequence { HTTPBodySequence(from: EndlessBody()) }
  /// A body that never ends but declares `count` bytes.
  public static func endless(declaring count: Int) -> HTTPBodySequence { HTTPBodySequence(from: EndlessBody(), count: count) }
  /// One space every 200 ms, forever (never idle long enough for an idle timeout).
  public static func trickle() -> HTTPBodySequence { HTTPBodySequence(from: TrickleBody()) }
}

/// One space every 200 ms, forever.
struct TrickleBody: AsyncBufferedSequence, Sendable {
  typealias Element = UInt8
  func makeAsyncIterator() -> Iterator { Iterator() }

  struct Iterator: AsyncBufferedIteratorProtocol {
    mutating func next() async throws -> UInt8? { try await nextBuffer(suggested: 1)?.first }
    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
      try await Task.sleep(for: .milliseconds(200))
      return [0x20]
    }
  }
}

/// A body that never ends ("a" after "a", in 64 KB chunks): for the size cap.
struct EndlessBody: AsyncBufferedSequence, Sendable {
  typealias Element = UInt8
  init() {}
  func makeAsyncIterator() -> Iterator { Iterator() }

  struct Iterator: AsyncBufferedIteratorProtocol {
    mutating func next() async throws -> UInt8? { 0x61 }
    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
      try Task.checkCancellation()
      return [UInt8](repeating: 0x61, count: Swift.max(1, Swift.min(count, 65_536)))
    }
  }
}
