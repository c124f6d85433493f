import DatelineApp
import DatelineCore
import Foundation

/// Prints the median time to draw a 120x40 reader frame and to handle a mention jump, on a synthetic story of
/// 2,000 updates and 500 entities (targets: under 1 ms each, release build).
func runReaderBenchmark(updates: Int = 2_000, entityCount: Int = 500, runs: Int = 301) {
  let (story, entities) = ReaderBenchmarkStory.make(updates: updates, entities: entityCount)
  let keymap = Keymap.defaults(from: BundledResource.text(Keymap.fileName) ?? "")
  let layoutStart = DispatchTime.now().uptimeNanoseconds
  var state = AppState(stories: [story], entities: [entities], keymap: keymap, width: 120, height: 40)
  let layoutNanos = DispatchTime.now().uptimeNanoseconds - layoutStart
  print("reader: synthetic story, \(story.updates.count) updates, \(entities.entities.count) entities, "
    + "\(entities.mentions.count) mentions, \(state.layout.lines.count) lines at 120x40")
  print(String(format: "reader: lay out the story once: %.1f ms", Double(layoutNanos) / 1e6))

  // Select the most mentioned entity, as a reader would from the sidebar.
  state = Reducer.reduce(state, .nextPane).0
  state = Reducer.reduce(state, .enter).0

  var frameTimes: [UInt64] = []
  var jumpTimes: [UInt64] = []
  var checksum = 0
  for run in 0..<runs {
    let scrolled = Reducer.reduce(state, .pageDown).0
    let drawStart = DispatchTime.now().uptimeNanoseconds
    let grid = ScreenView.render(run % 2 == 0 ? state : scrolled)
    frameTimes.append(DispatchTime.now().uptimeNanoseconds - drawStart)
    checksum &+= grid.cells.count

    let jumpStart = DispatchTime.now().uptimeNanoseconds
    let (next, _) = Reducer.reduce(state, .nextMention)
    jumpTimes.append(DispatchTime.now().uptimeNanoseconds - jumpStart)
    state = next
  }
  let position = state.mentionPosition.map { "\($0.index)/\($0.total)" } ?? "-"
  print(String(format: "reader: draw a 120x40 frame from the state: median %.3f ms (target < 1 ms)", median(frameTimes)))
  print(String(format: "reader: mention jump (reduce .nextMention): median %.3f ms (target < 1 ms), at mention %@",
    median(jumpTimes), position))
  if checksum == 0 { print("") }
}

private func median(_ nanos: [UInt64]) -> Double {
  let sorted = nanos.sorted()
  return sorted.isEmpty ? 0 : Double(sorted[sorted.count / 2]) / 1e6
}

/// A synthetic live blog with known mentions.
enum ReaderBenchmarkStory {
  static func make(updates: Int, entities count: Int) -> (Story, StoryEntities) {
    let types: [EntityType] = [.person, .place, .organization]
    let entities = (0..<count).map { i in
      Entity(name: "Name\(i) Example\(i % 37)", type: types[i % 3])
    }
    var mentions: [Mention] = []
    var storyUpdates: [Update] = []
    for u in 0..<updates {
      var paragraphs: [Paragraph] = []
      for p in 0..<3 {
        var text = ""
        for word in 0..<12 {
          if word % 4 == 1 {
            let entity = entities[(u * 7 + p * 3 + word) % count]
            let start = text.unicodeScalars.count
            text += entity.name
            mentions.append(Mention(entity: entity.id, part: .paragraph(update: u, index: p), start: start,
                                    length: entity.name.unicodeScalars.count, text: entity.name))
          } else {
            text += "word\(word) lorem ipsum"
          }
          text += word == 11 ? "." : " "
        }
        paragraphs.append(Paragraph(line: u * 4 + p + 2, text: text))
      }
      storyUpdates.append(Update(title: "Update \(updates - u): something happened", line: u * 4 + 1, paragraphs: paragraphs))
    }
    let story = Story(source: "(bench)", headline: "Synthetic live blog", standfirst: "For the reader benchmark.",
                      updates: storyUpdates)
    return (story, StoryEntities(entities: entities, mentions: mentions))
  }
}
