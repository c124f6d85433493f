import DatelineCore
import XCTest

@testable import DatelineApp

/// Whole screens rendered into grids and compared as text (ratatui's TestBackend, tig's screen tests).
final class ScreenSnapshotTests: XCTestCase {
  func testThreePanesAt80x24() {
    assertScreen(Fixtures.state(), equals:
      """
       Stories (2)      │ Updates (3)                              │ Entities
      ▸ Blinken meets Z…│ Blinken meets Zelensky in Kyiv           │ People
        3 updates · 1 u…│ The US secretary of state is on his      │  Antony Blink… 4
        Aid talks conti…│ fourth visit.                            │  Volodymyr Ze… 4
        1 update · 1 un…│                                          │ Places
                        │ Blinken arrives in Kyiv                  │  Kyiv          4
                        │                                          │ Organisations
                        │ Antony Blinken arrived in Kyiv on        │  NATO          3
                        │ Tuesday for talks with Zelensky.         │
                        │                                          │
                        │ NATO allies are watching the visit       │
                        │ closely.                                 │
                        │                                          │
                        │ Zelensky addresses parliament            │
                        │                                          │
                        │ Zelensky said Kyiv needs more air        │
                        │ defence before winter.                   │
                        │                                          │
                        │ ┌─ Related ────────────────────────────┐ │
                        │ │ What we know about the aid           │ │
                        │ │ A guide to the package.              │ │
                        │ └──────────────────────────────────────┘ │
                        │                                          │
       Story 1/2 · update 1/3                                        h: help  q: quit
      """)
  }

  func testThreePanesAt120x40() {
    assertScreen(Fixtures.state(width: 120, height: 40), equals:
      """
       Stories (2)              │ Updates (3)                                                      │ Entities
      ▸ Blinken meets Zelensky …│ Blinken meets Zelensky in Kyiv                                   │ People
        3 updates               │ The US secretary of state is on his fourth visit.                │  Antony Blinken        4
        Aid talks continue      │                                                                  │  Volodymyr Zelensky    4
        1 update · 1 unread     │ Blinken arrives in Kyiv                                          │ Places
                                │                                                                  │  Kyiv                  4
                                │ Antony Blinken arrived in Kyiv on Tuesday for talks with         │ Organisations
                                │ Zelensky.                                                        │  NATO                  3
                                │                                                                  │
                                │ NATO allies are watching the visit closely.                      │
                                │                                                                  │
                                │ Zelensky addresses parliament                                    │
                                │                                                                  │
                                │ Zelensky said Kyiv needs more air defence before winter.         │
                                │                                                                  │
                                │ ┌─ Related ────────────────────────────────────────────────────┐ │
                                │ │ What we know about the aid                                   │ │
                                │ │ A guide to the package.                                      │ │
                                │ └──────────────────────────────────────────────────────────────┘ │
                                │                                                                  │
                                │ NATO ministers meet                                              │
                                │                                                                  │
                                │ Blinken will join NATO ministers in Brussels on Wednesday.       │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
                                │                                                                  │
       Story 1/2 · update 1/3                                                                                h: help  q: quit
      """)
  }

  func testMentionJumpMarksTheEntityAndCountsMentions() {
    assertScreen(apply(Fixtures.state(), .nextPane, .enter, .nextMention), equals:
      """
       Stories (2)      │ Updates (3)                              │ Entities
      ▸ Blinken meets Z…│ Blinken meets Zelensky in Kyiv           │ People
        3 updates · 1 u…│ The US secretary of state is on his      │* Antony Blink… 4
        Aid talks conti…│ fourth visit.                            │  Volodymyr Ze… 4
        1 update · 1 un…│                                          │ Places
                        │ Blinken arrives in Kyiv                  │  Kyiv          4
                        │                                          │ Organisations
                        │ Antony Blinken arrived in Kyiv on        │  NATO          3
                        │ Tuesday for talks with Zelensky.         │
                        │                                          │
                        │ NATO allies are watching the visit       │
                        │ closely.                                 │
                        │                                          │
                        │ Zelensky addresses parliament            │
                        │                                          │
                        │ Zelensky said Kyiv needs more air        │
                        │ defence before winter.                   │
                        │                                          │
                        │ ┌─ Related ────────────────────────────┐ │
                        │ │ What we know about the aid           │ │
                        │ │ A guide to the package.              │ │
                        │ └──────────────────────────────────────┘ │
                        │                                          │
       Story 1/2 · update 1/3 · Antony Blinken 2/5                   h: help  q: quit
      """)
  }

