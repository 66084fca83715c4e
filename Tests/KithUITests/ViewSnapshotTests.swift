import Foundation
import KithCore
import Testing
@testable import KithUI

/// Views rendered into the in-memory grid and compared with text files under
/// Snapshots/. `KITH_UPDATE_SNAPSHOTS=1 swift test` rewrites them on purpose.
@Suite struct ViewSnapshotTests {
    func check(_ name: String, _ grid: Grid, sourceLocation: SourceLocation = #_sourceLocation) {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let file = dir.appendingPathComponent(name + ".txt")
        let text = grid.text + "\n"
        if ProcessInfo.processInfo.environment["KITH_UPDATE_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try? text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing snapshot \(name).txt; run with KITH_UPDATE_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        #expect(text == expected, "snapshot \(name) differs:\n\(text)", sourceLocation: sourceLocation)
    }

    @Test func mainScreenAt80x24() {
        check("main-80x24", Screen.render(Fixture.loaded()))
    }

    /// Layout at every size (issue 16, point 15): at 60 columns the sparkline goes
    /// before names are cut; at 200 the Today pane takes half the width.
    @Test func layoutAt60And200Columns() {
        let narrow = Fixture.loaded(width: 60, height: 20)
        check("main-60x20", Screen.render(narrow))
        #expect(Screen.render(narrow).lines().contains { $0.contains("Zoë Ångström") }, "a 12-letter name reads whole at 60 columns")
        var wide = Fixture.loaded(width: 200, height: 30)
        check("main-200x30", Screen.render(wide))
        wide.reminders = [Reminder(id: 1, personID: 2, text: "ask about Kyoto and the new job, and whether the move went well", on: Fixture.today)]
        _ = Update.update(&wide, .key(.char("t")))
        check("today-200x30", Screen.render(wide))
        #expect(Screen.render(wide).lines().contains { $0.contains("ask about Kyoto and the new job, and whether the move went well") })
    }

    @Test func mainScreenAt120x40() {
        check("main-120x40", Screen.render(Fixture.loaded(width: 120, height: 40)))
    }

    @Test func timelineFocusedAndHelp() {
        var s = Fixture.loaded()
        _ = Update.update(&s, .key(.tab))
        _ = Update.update(&s, .key(.down))
        check("timeline-focused", Screen.render(s))
        _ = Update.update(&s, .key(.char("?")))
        check("help", Screen.render(s))
    }

    @Test func momentAndConfirm() {
        var s = Fixture.loaded()
        _ = Update.update(&s, .key(.tab))
        _ = Update.update(&s, .key(.enter))
        check("moment", Screen.render(s))
        _ = Update.update(&s, .key(.char("d")))
        check("confirm-delete", Screen.render(s))
    }

    @Test func smallAndTinyTerminals() {
        check("small-50x12", Screen.render(Fixture.loaded(width: 50, height: 12)))
        check("too-small-30x8", Screen.render(Fixture.loaded(width: 30, height: 8)))
        // With typed text in a form, q does not quit there, and the notice says so.
        var typing = Fixture.loaded()
        for k: Key in [.char("c"), .char("x")] { _ = Update.update(&typing, .key(k)) }
        #expect(typing.holdsTypedText)
        typing.width = 30
        typing.height = 8
        let notice = Screen.render(typing).lines().joined(separator: " ")
        #expect(!notice.contains("q quits") && notice.contains("Ctrl-C quits without saving"), "\(notice)")
        #expect(Update.update(&typing, .key(.char("q"))).isEmpty)
        // Every size down to 1×1 renders without a crash and never a raw control byte.
        for w in 1...60 {
            for h in 1...14 {
                let g = Screen.render(Fixture.loaded(width: w, height: h))
                #expect(g.width == w && g.height == h)
                #expect(!g.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
            }
        }
    }

    @Test func checkInFormAndPicker() {
        var s = Fixture.loaded()
        _ = Update.update(&s, .key(.char("c")))
        check("checkin-80x24", Screen.render(s))
        for k: Key in [.tab, .tab, .tab, .enter, .char("l"), .char("l"), .char(" "), .char("2")] { _ = Update.update(&s, .key(k)) }
        check("picker-80x24", Screen.render(s))
        var small = s
        small.width = 50
        small.height = 16
        check("picker-list-50x16", Screen.render(small))
        for c in "sa" { _ = Update.update(&s, .key(.char(c))) }
        check("picker-filtered", Screen.render(s))
    }

    /// Own words from the config: a quadrant of fourteen makes its band a row taller,
    /// and on a screen the grid does not fit the list holds them all.
    @Test func pickerWithOwnWords() {
        var s = Fixture.loaded()
        s.emotions = EmotionCatalog.standard.adding([
            Emotion("giddy", .pleasant, .high), Emotion("smitten", .pleasant, .high), Emotion("müde", .unpleasant, .low),
        ])
        _ = press(&s, .char("c"), .tab, .tab, .tab, .enter)
        type(&s, "smi")
        _ = press(&s, .char("2"), .escape)                 // chosen; the filter cleared
        check("picker-own-words-80x24", Screen.render(s))
        var small = s
        small.width = 50
        small.height = 16
        check("picker-own-words-list-50x16", Screen.render(small))
        // At every size the picker draws without a crash or a line too wide, and where
        // the grid is drawn, every word is in it.
        for w in stride(from: 20, through: 90, by: 2) {
            for h in stride(from: 8, through: 30, by: 2) {
                var t = s
                t.width = w
                t.height = h
                let g = Screen.render(t)
                for line in g.lines() { #expect(TerminalText.width(line) <= w) }
                if FormUpdate.fitsGrid(t.form!.picker!.layout, t) {
                    for e in s.emotions.emotions { #expect(g.text.contains(e.word), "\(e.word) at \(w)×\(h)") }
                }
            }
        }
    }

    /// date_format: the header, the timeline's month headings and rows, and the moment.
    @Test(arguments: [DateStyle.mdy, .iso])
    func dateStyles(_ style: DateStyle) {
        var s = Fixture.loaded()
        s.dateStyle = style
        _ = Update.update(&s, .key(.tab))
        check("main-80x24-\(style.rawValue)", Screen.render(s))
        _ = Update.update(&s, .key(.enter))
        check("moment-\(style.rawValue)", Screen.render(s))
    }

    @Test func personForm() {
        var s = Fixture.loaded()
        _ = Update.update(&s, .key(.char("n")))
        for c in "山田花子" { _ = Update.update(&s, .key(.char(c))) }
        check("person-form", Screen.render(s))
    }

    @Test func todayView() {
        var s = AppState(today: Fixture.today, width: 100, height: 24)
        _ = Update.update(&s, .rosterLoaded(Fixture.entries(), people: Fixture.names, groups: [:],
                                            reminders: [Reminder(id: 1, personID: 2, text: "ask about Kyoto", on: Fixture.today)]))
        _ = Update.update(&s, .key(.char("t")))
        _ = Update.update(&s, .lastKindsLoaded([:], meetingDays: [1: (0..<15).map { Fixture.today.adding(days: -21 * $0 - 5) }]))
        check("today-100x24", Screen.render(s))
    }

    @Test func emptyStore() {
        var s = AppState(today: Fixture.today, width: 80, height: 24)
        _ = Update.update(&s, .rosterLoaded([], people: [:], groups: [:]))
        check("empty", Screen.render(s))
    }

    @Test func emotionChipsCarryTheirValence() {
        let g = Screen.render(Fixture.loaded())
        var roles: [String: Role] = [:]
        for y in 0..<g.height {
            for x in 0..<g.width {
                for word in ["happy", "sad:2"] where x + word.count <= g.width {
                    if (x..<x + word.count).map({ g[$0, y].text }).joined() == word { roles[word] = g[x, y].role }
                }
            }
        }
        #expect(roles["happy"] == .emotionPleasant)
        #expect(roles["sad:2"] == .emotionUnpleasant)
    }

    @Test func wideCharactersNeverSplitAndLinesKeepTheirWidth() {
        var g = Grid(width: 6, height: 1)
        g.put("山田太郎", x: 1, y: 0)
        #expect(g.lines() == [" 山田"])
        g.put("ab", x: 2, y: 0) // lands on the second half of 山 and the first of 田: both go whole
        #expect(g.lines() == ["  ab"])
        for (w, h) in [(80, 24), (120, 40), (50, 12)] {
            let grid = Screen.render(Fixture.loaded(width: w, height: h))
            for line in grid.lines() { #expect(TerminalText.width(line) <= w) }
        }
    }

    @Test func cellsKeepGraphemesOfSeveralScalarsWhole() {
        var g = Grid(width: 12, height: 2)
        let decomposed = "Zoe\u{0308}"          // e + combining diaeresis
        let syllable = "\u{1100}\u{1161}\u{11A8}"    // 각 as three jamo: one wide cell
        g.put(decomposed, x: 0, y: 0)
        g.put(syllable + "x", x: 5, y: 0)
        #expect(g.lines()[0] == decomposed + "  " + syllable + "x")
        #expect(g[5, 0].text == syllable && g[6, 0].isContinuation)
        #expect(g[2, 0].text == "e\u{0308}")
        #expect(g[2, 0].scalar == nil)
        // The same grapheme is the same cell, wherever it was written.
        g.put(decomposed, x: 0, y: 1)
        #expect(g[2, 0] == g[2, 1])
        // Overwriting half of the wide cluster blanks the other half.
        g.put("a", x: 6, y: 0)
        #expect(g.lines()[0] == decomposed + "   ax")
        // Graphemes of several scalars that each take room (a flag, a Devanagari
        // conjunct, Thai with its vowel) take a cell per such scalar, each as wide as
        // ncurses counts its first scalar: the grid and the terminal agree on every column.
        var mixed = Grid(width: 30, height: 1)
        let text = "🇯🇵 नमस्ते น้ำ क्षत्रिय|"
        #expect(mixed.put(text, x: 0, y: 0) == TerminalText.width(text))
        for x in 0..<mixed.width where !mixed[x, 0].isContinuation {
            var first: Unicode.Scalar?
            mixed[x, 0].forEachScalar { u in if first == nil { first = u } }
            guard let first else { continue }
            let wide = x + 1 < mixed.width && mixed[x + 1, 0].isContinuation
            #expect(TerminalText.width(of: first) == (wide ? 2 : 1), "column \(x): \(mixed[x, 0].text)")
        }
        #expect(mixed.lines()[0] == text)
        // A grid copied into another brings its wide characters' bookkeeping along.
        var wide = Grid(width: 4, height: 1)
        wide.put("山田", x: 0, y: 0)
        var target = Grid(width: 4, height: 1)
        target.blit(wide, fromRow: 0, into: Rect(x: 1, y: 0, width: 4, height: 1))
        target.normalize()
        #expect(target.lines() == [" 山"])
    }
}
