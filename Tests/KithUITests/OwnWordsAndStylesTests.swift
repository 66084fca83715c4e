import Foundation
import KithCore
import Testing
@testable import KithUI

/// The config's own emotion words and date style, as the TUI shows them. They reach the
/// views through `AppState` (never `Rules.current`, which all tests share).
@Suite struct PickerLayoutTests {
    /// Words for a quadrant: "extraa", "extrab", …
    static func extras(_ n: Int, _ v: Valence, _ e: Energy, prefix: String = "extra") -> [Emotion] {
        (0..<n).map { Emotion(prefix + String(UnicodeScalar(UInt8(97 + $0))), v, e) }
    }

    static let catalogs: [EmotionCatalog] = [
        .standard,
        EmotionCatalog.standard.adding(extras(1, .unpleasant, .high)),
        EmotionCatalog.standard.adding(extras(9, .pleasant, .low)),
        EmotionCatalog.standard.adding(extras(3, .unpleasant, .high) + extras(2, .pleasant, .high)
                                       + extras(5, .unpleasant, .low, prefix: "more") + extras(1, .pleasant, .low, prefix: "more")),
        EmotionCatalog.standard.adding([Emotion("overwhelmingly-grateful", .pleasant, .low)]),
    ]

    @Test func theStandardCatalogKeepsItsGrid() {
        let l = PickerLayout(.standard)
        #expect(l.gridWidth == 72 && l.gridHeight == 19 && l.topRows == 6 && l.bottomRows == 6)
        #expect(l.order[0].word == "anxious" && l.position(0) == (0, 0))
        #expect(l.position(6) == (1, 0))                  // irritated heads the second column
        #expect(l.order[12].word == "happy" && l.position(12) == (2, 0))
        #expect(l.order[47].word == "understood" && l.position(47) == (3, 11))
    }

    /// Every word has a cell of its own, inside the grid, and the cell leads back to it.
    @Test(arguments: catalogs)
    func everyWordHasItsOwnCell(_ catalog: EmotionCatalog) {
        let l = PickerLayout(catalog)
        #expect(l.order.count == catalog.emotions.count)
        var seen = Set<[Int]>()
        for i in l.order.indices {
            let (c, r) = l.position(i)
            #expect((0..<4).contains(c) && (0..<l.topRows + l.bottomRows).contains(r))
            #expect(seen.insert([c, r]).inserted)
            #expect(l.index(at: c, r) == i)
            // In its quadrant: left for unpleasant, top for high energy.
            let e = l.order[i]
            #expect((c < 2) == (e.valence == .unpleasant) && (r < l.topRows) == (e.energy == .high))
        }
    }

    /// From the first word, the arrow keys reach every word, however uneven the columns.
    @Test(arguments: catalogs)
    func arrowsReachEveryWord(_ catalog: EmotionCatalog) {
        let start = PickerState(chosen: [], catalog: catalog)
        var reached: Set<Int> = [0], queue = [0]
        while let cursor = queue.popLast() {
            for action in [Action.moveDown, .moveUp, .choiceNext, .choicePrevious] {
                var p = start
                p.cursor = cursor
                FormUpdate.move(&p, action, list: false)
                if reached.insert(p.cursor).inserted { queue.append(p.cursor) }
            }
        }
        #expect(reached.count == catalog.emotions.count)
    }

    @Test func unevenColumnsStepOverTheirGaps() {
        // Thirteen unpleasant, high-energy words: seven rows, the second column one short.
        let l = PickerLayout(EmotionCatalog.standard.adding(Self.extras(1, .unpleasant, .high)))
        #expect(l.topRows == 7 && l.bottomRows == 6 && l.gridHeight == 20)
        var p = PickerState(chosen: [], catalog: EmotionCatalog.standard.adding(Self.extras(1, .unpleasant, .high)))
        p.cursor = l.index(at: 0, 6)!                     // the seventh word of the first column
        FormUpdate.move(&p, .choiceNext, list: false)
        #expect(l.position(p.cursor) == (1, 5))           // the last of the second column, beside it
        FormUpdate.move(&p, .moveDown, list: false)
        #expect(p.layout.order[p.cursor].word == "tired")  // over the gap, into the band below
        FormUpdate.move(&p, .moveUp, list: false)
        #expect(l.position(p.cursor) == (1, 5))
    }

