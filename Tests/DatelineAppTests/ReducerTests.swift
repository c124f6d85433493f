import DatelineCore
import XCTest

@testable import DatelineApp

final class ReducerTests: XCTestCase {
  func testStartsOnTheFirstStoryWithUpdatesFocused() {
    let state = Fixtures.state()
    XCTAssertEqual(state.openStory, 0)
    XCTAssertEqual(state.focus, .updates)
    XCTAssertEqual(state.updateScroll, 0)
  }

  func testMoveDownAndUpScrollTheUpdatePaneAndStopAtTheEdges() {
    var state = Fixtures.state(width: 80, height: 12)
    state = apply(state, .moveUp)
    XCTAssertEqual(state.updateScroll, 0)
    state = apply(state, .moveDown, .moveDown)
    XCTAssertEqual(state.updateScroll, 2)
    state = apply(state, .moveLast)
    XCTAssertEqual(state.updateScroll, state.maxUpdateScroll)
    state = apply(state, .moveDown)
    XCTAssertEqual(state.updateScroll, state.maxUpdateScroll)
    state = apply(state, .moveFirst)
    XCTAssertEqual(state.updateScroll, 0)
  }

  func testPagesMoveByAScreenLessOneLine() {
    var state = Fixtures.state(width: 80, height: 12)
    let rows = state.updateRows
    state = apply(state, .pageDown)
    XCTAssertEqual(state.updateScroll, min(rows - 1, state.maxUpdateScroll))
    state = apply(state, .pageUp)
    XCTAssertEqual(state.updateScroll, 0)
    state = apply(state, .halfPageDown)
    XCTAssertEqual(state.updateScroll, min(rows / 2, state.maxUpdateScroll))
    state = apply(state, .halfPageUp)
    XCTAssertEqual(state.updateScroll, 0)
  }

  func testPaneFocusCyclesBothWays() {
    var state = Fixtures.state()
    state = apply(state, .nextPane)
    XCTAssertEqual(state.focus, .entities)
    state = apply(state, .nextPane)
    XCTAssertEqual(state.focus, .stories)
    state = apply(state, .previousPane)
    XCTAssertEqual(state.focus, .entities)
  }

  func testStoryListMovesAndEnterOpensTheStory() {
    var state = apply(Fixtures.state(), .previousPane, .moveDown)
    XCTAssertEqual(state.focus, .stories)
    XCTAssertEqual(state.storyCursor, 1)
    XCTAssertEqual(state.openStory, 0)
    state = apply(state, .moveDown)
    XCTAssertEqual(state.storyCursor, 1, "stops at the last story")
    state = apply(state, .enter)
    XCTAssertEqual(state.openStory, 1)
    XCTAssertEqual(state.focus, .updates)
    XCTAssertEqual(state.story?.headline, "Aid talks continue")
    state = apply(state, .previousPane, .moveFirst, .enter)
    XCTAssertEqual(state.openStory, 0)
  }

  func testSidebarIsGroupedByTypeMostMentionedFirst() {
    let state = Fixtures.state()
    XCTAssertEqual(state.sidebar.map(\.entity.name), ["Antony Blinken", "Volodymyr Zelensky", "Kyiv", "NATO"])
    XCTAssertEqual(state.sidebar.map(\.count), [4, 4, 4, 3])
  }

  func testTypeFilterCycles() {
    var state = apply(Fixtures.state(), .cycleTypeFilter)
    XCTAssertEqual(state.typeFilter, .person)
    XCTAssertEqual(state.sidebar.map(\.entity.name), ["Antony Blinken", "Volodymyr Zelensky"])
    state = apply(state, .cycleTypeFilter)
    XCTAssertEqual(state.sidebar.map(\.entity.name), ["Kyiv"])
    state = apply(state, .cycleTypeFilter)
    XCTAssertEqual(state.sidebar.map(\.entity.name), ["NATO"])
    state = apply(state, .cycleTypeFilter)
    XCTAssertNil(state.typeFilter)
    XCTAssertEqual(state.sidebar.count, 4)
  }

  func testEnterInTheSidebarSelectsTheEntityAndJumpsToItsFirstMention() {
    let state = apply(Fixtures.state(), .nextPane, .enter)
    XCTAssertEqual(state.selectedEntity, Fixtures.blinken.id)
    XCTAssertEqual(state.currentMention?.mention.part, .headline)
    XCTAssertEqual(state.mentionPosition?.index, 1)
    XCTAssertEqual(state.mentionPosition?.total, 5)
  }

