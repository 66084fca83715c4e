import Foundation
import KithCore
import KithInsights
import Testing
@testable import KithUI

/// A half year with Zoë for the insights view: varied enough that every chart draws.
enum InsightsFixture {
    static let today = Fixture.today
    static let zoe = Person(id: 1, name: "Zoë Ångström", nickname: "Zo", circle: .inner, addedOn: Day(year: 2024, month: 1, day: 1)!)

    static func insights(scope: InsightScope? = nil) -> Insights {
        var moments: [Moment] = []
        let sides: [Initiator] = [.me, .me, .them, .me, .mutual, .me, .me, .them, .me, .me]
        for (i, side) in sides.enumerated() {
            let vulnerable = i % 4 == 1
            moments.append(Moment(id: Int64(i + 1), day: today.adding(days: -(i * 17 + 2)), people: [1],
                                  groupID: i == 4 ? 1 : nil, initiator: side,
                                  kinds: i % 3 == 0 ? [.fun] : [.iSupported],
                                  emotions: [EmotionTag(word: i % 2 == 0 ? "happy" : "sad", intensity: 2),
                                             EmotionTag(word: "grateful", intensity: 1)],
                                  uplift: i % 3 - 1, depth: vulnerable ? .vulnerable : .personal,
                                  received: vulnerable ? (i == 1 ? .safe : .mixed) : nil))
        }
        let group = Group(id: 1, name: "Book club", addedOn: Day(year: 2024, month: 1, day: 1)!)
        return Insights.compute(InsightInput(
            scope: scope ?? .person(zoe), period: .lastTwelveMonths(endingOn: today), moments: moments,
            lastMoment: moments.first?.day, people: [zoe], groups: [group],
            groupLastMet: [1: today.adding(days: -70)], memberships: [1: [1]],
            selfCheckins: [SelfCheckin(day: today, closeness: 5), SelfCheckin(day: today.adding(days: -40), closeness: 3,
                                                                               loneliness: Loneliness(lackCompanionship: .someOfTheTime, leftOut: .hardlyEver, isolated: .hardlyEver))],
            today: today, catalog: .standard))
    }
}

@Suite struct InsightsViewTests {
    let snapshots = ViewSnapshotTests()

    @Test func aPersonAt60And120Columns() {
        let x = InsightsFixture.insights()
        snapshots.check("insights-person-60", InsightsView.page(x, title: "Zoë Ångström", width: 60, dateStyle: .dmy))
        snapshots.check("insights-person-120", InsightsView.page(x, title: "Zoë Ångström", width: 120, dateStyle: .dmy))
    }

    @Test func everyoneAt60Columns() {
        snapshots.check("insights-everyone-60", InsightsView.page(InsightsFixture.insights(scope: .everyone), title: "Everyone",
                                                                   width: 60, dateStyle: .dmy))
    }

    /// Charts and text stay inside the width, whatever it is, and read without colour:
    /// each part of a bar has its own glyph, named in its legend.
    @Test(arguments: [60, 61, 73, 80, 99, 120, 200])
    func everyLineFits(_ width: Int) {
        let page = InsightsView.page(InsightsFixture.insights(scope: .everyone), title: "Everyone", width: width, dateStyle: .dmy)
        for line in page.lines() {
            #expect(TerminalText.width(line) <= width, "too wide at \(width): \(line)")
        }
        let text = page.lines().joined(separator: "\n")
        for legend in ["█ you", "▒ together", "░ others", "█ joyful", "▓ vulnerable", "█ pleasant", "received: █ safe"] {
            #expect(text.contains(legend), "no \(legend) at \(width)")
        }
    }

    @Test func barsAreProportionalAndKeepSmallParts() {
        #expect(InsightsView.bar([(1, "█"), (1, "░")], width: 10) == "█████░░░░░")
        #expect(InsightsView.bar([(3, "█"), (1, "▒"), (0, "░")], width: 8) == "██████▒▒")
        // 1 in 100 would round to nothing; it still shows, so a count never vanishes.
        #expect(InsightsView.bar([(99, "█"), (1, "░")], width: 10) == "█████████░")
        #expect(InsightsView.bar([(0, "█"), (0, "░")], width: 5) == "·····")
        for n in 0...30 {
            #expect(InsightsView.bar([(n, "█"), (30 - n, "░"), (7, "▒")], width: 23).count == 23)
        }
    }

    @Test func iOpensInsightsForTheSelectionAndEscClosesThem() {
        var s = Fixture.loaded()
        #expect(press(&s, .char("i")) == [.loadInsights(.person(1))])
        #expect(press(&s, .char("I")) == [.loadInsights(nil)])
        _ = Update.update(&s, .insightsLoaded(InsightsPage(title: "Zoë Ångström", insights: InsightsFixture.insights())))
        #expect(s.context == .insights)
        snapshots.check("insights-overlay-80x24", Screen.render(s))
        press(&s, .char("j"), .char("j"))
        guard case .insights(let page)? = s.modal else { Issue.record("no insights overlay"); return }
        #expect(page.scroll == 2)
        press(&s, .char("G"))
        guard case .insights(let bottom)? = s.modal else { Issue.record("G closed the insights"); return }
        #expect(bottom.scroll == InsightsView.maxScroll(bottom, s))
        #expect(bottom.scroll > 10)
        press(&s, .char("j"))
        guard case .insights(let still)? = s.modal else { Issue.record("j past the end closed the insights"); return }
        #expect(still.scroll == bottom.scroll)              // no scrolling past the end
        press(&s, .escape)
        #expect(s.modal == nil)
    }
}