  func testSearchPromptInTheStatusLine() {
    var state = apply(Fixtures.state(), .searchForward)
    state = type(state, keys("Brussels"))
    assertScreen(state, equals:
      """
       Stories (2)      │ Updates (3)                              │ Entities
      ▸ Blinken meets Z…│ Blinken meets Zelensky in Kyiv           │ People
        3 updates · 1 u…│ The US secretary of state is on his      │  Antony Blink… 4
        Aid talks conti…│ fourth visit.                            │  Volodymyr Ze… 4
        1 update · 1 un…│                                          │ Places
                        │ Blinken arrives in Kyiv                  │  Kyiv          4
                        │                                          │ Organisations
                        │ Antony Blinken arrived in Kyiv on        │  NATO          3
                        │ Tuesday for talks with Zelensky.         │
                        │                                          │
                        │ NATO allies are watching the visit       │
                        │ closely.                                 │
                        │                                          │
                        │ Zelensky addresses parliament            │
                        │                                          │
                        │ Zelensky said Kyiv needs more air        │
                        │ defence before winter.                   │
                        │                                          │
                        │ ┌─ Related ────────────────────────────┐ │
                        │ │ What we know about the aid           │ │
                        │ │ A guide to the package.              │ │
                        │ └──────────────────────────────────────┘ │
                        │                                          │
      /Brussels_
      """)
  }

  func testHelpIsGeneratedFromTheKeymap() {
    assertScreen(apply(Fixtures.state(), .help), equals:
      """
       dateline keys (h, q or Esc closes this screen)

       Moving
         j <Down>                Move down one line  [move-down]
         k <Up>                  Move up one line  [move-up]
         f <C-f> <PgDn> <Space>  Move down one page  [page-down]
         b <C-b> <PgUp>          Move up one page  [page-up]
         d <C-d>                 Move down half a page  [half-page-down]
         u <C-u>                 Move up half a page  [half-page-up]
         g <Home>                Go to the top  [move-first]
         G <End>                 Go to the bottom  [move-last]

       Panes and stories
         <Right> <Tab>           Focus the next pane (one pane at a time when narrow)…
         <Left> <S-Tab>          Focus the previous pane  [previous-pane]
         z                       One pane at a time, full width (cheapest over a slow…
         <Enter>                 Open the selected story, or select the entity in the…
         }                       Scroll to the next update  [next-update]
         {                       Scroll to the previous update  [previous-update]
         m                       Go to the next new or changed update (across stories…
         M                       Go to the previous new or changed update  [previous-…

       Entities
       Story 1/2 · update 1/3                                        h: help  q: quit
      """)
  }

  func testNarrowTerminalShowsOnePaneAtATime() {
    assertScreen(Fixtures.state(width: 50, height: 15), equals:
      """
       Updates (3)  [Tab: entities]
       Blinken meets Zelensky in Kyiv
       The US secretary of state is on his fourth
       visit.

       Blinken arrives in Kyiv

       Antony Blinken arrived in Kyiv on Tuesday for
       talks with Zelensky.

       NATO allies are watching the visit closely.

       Zelensky addresses parliament

       Story 1/2 · update 1/3          h: help  q: quit
      """)
    assertScreen(apply(Fixtures.state(width: 50, height: 15), .nextPane), equals:
      """
       Entities  [Tab: stories]
       People
        Antony Blinken                                4
        Volodymyr Zelensky                            4
       Places
        Kyiv                                          4
       Organisations
        NATO                                          3






       Story 1/2 · update 1/3          h: help  q: quit
      """)
  }

  func testTinyTerminal() {
    assertScreen(Fixtures.state(width: 20, height: 6), equals:
      """
       Updates (3)  [Tab:…
       Blinken meets
       Zelensky in Kyiv
       The US secretary
       of state is on his
       Story 1/2 · update…
      """)
  }
}