  func testNextMentionWalksAcrossUpdatesAndStoriesThenWraps() {
    var state = Fixtures.state(width: 80, height: 12)
    state = apply(state, .nextPane, .enter)  // headline
    let parts = (0..<5).map { _ -> (Int, StoryPart?) in
      state = apply(state, .nextMention)
      return (state.openStory, state.currentMention?.mention.part)
    }
    XCTAssertEqual(parts.map(\.0), [0, 0, 0, 1, 0])
    XCTAssertEqual(parts[0].1, .title(update: 0))
    XCTAssertEqual(parts[1].1, .paragraph(update: 0, index: 0))
    XCTAssertEqual(parts[2].1, .paragraph(update: 2, index: 0))
    XCTAssertEqual(parts[3].1, .paragraph(update: 0, index: 0))
    XCTAssertEqual(parts[4].1, .headline, "wraps to the first mention")
    XCTAssertEqual(state.status, "Wrapped to the first mention of Antony Blinken")
  }

  func testNextMentionScrollsTheMentionOnScreen() {
    var state = Fixtures.state(width: 80, height: 10)
    state = apply(state, .nextPane, .enter, .nextMention, .nextMention, .nextMention)
    let mention = try! XCTUnwrap(state.currentMention).mention
    let line = try! XCTUnwrap(state.layout.line(of: mention.part, offset: mention.start))
    XCTAssertTrue(state.visibleLines.contains(line))
    XCTAssertGreaterThan(state.updateScroll, 0)
  }

  func testPreviousMentionFromTheFirstWrapsToTheLast() {
    var state = apply(Fixtures.state(), .nextPane, .enter)
    state = apply(state, .previousMention)
    XCTAssertEqual(state.openStory, 1)
    XCTAssertEqual(state.status, "Wrapped to the last mention of Antony Blinken")
    state = apply(state, .previousMention)
    XCTAssertEqual(state.openStory, 0)
    XCTAssertEqual(state.currentMention?.mention.part, .paragraph(update: 2, index: 0))
  }

  func testMentionJumpWithoutAnEntitySaysWhatToDo() {
    let state = apply(Fixtures.state(), .nextMention)
    XCTAssertNil(state.currentMention)
    XCTAssertEqual(state.status, "No entity selected: pick one in the sidebar (Enter) or press e")
  }

  func testSelectEntityPicksTheMentionNearestTheTopOfTheScreen() {
    var state = apply(Fixtures.state(), .selectEntity)
    XCTAssertEqual(state.selectedEntity, Fixtures.blinken.id, "first mention on screen: the headline's Blinken")
    state = Fixtures.state(width: 80, height: 12)
    state = apply(state, .nextUpdate, .nextUpdate)  // Zelensky addresses parliament
    state = apply(state, .selectEntity)
    XCTAssertEqual(state.selectedEntity, Fixtures.zelensky.id)
    state = apply(state, .nextMention)
    XCTAssertEqual(state.currentMention?.mention.part, .paragraph(update: 1, index: 0))
  }

  func testEmptyStoryAndNoEntities() {
    var state = Fixtures.emptyState()
    for command in Command.allCases where command != .quit {
      state = apply(state, command)
      state = type(state, [.escape])
    }
    XCTAssertTrue(state.sidebar.isEmpty)
    state = apply(Fixtures.emptyState(), .selectEntity)
    XCTAssertEqual(state.status, "No entities in this story")
    state = apply(Fixtures.emptyState(), .nextUpdate)
    XCTAssertEqual(state.status, "No updates")
    state = apply(Fixtures.emptyState(), .nextPane, .enter)
    XCTAssertEqual(state.status, "No entities in this story")
  }

  func testNoStoriesAtAll() {
    var state = AppState(stories: [], entities: [], keymap: Fixtures.keymap, width: 80, height: 24)
    for command in Command.allCases where command != .quit { state = apply(state, command) }
    XCTAssertTrue(ScreenView.render(state).description.contains("No stories"))
  }

  func testNextAndPreviousUpdate() {
    var state = Fixtures.state(width: 80, height: 12)
    state = apply(state, .nextUpdate)
    XCTAssertEqual(state.layout.update(atLine: state.updateScroll), 0)
    state = apply(state, .nextUpdate)
    XCTAssertEqual(state.layout.update(atLine: state.updateScroll), 1)
    state = apply(state, .previousUpdate)
    XCTAssertEqual(state.layout.update(atLine: state.updateScroll), 0)
  }

  func testSearchPromptTakesTextBackspaceAndEnter() {
    var state = apply(Fixtures.state(width: 80, height: 12), .searchForward)
    XCTAssertEqual(state.search.prompt, "")
    state = type(state, keys("ministx") + [.backspace] + keys("ers"))
    XCTAssertEqual(state.search.prompt, "ministers")
    state = type(state, [.enter])
    XCTAssertNil(state.search.prompt)
    XCTAssertEqual(state.search.match?.part, .title(update: 2))
    XCTAssertEqual(state.status, "Match 1/2: ministers")
    state = apply(state, .findNext)
    XCTAssertEqual(state.search.match?.part, .paragraph(update: 2, index: 0))
    state = apply(state, .findNext)
    XCTAssertEqual(state.search.match?.part, .title(update: 2))
    XCTAssertEqual(state.status, "Search hit BOTTOM, continuing at TOP")
    state = apply(state, .findPrevious)
    XCTAssertEqual(state.search.match?.part, .paragraph(update: 2, index: 0))
  }

