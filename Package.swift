// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "dateline",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "dateline", targets: ["dateline"]),
    .executable(name: "dateline-bench", targets: ["dateline-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    // Tests only: a small pure-Swift HTTP server for the loopback server the fetch tests start (no SwiftNIO).
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    // Resources/ compiled into the binary (C23 #embed), so a copied binary needs no resource folder.
    .target(name: "CDatelineResources"),
    // libxml2 (Debian's libxml2-dev): the HTML parser under lxml and trafilatura, and the XML parser for feeds.
    // Opened with dlopen at the first page or feed, never linked (why: include/CLibXML2.h); its headers give the
    // types and constants.
    .target(name: "CLibXML2", linkerSettings: [.linkedLibrary("dl")]),
    // Threads started on another CPU than their creator's (why: include/CThreadStart.h).
    .target(name: "CThreadStart"),
    .target(name: "DatelineCore", dependencies: ["CDatelineResources", "CLibXML2", "CThreadStart"]),
    .target(
      name: "DatelineStore",
      dependencies: ["DatelineCore", .product(name: "GRDB", package: "GRDB.swift")]),
    .target(name: "DatelineApp", dependencies: ["DatelineCore"]),
    // libcurl's easy interface, opened with dlopen at the first fetch: <curl/curl.h> (libcurl4-openssl-dev) for
    // types and constants only, never linked, so a start that fetches nothing loads none of libcurl's libraries.
    .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
    // The HTTP client and its policy, on libcurl loaded at the first fetch (why: PageFetcher.swift).
    .target(name: "DatelineFetch", dependencies: ["DatelineCore", "CCurl"]),
    .target(name: "DatelineSession", dependencies: ["DatelineApp", "DatelineStore", "DatelineFetch"]),
    .target(name: "CNcurses", linkerSettings: [.linkedLibrary("ncursesw")]),
    .target(name: "DatelineTerminal", dependencies: ["DatelineApp", "CNcurses"]),
    .executableTarget(
      name: "dateline",
      dependencies: [
        "DatelineCore", "DatelineStore", "DatelineApp", "DatelineSession", "DatelineTerminal", "DatelineFetch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      linkerSettings: [.unsafeFlags(StaticLink.flags)]),
    .executableTarget(
      name: "dateline-bench",
      dependencies: ["DatelineCore", "DatelineStore", "DatelineApp", "DatelineSession", "DatelineFetch", "LoopbackServer"]),
    // libFuzzer targets for the readers (README: "Fuzzing"); plain builds replay files given as arguments.
    .target(name: "DatelineFuzzSupport"),
    .executableTarget(name: "dateline-fuzz-html", dependencies: ["DatelineCore", "DatelineFuzzSupport"]),
    .executableTarget(name: "dateline-fuzz-text", dependencies: ["DatelineCore", "DatelineFuzzSupport"]),
    .executableTarget(name: "dateline-fuzz-feeds", dependencies: ["DatelineCore", "DatelineFuzzSupport"]),
    .testTarget(name: "DatelineCoreTests", dependencies: ["DatelineCore"]),
    .testTarget(name: "DatelineStoreTests", dependencies: ["DatelineStore"]),
    .testTarget(name: "DatelineAppTests", dependencies: ["DatelineApp"]),
    .testTarget(name: "DatelineSessionTests", dependencies: ["DatelineSession", "DatelineStore", "DatelineApp", "DatelineFetch"]),
    // The loopback HTTP server of the fetch and end-to-end tests (127.0.0.1 only, started and stopped by them).
    .target(
      name: "LoopbackServer", dependencies: [
        .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
      ],
      path: "Tests/LoopbackServer"),
    .testTarget(
      name: "DatelineFetchTests", dependencies: ["DatelineFetch", "DatelineStore", "DatelineSession", "LoopbackServer"]),
    .testTarget(name: "EndToEndTests", dependencies: ["DatelineCore", "LoopbackServer"]),
    .testTarget(name: "DatelineTerminalTests", dependencies: ["DatelineTerminal", "DatelineApp"]),
    // The command line's own logic (the ArgumentParser shortcut), tested on the executable's module.
    .testTarget(
      name: "DatelineCLITests",
      dependencies: ["dateline", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
  ]
)

/// SQLite, ncurses (with its terminfo library) and the C++ library the Swift runtime uses are linked into the
/// reader statically, from the archives Debian's -dev packages ship: a start then maps and binds four fewer shared
/// libraries (measured: 0.5-0.7 ms less before `main`), and a copied binary needs none of them. The linker finds
/// `-lsqlite3`, `-lncursesw` and `-lstdc++` in `StaticLink/` first, where each is a linker script naming the
/// archive, which the linker then finds on its usual search path (StaticLink/README).
enum StaticLink {
  static let flags = ["-L", Context.packageDirectory + "/StaticLink"]
}
