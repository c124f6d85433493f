import DatelineCore
import Foundation

/// Prints the recogniser's speed (median words per second over `runs` runs on a synthetic news text of about
/// `words` words, split into paragraphs), spaCy's NER pipe on the same text in the same run (when python3 has
/// spaCy), the model's load time and the resident memory it adds.
func runEntityBenchmark(words targetWords: Int = 200_000, runs requestedRuns: Int = 7) {
  let runs = max(1, requestedRuns)
  let (paragraphs, wordCount) = syntheticNews(words: targetWords)
  let rssBefore = ProcessMemory.residentBytes()
  let loadStart = DispatchTime.now().uptimeNanoseconds
  let analyzer = StoryEntityAnalyzer()
  _ = analyzer.analyze(texts: ["Warm-up: Jane Roe met officials of the World Bank in Lisbon."])
  let loadMs = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e6
  guard analyzer.hasModel else {
    print("entities: the model is missing from the binary")
    return
  }
  // Every page of the embedded weights and gazetteer, touched once: what the model itself can occupy.
  var checksum = 0
  for name in ["ner/weights.bin", "ner/gazetteer.bin"] {
    guard let bytes = BundledResource.bytes(name) else { continue }
    for i in stride(from: 0, to: bytes.count, by: 4096) { checksum &+= Int(bytes[i]) }
  }
  let rssModel = Double(ProcessMemory.residentBytes() - rssBefore) / 1_048_576
  var rates: [Double] = []
  var mentions = 0
  for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = analyzer.analyze(texts: paragraphs)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    mentions = result.mentions.count
    rates.append(Double(wordCount) / seconds)
  }
  rates.sort()
  print(
    String(
      format: "entities: %d words in %d paragraphs, %d mentions; median %.0f words/s over %d runs (min %.0f, max %.0f)",
      wordCount, paragraphs.count, mentions, rates[rates.count / 2], runs, rates[0], rates[rates.count - 1]))
  // The same text through the recogniser alone (no alias resolution), to show where the time goes.
  if let recognizer = EntityRecognizer() {
    var recognizerRates: [Double] = []
    for _ in 0..<3 {
      let start = DispatchTime.now().uptimeNanoseconds
      _ = recognizer.recognize(paragraphs)
      recognizerRates.append(Double(wordCount) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }
    recognizerRates.sort()
    print(String(format: "entities: recogniser alone (no alias merging): median %.0f words/s", recognizerRates[1]))
  }
  // spaCy's NER pipe on the very same paragraphs, measured now, so the ratio is from one run.
  switch SpacyBaseline.seconds(paragraphs) {
  case .success(let seconds):
    let spacyRate = Double(wordCount) / seconds
    let ours = rates[rates.count / 2]
    print(
      String(
        format: "entities: spaCy en_core_web_sm NER pipe on the same text: median %.0f words/s; dateline %.1fx that",
        spacyRate, ours / spacyRate))
  case .failure(let unavailable):
    print("entities: spaCy not measured (\(unavailable.reason))")
  }
  let rssAdded = Double(ProcessMemory.residentBytes() - rssBefore) / 1_048_576
  if checksum == -1 { print("") }  // keeps the page walk from being optimised away
  print(
    String(
      format: "entities: model load and first call %.1f ms; model resident with every page touched +%.1f MB; "
        + "after analysing the whole text in one call +%.1f MB", loadMs, rssModel, rssAdded))
}

/// Paragraphs of made-up wire copy, the same every run.
private func syntheticNews(words: Int) -> ([String], Int) {
  let people = ["Maria Lopez", "Jonas Berg", "Aiko Tanaka", "Olek Marchenko", "Grace Mensah", "Tomas Novak"]
  let places = ["Lisbon", "Kharkiv", "Nairobi", "Osaka", "Quito", "Gdansk", "South Korea", "New Delhi"]
  let orgs = ["the World Bank", "Reuters", "the European Commission", "the Red Cross", "Nato", "the UN"]
  let templates = [
    "%P said on Monday that talks in %L had stalled, according to %O.",
    "Meanwhile, officials in %L reported heavy rain and closed several roads near the coast.",
    "“We will keep working,” %P told reporters outside the offices of %O in %L.",
    "The government in %L said at least 12 people had been injured in the strike overnight.",
    "%O said in a statement that it was sending more staff to %L and %L.",
    "Analysts expect prices to rise again next month as demand recovers across the region.",
  ]
  var paragraphs: [String] = []
  var count = 0
  var n = 0
  while count < words {
    var paragraph: [String] = []
    for _ in 0..<4 {
      var sentence = templates[n % templates.count]
      for (token, list) in [("%P", people), ("%L", places), ("%O", orgs)] {
        while let range = sentence.range(of: token) {
          sentence.replaceSubrange(range, with: list[(n * 7 + paragraph.count * 3) % list.count])
          n += 1
        }
      }
      n += 1
      count += sentence.split(separator: " ").count
      paragraph.append(sentence)
    }
    paragraphs.append(paragraph.joined(separator: " "))
  }
  return (paragraphs, count)
}