/// Styles of cells: mentions by entity type, the current mention reversed, focus and search highlight.
final class ScreenStyleTests: XCTestCase {
  func testMentionsAreStyledByEntityType() throws {
    let grid = ScreenView.render(Fixtures.state())
    // Row 7: " Antony Blinken arrived in Kyiv on" in the update pane.
    let x = try XCTUnwrap(column(of: "Antony Blinken", inRow: 7, of: grid))
    for dx in 0..<14 { XCTAssertEqual(grid[x + dx, 7].style, Style(.person), "column \(x + dx)") }
    XCTAssertEqual(grid[x + 15, 7].style, .plain, "'arrived' is plain")
    let kyiv = try XCTUnwrap(column(of: "Kyiv", inRow: 7, of: grid))
    XCTAssertEqual(grid[kyiv, 7].style, Style(.place))
    let nato = try XCTUnwrap(column(of: "NATO allies", inRow: 10, of: grid))
    XCTAssertEqual(grid[nato, 10].style, Style(.organization))
    XCTAssertEqual(grid[nato + 5, 10].style, .plain)
  }

  func testTheCurrentMentionStandsOut() throws {
    let grid = ScreenView.render(apply(Fixtures.state(), .nextPane, .enter, .nextMention))
    // The current mention is "Blinken" in the first update's title (row 5); the headline's is not current.
    let x = try XCTUnwrap(column(of: "Blinken arrives", inRow: 5, of: grid))
    XCTAssertEqual(grid[x, 5].style, Style(.person, [.reverse, .bold]))
    let headline = try XCTUnwrap(column(of: "Blinken meets", inRow: 1, of: grid.self, after: 20))
    XCTAssertEqual(grid[headline, 1].style, Style(.person))
    // The sidebar marks the selected entity.
    XCTAssertTrue(grid.row(2).trimmingTrailingSpaces().hasSuffix("* Antony Blink… 4"), grid.row(2))
  }

  func testSearchMatchIsHighlighted() throws {
    var state = apply(Fixtures.state(width: 120, height: 40), .searchForward)
    state = type(state, keys("defence") + [.enter])
    let grid = ScreenView.render(state)
    let y = try XCTUnwrap((0..<grid.height).first { grid.row($0).contains("air defence") })
    let x = try XCTUnwrap(column(of: "defence", inRow: y, of: grid))
    XCTAssertEqual(grid[x, y].style, Style(.match, [.reverse]))
    XCTAssertTrue(grid.row(39).contains("Match 1/1: defence"))
  }

  func testFocusedPaneTitleIsReversed() {
    let grid = ScreenView.render(Fixtures.state())
    XCTAssertEqual(grid[20, 0].style, Style(.selection, [.reverse, .bold]))
    XCTAssertEqual(grid[1, 0].style, Style(.heading, [.bold]))
  }

  func testWideAndCombiningCharactersAndEscapesInAStory() throws {
    let story = Story(
      source: "t", headline: "北京の会議 — café\u{301} 😀😀",
      updates: [
        Update(title: "\u{1B}[31mRed\u{1B}[0m alert\u{07}", line: 2, paragraphs: [
          Paragraph(line: 3, text: "你好世界。你好世界。你好世界。你好世界。你好世界。你好世界。"),
          Paragraph(line: 4, text: String(repeating: "😀", count: 40)),
          Paragraph(line: 5, text: String(repeating: "x", count: 5_000)),
        ]),
        Update(title: nil, line: 6),
      ])
    let state = AppState(stories: [story], entities: [], keymap: Fixtures.keymap, width: 80, height: 24)
    let grid = ScreenView.render(state)
    for y in 0..<grid.height {
      XCTAssertFalse(grid.row(y).unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "row \(y)")
      // Every row still fits: the pane separators sit at the same columns.
      if y < 23 {
        XCTAssertEqual(grid[18, y].text, "│", "row \(y)")
        XCTAssertEqual(grid[61, y].text, "│", "row \(y)")
      }
    }
    XCTAssertEqual(grid.row(1).trimmingTrailingSpaces(), "▸ 北京の会議 — ca…│ 北京の会議 — café\u{301} 😀😀                   │ No entities")
    XCTAssertTrue(grid.row(2).hasPrefix("  2 updates · 1 u…│"), grid.row(2))
    XCTAssertTrue(grid.row(3).hasPrefix("                  │ Red alert  "), grid.row(3))
    XCTAssertEqual(grid.row(5).trimmingTrailingSpaces(), "                  │ 你好世界。你好世界。你好世界。你好世界。 │")
    XCTAssertTrue(grid.row(8).contains("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"))
  }
}

/// `column(of:inRow:of:)` starting the search at column `after`.
func column(of text: String, inRow y: Int, of grid: Grid, after: Int) -> Int? {
  var shifted = Grid(width: grid.width, height: grid.height)
  for x in after..<grid.width { shifted[x, y] = grid[x, y] }
  return column(of: text, inRow: y, of: shifted)
}
