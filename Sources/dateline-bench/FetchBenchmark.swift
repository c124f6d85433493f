import DatelineFetch
import FlyingFox
import Foundation
import LoopbackServer
import Synchronization

/// `dateline-bench fetch`: `count` pages of about 60 KB fetched from a loopback server in this process (127.0.0.1,
/// stopped after) through `FetchLimiter`, then fetched again with their validators (each a 304): the wall time,
/// pages per second, MB per second and peak memory of each round. What a refresh of many feeds costs in the
/// client, server included. All pages come from one host here, so each round runs twice: with the default of 6
/// connections per host (what one site gets) and with as many as the limiter allows (many sites at once).
func runFetchBenchmark(count: Int = 500, limit: Int = 16) {
  let page = Data(String(repeating: "<p>Passengers at the terminal were told about a development by the operator.</p>\n", count: 720).utf8)
  let done = DispatchSemaphore(value: 0)
  Task {
    defer { done.signal() }
    let server: LoopbackServer
    do {
      server = try await LoopbackServer.start([
        (
          "GET /page/*",
          { request in
            if request.headers[HTTPHeader("If-None-Match")] == "\"v1\"" {
              return HTTPResponse(statusCode: HTTPStatusCode(304, phrase: "Not Modified"), headers: [HTTPHeader("ETag"): "\"v1\""])
            }
            return HTTPResponse(
              statusCode: .ok, headers: [HTTPHeader("Content-Type"): "text/html", HTTPHeader("ETag"): "\"v1\""],
              body: HTTPBodySequence(data: page, suggestedBufferSize: 65_536))
          }
        )
      ])
    } catch {
      print("fetch: cannot start the loopback server: \(error)")
      return
    }
    let limiter = FetchLimiter(limit: limit)
    print("fetch: \(count) pages of \(page.count / 1000) KB from 127.0.0.1, at most \(limit) at once")
    var wide = FetchPolicy.standard
    wide.maxConnectionsPerHost = limit
    let rounds: [(String, Validators?, FetchPolicy)] = [
      ("200, 6 per host ", nil, .standard), ("304, 6 per host ", Validators(etag: "\"v1\""), .standard),
      ("200, \(limit) per host", nil, wide), ("304, \(limit) per host", Validators(etag: "\"v1\""), wide),
    ]
    for (round, validators, policy) in rounds {
      let fetcher = PageFetcher(policy: policy)
      ProcessMemory.resetPeak()
      let started = Date()
      let bytes = await withTaskGroup(of: Int.self) { group in
        for n in 0..<count {
          group.addTask {
            await limiter.run {
              switch await fetcher.fetch("\(server.base)/page/\(n)", validators: validators) {
              case .success(.page(let fetched)): return fetched.bytes.count
              case .success(.notModified): return 0
              case .failure(let error):
                print("fetch: \(error)")
                return -1
              }
            }
          }
        }
        var total = 0
        for await size in group { total += max(0, size) }
        return total
      }
      let seconds = Date().timeIntervalSince(started)
      print(
        String(
          format: "  %@: %.2f s, %.0f pages/s, %.1f MB/s, peak memory %.0f MB", round, seconds,
          Double(count) / seconds, Double(bytes) / 1e6 / seconds, Double(ProcessMemory.peakSinceReset() ?? ProcessMemory.peakResidentBytes()) / 1e6))
    }
    await server.stop()
  }
  done.wait()
}