    @Test func aLongWordWidensTheGrid() {
        let l = PickerLayout(EmotionCatalog.standard.adding([Emotion("overwhelmingly-grateful", .pleasant, .low)]))
        #expect(l.columnWidth == 26 && l.gridWidth == 112)
    }

    @Test func theFilterFindsAccentedWordsUnaccented() {
        var p = PickerState(chosen: [], catalog: EmotionCatalog.standard.adding([Emotion("müde", .unpleasant, .low)]))
        p.filter = "mu"
        #expect(p.matches.map { p.layout.order[$0].word } == ["müde", "amused"])
        p.filter = "MÜD"
        #expect(p.matches.map { p.layout.order[$0].word } == ["müde"])
    }
}

@Suite struct OwnWordsInTheTUITests {
    static let own = EmotionCatalog.standard.adding([
        Emotion("giddy", .pleasant, .high), Emotion("smitten", .pleasant, .high), Emotion("müde", .unpleasant, .low),
    ])

    @Test func theCheckInPickerOffersOwnWords() {
        var s = Fixture.loaded()
        s.emotions = Self.own
        _ = press(&s, .char("c"), .tab, .tab, .tab, .enter)
        type(&s, "gid")
        _ = press(&s, .char("2"), .enter)
        #expect(s.form?.emotions == [EmotionTag(word: "giddy", intensity: 2)])
        guard case .saveMoment(let m)? = press(&s, .ctrl("s")).first else { Issue.record("no save"); return }
        #expect(m.emotions == [EmotionTag(word: "giddy", intensity: 2)])
    }

    @Test func theFilterPickerOffersOwnWordsToo() {
        var s = Fixture.loaded()
        s.emotions = Self.own
        _ = press(&s, .tab, .char("f"), .tab, .enter)
        type(&s, "mude")
        _ = press(&s, .enter)
        #expect(s.filterForm?.emotions == [EmotionTag(word: "müde", intensity: 1)])
    }

    /// The cell where `word` starts on screen.
    static func find(_ word: String, in g: Grid) -> (x: Int, y: Int)? {
        for y in 0..<g.height {
            for x in 0..<g.width where x + word.count <= g.width {
                if (x..<x + word.count).map({ g[$0, y].text }).joined() == word { return (x, y) }
            }
        }
        return nil
    }

    /// A stored word the config no longer has is shown, plain, and survives an edit.
    @Test func aWordDroppedFromTheConfigIsKeptAndShownPlain() {
        #expect(Words.chipStyle(EmotionTag(word: "giddy", intensity: 1), Self.own) == (.emotionPleasant, .bold))
        #expect(Words.chipStyle(EmotionTag(word: "müde", intensity: 1), Self.own) == (.emotionUnpleasant, .underline))
        #expect(Words.chipStyle(EmotionTag(word: "giddy", intensity: 1), .standard) == (.text, []))

        var moments = Fixture.moments()
        moments[0].emotions = [EmotionTag(word: "giddy", intensity: 2), EmotionTag(word: "sad", intensity: 1)]
        var s = AppState(today: Fixture.today, width: 80, height: 24)
        _ = Update.update(&s, .rosterLoaded(Fixture.entries(), people: Fixture.names, groups: [:]))
        _ = Update.update(&s, .timelineLoaded(.subject(.person(1)), moments, offset: 0, exhausted: true))
        let g = Screen.render(s)
        let giddy = Self.find("giddy:2", in: g), sad = Self.find("sad", in: g)
        #expect(giddy.map { g[$0.x, $0.y].role } == .text && giddy.map { g[$0.x, $0.y].attrs } == [])
        #expect(sad.map { g[$0.x, $0.y].role } == .emotionUnpleasant)
        // Editing it: the picker cannot show the word, yet keeps it chosen.
        _ = press(&s, .tab, .char("e"))
        _ = press(&s, .tab, .tab, .tab, .enter)
        #expect(s.form?.field == .emotions && s.form?.picker != nil)
        _ = press(&s, .enter)
        guard case .updateMoment(let m)? = press(&s, .ctrl("s")).first else { Issue.record("no update"); return }
        #expect(m.emotions == [EmotionTag(word: "giddy", intensity: 2), EmotionTag(word: "sad", intensity: 1)])
    }
}