  func testSearchKeysDoNotRunCommandsAndEscCancels() {
    var state = apply(Fixtures.state(), .searchForward)
    state = type(state, keys("q"))
    XCTAssertEqual(state.search.prompt, "q")
    state = type(state, [.escape])
    XCTAssertNil(state.search.prompt)
    XCTAssertEqual(state.search.query, "")
  }

  func testBackwardSearchAndNotFound() {
    var state = apply(Fixtures.state(width: 80, height: 6), .moveLast, .searchBackward)
    state = type(state, keys("kyiv") + [.enter])
    XCTAssertEqual(state.search.match?.part, .paragraph(update: 1, index: 0))
    state = apply(state, .findNext)
    XCTAssertEqual(state.search.match?.part, .paragraph(update: 0, index: 0))
    state = apply(state, .searchForward)
    state = type(state, keys("zzz") + [.enter])
    XCTAssertEqual(state.status, "Pattern not found: zzz")
    XCTAssertEqual(apply(Fixtures.state(), .findNext).status, "No previous search; / to search")
  }

  func testHelpOpensScrollsAndCloses() {
    var state = apply(Fixtures.state(width: 80, height: 10), .help)
    XCTAssertTrue(state.showingHelp)
    state = apply(state, .moveDown)
    XCTAssertEqual(state.helpScroll, 1)
    let (closed, effects) = reduce(state, .quit)
    XCTAssertFalse(closed.showingHelp)
    XCTAssertEqual(effects, [], "q closes help before quitting")
    XCTAssertFalse(apply(state, .cancel).showingHelp)
    XCTAssertFalse(apply(state, .help).showingHelp)
  }

  func testQuitAndRedrawAreEffects() {
    XCTAssertEqual(reduce(Fixtures.state(), .quit).1, [.quit])
    XCTAssertEqual(reduce(Fixtures.state(), .redraw).1, [.redraw])
  }

  func testUnboundKeySaysSo() {
    let state = Reducer.reduce(Fixtures.state(), .key(.character("Z"))).0
    XCTAssertEqual(state.status, "Z is not bound; h for help")
  }

  func testCancelClearsTheSearchHighlight() {
    var state = apply(Fixtures.state(), .searchForward)
    state = type(state, keys("Kyiv") + [.enter])
    XCTAssertNotNil(state.search.match)
    XCTAssertNil(apply(state, .cancel).search.match)
  }

  func testResizeKeepsTheTopLineAndSurvivesTinySizes() {
    var state = apply(Fixtures.state(width: 120, height: 40), .nextUpdate, .nextUpdate)
    let topPart = state.layout.lines[state.updateScroll].part
    state = Reducer.reduce(state, .resize(width: 50, height: 15)).0
    XCTAssertFalse(state.screen.sideBySide)
    XCTAssertEqual(state.layout.lines[state.updateScroll].part, topPart)
    for (w, h) in [(20, 6), (1, 1), (0, 0), (80, 24), (5, 300)] {
      state = Reducer.reduce(state, .resize(width: w, height: h)).0
      for command in Command.allCases where command != .quit { state = apply(state, command) }
      _ = ScreenView.render(state)
    }
  }

  func testReadAndUnreadCounts() {
    var state = Fixtures.state(width: 80, height: 8)
    XCTAssertGreaterThan(state.unreadCount(story: 0), 0)
    XCTAssertEqual(state.unreadCount(story: 1), 1)
    state = apply(state, .moveLast)
    XCTAssertEqual(state.unreadCount(story: 0), 0)
  }
}

final class ZoomTests: XCTestCase {
  func testZoomShowsTheFocusedPaneAloneAndKeepsThePlace() {
    var state = apply(Fixtures.state(width: 120, height: 40), .moveDown, .moveDown)
    let top = state.layout.lines[state.updateScroll]
    state = apply(state, .zoom)
    XCTAssertFalse(state.screen.sideBySide)
    XCTAssertEqual(state.screen.updates.width, 120)
    XCTAssertEqual(state.layout.width, state.screen.updateTextWidth, "laid out again for the full width")
    XCTAssertEqual(state.layout.lines[state.updateScroll].part, top.part)
    let screen = ScreenView.render(state).description
    XCTAssertFalse(screen.split(separator: "\n")[0].contains("│"), "no pane borders:\n\(screen)")
    XCTAssertTrue(screen.hasPrefix(" Updates (3)  [Tab: entities]"), screen)
    state = apply(state, .nextPane)
    XCTAssertTrue(ScreenView.render(state).description.hasPrefix(" Entities  [Tab: stories]"))
    state = Reducer.reduce(state, .resize(width: 100, height: 30)).0
    XCTAssertFalse(state.screen.sideBySide, "still one pane after a resize")
    state = apply(state, .zoom)
    XCTAssertTrue(state.screen.sideBySide)
    XCTAssertEqual(state.status, "All three panes")
  }
}