@Suite struct SelfCheckinTests {
    @Test func thePictureOverlapsMoreAtEachStep() {
        func shared(_ level: Int) -> Int { IOSPicture.lines(level: level).joined().filter { $0 == "█" }.count }
        #expect(shared(1) == 0 && shared(2) == 0)
        for level in 2...6 { #expect(shared(level + 1) > shared(level), "step \(level + 1) overlaps no more than \(level)") }
        for level in 1...7 {
            #expect(IOSPicture.lines(level: level).allSatisfy { $0.count == IOSPicture.width })
            #expect(IOSPicture.lines(level: level).joined().contains("▓"))   // "you" is always there
        }
    }

    @Test func answeringWithTheKeyboard() {
        var s = Fixture.loaded()
        _ = Update.update(&s, .askSelf(loneliness: true))
        #expect(s.context == .selfCheckin)
        ViewSnapshotTests().check("self-checkin-80x24", Screen.render(s))
        press(&s, .right, .right, .left)
        #expect(s.selfForm?.closeness == 5)
        press(&s, .char("7"))
        #expect(s.selfForm?.closeness == 7)
        press(&s, .char("e"))
        #expect(s.context == .picker)
        press(&s, .char("/"))
        type(&s, "calm")
        press(&s, .enter)
        #expect(s.selfForm?.emotions == [EmotionTag(word: "calm", intensity: 1)])
        press(&s, .enter)
        #expect(s.selfForm?.step == .loneliness(0))
        ViewSnapshotTests().check("self-loneliness-80x24", Screen.render(s))
        press(&s, .right, .enter, .char("3"), .enter)
        let effects = press(&s, .enter)
        #expect(effects == [.saveSelfCheckin(SelfCheckin(day: Fixture.today, closeness: 7, emotions: [EmotionTag(word: "calm", intensity: 1)],
                                                         loneliness: Loneliness(lackCompanionship: .someOfTheTime, leftOut: .often, isolated: .hardlyEver)))])
        let saved = SelfCheckin(day: Fixture.today, closeness: 7, emotions: [EmotionTag(word: "calm", intensity: 1)],
                                loneliness: Loneliness(lackCompanionship: .someOfTheTime, leftOut: .often, isolated: .hardlyEver))
        _ = Update.update(&s, .selfSaved(saved))
        // The score is said with what it means (issue 16, point 18): "6 of 9" alone read as a grade.
        #expect(s.selfForm == nil && s.message == "Noted for today: feeling 7 of 7 connected; calm; "
            + "loneliness 6 of 9 (your three answers added: 3 is hardly ever lonely, 9 often on all three).")
    }

    @Test func escMeansNotTodayAndLeavingTheQuestionsKeepsTheFirstAnswer() {
        var s = Fixture.loaded()
        _ = Update.update(&s, .askSelf(loneliness: false))
        #expect(press(&s, .escape) == [.skipSelfCheckin])
        #expect(s.selfForm == nil)

        _ = Update.update(&s, .askSelf(loneliness: true))
        press(&s, .char("2"), .enter)
        #expect(press(&s, .escape) == [.saveSelfCheckin(SelfCheckin(day: Fixture.today, closeness: 2))])
    }

    @Test func aFailedSaveKeepsTheFormAndSaysWhy() {
        var s = Fixture.loaded()
        _ = Update.update(&s, .askSelf(loneliness: false))
        press(&s, .char("6"), .enter)
        _ = Update.update(&s, .failed("the store is read-only"))
        #expect(s.selfForm?.error == "the store is read-only")
        #expect(s.selfForm?.closeness == 6)
        #expect(s.selfForm?.saving == false)
    }

    @Test func itNeverOpensOverSomethingElse() {
        var s = Fixture.loaded()
        press(&s, .char("c"))
        #expect(s.form != nil)
        _ = Update.update(&s, .askSelf(loneliness: false))
        #expect(s.selfForm == nil)
    }
}

/// C again on a day already answered: the form starts from that answer, and Esc keeps it
/// (it is not a "not today").
@Suite struct SelfCheckinAgainTests {
    @Test func cAgainStartsFromTodaysAnswer() {
        var s = Fixture.loaded()
        let answered = SelfCheckin(day: Fixture.today, closeness: 2, emotions: [EmotionTag(word: "calm", intensity: 2)])
        _ = Update.update(&s, .askSelf(loneliness: false, answered: answered))
        #expect(s.selfForm?.closeness == 2 && s.selfForm?.emotions == answered.emotions)
        #expect(!(Screen.render(s).lines().last ?? "").contains("not today"))
        #expect(Update.update(&s, .key(.escape)).isEmpty)
        #expect(s.selfForm == nil && s.message == "Kept today's answer.")
        // The three questions: their hint bar has no 1-7, feelings or "not today".
        var q = Fixture.loaded()
        _ = Update.update(&q, .askSelf(loneliness: true))
        _ = Update.update(&q, .key(.enter))
        let bar = Screen.render(q).lines().last ?? ""
        #expect(!bar.contains("1-7") && !bar.contains("feelings") && !bar.contains("not today") && bar.contains("choose"), "\(bar)")
        // Not answered yet: Esc is "not today", and counts as a skip.
        var t = Fixture.loaded()
        _ = Update.update(&t, .askSelf(loneliness: false))
        #expect(t.selfForm?.closeness == 4)
        #expect(Update.update(&t, .key(.escape)) == [.skipSelfCheckin])
    }
}
