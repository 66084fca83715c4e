import Foundation
import KithCore
import Testing
@testable import KithUI

@Suite struct UpdateTests {
    @Test func startsByLoadingTheRosterThenTheMostDueTimeline() {
        var s = AppState(today: Fixture.today, width: 80, height: 24)
        let effects = Update.update(&s, .rosterLoaded(Fixture.entries(), people: Fixture.names, groups: [:]))
        // Sorted by due: Zoë is 3 cadences late, José just past one, 山田 is fine, Eve was added today.
        #expect(s.visible.map { s.entries[$0].name } == ["Zoë Ångström", "José 🌱", "山田太郎", "Eve\u{1B}[31mRED"])
        #expect(effects == [.loadTimeline(.subject(.person(1)), offset: 0, limit: TimelineState.firstPageSize(lines: Layout(width: s.width, height: s.height).timelineLines))])
        #expect(s.timeline.loading)
    }

    @Test func movingInTheRosterFollowsWithTheTimeline() {
        var s = Fixture.loaded()
        #expect(press(&s, .char("j")) == [.loadTimeline(.subject(.person(3)), offset: 0, limit: TimelineState.firstPageSize(lines: Layout(width: s.width, height: s.height).timelineLines))])
        #expect(s.selected?.name == "José 🌱")
        #expect(press(&s, .char("k"), .up).count == 1) // the second move is at the top: nothing to load
        #expect(press(&s, .char("G")).count == 1)
        #expect(s.selected?.name == "Eve\u{1B}[31mRED")
        // An answer for an older selection is dropped.
        _ = Update.update(&s, .timelineLoaded(.subject(.person(1)), Fixture.moments(), offset: 0, exhausted: true))
        #expect(s.timeline.moments.isEmpty)
    }

    @Test func filterAsYouTypeIgnoresCaseAndAccents() {
        var s = Fixture.loaded()
        _ = press(&s, .char("/"), .char("j"), .char("O"), .char("s"), .char("e"))
        #expect(s.filtering && s.query == "jOse")
        #expect(s.visible.map { s.entries[$0].name } == ["José 🌱"])
        _ = press(&s, .backspace, .backspace, .backspace, .backspace)
        #expect(s.visible.count == 4)
        _ = press(&s, .char("z"), .char("o"), .enter)
        #expect(!s.filtering && s.query == "zo" && s.visible.count == 1)
        // q typed while filtering is text, not quit.
        _ = press(&s, .char("/"))
        #expect(press(&s, .char("q")).allSatisfy { $0 != .quit })
        _ = press(&s, .escape)
        #expect(!s.filtering && s.query.isEmpty && s.visible.count == 4)
    }

    @Test func escInTheRosterClearsAKeptFilterAndCheckInWorksFromEveryone() {
        var s = Fixture.loaded()
        _ = press(&s, .char("/"), .char("z"), .char("o"), .enter)
        #expect(s.visible.count == 1)
        _ = press(&s, .escape)
        #expect(s.query.isEmpty && s.visible.count == 4)
        _ = press(&s, .char("a"), .tab, .char("c"))
        #expect(s.form?.title == "Zoë Ångström")
    }

    @Test func aSelectionThatDisappearsMovesTheTimeline() {
        var s = Fixture.loaded()
        _ = press(&s, .char("/"), .char("z"), .char("o"), .enter)
        var entries = Fixture.entries()
        entries[0].archived = true
        let effects = Update.update(&s, .rosterLoaded(entries, people: Fixture.names, groups: [:]))
        #expect(s.selected == nil && s.timeline.scope == nil && effects.isEmpty)
    }

    @Test func sortsAndToggles() {
        var s = Fixture.loaded()
        _ = press(&s, .char("s"))
        #expect(s.sort == .name)
        #expect(s.visible.map { s.entries[$0].name }.first == "Eve\u{1B}[31mRED")
        _ = press(&s, .char("s"))
        #expect(s.sort == .lastSeen)
        #expect(s.visible.map { s.entries[$0].name }.first == "山田太郎")
        _ = press(&s, .char("s"))
        #expect(s.visible.map { s.entries[$0].circle } == [.inner, .close, .friends, .wider])
        _ = press(&s, .char("A"))
        #expect(s.visible.count == 5)
        _ = press(&s, .char("r"))
        #expect(s.visible.map { s.entries[$0].name } == ["Book club"])
        #expect(press(&s, .char("a")) == [.loadTimeline(.everyone, offset: 0, limit: TimelineState.firstPageSize(lines: Layout(width: s.width, height: s.height).timelineLines))])
    }

    @Test func timelineOpenDeleteAndEscNeverQuits() {
        var s = Fixture.loaded()
        _ = press(&s, .tab)
        #expect(s.focus == .timeline && s.context == .timeline)
        _ = press(&s, .char("j"))
        #expect(s.timeline.cursor == 1)
        _ = press(&s, .enter)
        guard case .moment(let m, _)? = s.modal else { Issue.record("no moment open"); return }
        #expect(m.id == 2)
        #expect(press(&s, .escape).isEmpty && s.modal == nil)
        #expect(press(&s, .escape).isEmpty) // Esc at the top level does nothing, and never quits
        _ = press(&s, .char("d"))
        #expect(s.modal == .confirmDelete(Fixture.moments()[1]))
        #expect(press(&s, .char("n")).isEmpty && s.modal == nil)
        _ = press(&s, .char("d"))
        #expect(press(&s, .char("y")) == [.deleteMoment(2)])
        #expect(Update.update(&s, .momentDeleted(2)) == [.loadRoster])
        #expect(s.message == "Moment deleted.")
        #expect(press(&s, .char("q")) == [.quit])
    }

    @Test func longTimelinesLoadPageByPage() {
        var s = Fixture.loaded()
        let page = (0..<TimelineState.pageSize).map { i in
            Moment(id: Int64(1000 - i), day: Fixture.today.adding(days: -i), people: [1])
        }
        _ = Update.update(&s, .timelineLoaded(.subject(.person(1)), page, offset: 0, exhausted: false))
        _ = press(&s, .tab)
        var asked: [Effect] = []
        for _ in 0..<175 { asked += press(&s, .down) }
        #expect(asked == [.loadTimeline(.subject(.person(1)), offset: TimelineState.pageSize, limit: TimelineState.pageSize)])
        _ = Update.update(&s, .timelineLoaded(.subject(.person(1)), page, offset: TimelineState.pageSize, exhausted: true))
        #expect(s.timeline.moments.count == 2 * TimelineState.pageSize && s.timeline.cursor == 175)
        _ = press(&s, .char("G"))
        #expect(s.timeline.cursor == 2 * TimelineState.pageSize - 1)
        let lines = Layout(width: 80, height: 24).timelineLines
        let cursorLine = s.timeline.lines.firstIndex(of: .first(s.timeline.cursor))!
        #expect(cursorLine >= s.timeline.scroll && cursorLine + 1 < s.timeline.scroll + lines)
    }

    /// G reaches the oldest moment however long the history: it asks for the last page
    /// alone, and moving up from there fills in the pages above, the cursor staying on
    /// the same moment. g goes back to the very first.
    @Test func gAndGReachBothEndsOfALongHistory() {
        var s = Fixture.loaded()
        func page(_ from: Int, _ count: Int) -> [Moment] {
            (from..<from + count).map { i in Moment(id: Int64(100_000 - i), day: Fixture.today.adding(days: -i), people: [1]) }
        }
        let person = TimelineScope.subject(.person(1))
        _ = Update.update(&s, .timelineLoaded(person, page(0, 20), offset: 0, exhausted: false))
        _ = press(&s, .tab)
        #expect(TimelineView.title(s).hasSuffix("20+ moments"))
        #expect(press(&s, .char("G")) == [.loadTimelineEnd(person, limit: TimelineState.pageSize)])
        #expect(press(&s, .char("G")) == [])   // one request at a time
        _ = Update.update(&s, .timelineLoaded(person, page(4800, 200), offset: 4800, exhausted: true))
        #expect(s.timeline.cursor == 199 && s.timeline.moments[199].id == 100_000 - 4999 && s.timeline.base == 4800)
        #expect(TimelineView.title(s).hasSuffix("5000 moments"))
        let lines = Layout(width: s.width, height: s.height).timelineLines
        let atEnd = s.timeline.lines.firstIndex(of: .first(s.timeline.cursor))!
        #expect(atEnd >= s.timeline.scroll && atEnd + 1 < s.timeline.scroll + lines)
        // Up towards the top of the stretch: the page above is asked for and put in place.
        var asked: [Effect] = []
        let oldestLoaded = s.timeline.moments[0]
        for _ in 0..<171 { asked += press(&s, .up) }
        #expect(asked == [.loadTimelineAbove(person, newerThan: oldestLoaded, base: 4800, limit: 200)])
        let selected = s.timeline.moments[s.timeline.cursor].id
        _ = Update.update(&s, .timelineLoaded(person, page(4600, 200), offset: 4600, exhausted: false))
        #expect(s.timeline.base == 4600 && s.timeline.moments.count == 400 && s.timeline.exhausted)
        #expect(s.timeline.moments[s.timeline.cursor].id == selected)
        let at = s.timeline.lines.firstIndex(of: .first(s.timeline.cursor))!
        #expect(at >= s.timeline.scroll && at + 1 < s.timeline.scroll + lines)
        // A moment logged elsewhere while the stretch is shown: the reload keeps the cursor
        // on the same moment and the count exact.
        let here = s.timeline.moments[s.timeline.cursor].id
        let reload = Update.update(&s, .rosterLoaded(Fixture.entries(), people: [:], groups: [:]))
        #expect(reload.contains(.loadTimeline(person, offset: 4600, limit: 600)), "\(reload)")
        var shifted = page(4599, 402)
        shifted[0] = Moment(id: 999_999, day: Fixture.today, people: [1])
        _ = Update.update(&s, .timelineLoaded(person, shifted, offset: 4600, exhausted: true))
        #expect(s.timeline.moments[s.timeline.cursor].id == here && TimelineView.title(s).hasSuffix("5002 moments"))
        // g: the first page again.
        #expect(press(&s, .char("g")) == [.loadTimeline(person, offset: 0, limit: TimelineState.pageSize)])
        _ = Update.update(&s, .timelineLoaded(person, page(0, 200), offset: 0, exhausted: false))
        #expect(s.timeline.base == 0 && s.timeline.cursor == 0 && s.timeline.moments[0].id == 100_000)
    }

    /// Someone added elsewhere shifts the entries: the cursor stays on the person it was
    /// on, not on the row number (c, x and e act on whoever is highlighted).
    @Test func aReloadKeepsTheSelectedPerson() {
        var s = Fixture.loaded()
        _ = press(&s, .char("j"))
        let before = s.selected?.subject
        var entries = Fixture.entries()
        entries.insert(RosterEntry(subject: .person(9), name: "Aaron", circle: .inner, cadenceDays: 7,
                                   last: Fixture.today.adding(days: -400), added: Fixture.today.adding(days: -500)), at: 0)
        _ = Update.update(&s, .rosterLoaded(entries, people: [:], groups: [:], snoozes: [:], reminders: []))
        #expect(s.selected?.subject == before)
    }

    /// Ctrl-C quits from a form, the picker, the self check-in and the help alike (over
    /// typed text, the second Ctrl-C: see CtrlCAsksTests).
    @Test func ctrlCQuitsFromAnywhere() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        #expect(s.form != nil)
        #expect(press(&s, .char("x")).isEmpty)
        #expect(press(&s, .ctrl("c")).isEmpty)
        #expect(press(&s, .ctrl("c")) == [.quit])
        var p = Fixture.loaded()
        _ = press(&p, .char("?"))
        #expect(press(&p, .ctrl("c")) == [.quit])
        var n = Fixture.loaded()
        _ = press(&n, .char("n"))
        #expect(n.personForm != nil)
        #expect(press(&n, .ctrl("c")) == [.quit])
        var c = Fixture.loaded()
        _ = Update.update(&c, .askSelf(loneliness: false))
        #expect(c.selfForm != nil)
        #expect(press(&c, .ctrl("c")) == [.quit])
    }

    /// A message longer than the line is wrapped over up to three lines above the hint
    /// bar: the end of an error (what to do) is not cut off.
    @Test func aLongMessageIsShownWhole() {
        var s = Fixture.loaded()
        let message = "the store /home/someone/.local/share/kith/kith.sqlite is damaged (database disk image is malformed); "
            + "kith restore FILE puts a backup back"
        _ = Update.update(&s, .failed(message))
        let lines = Screen.render(s).lines().suffix(2).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.joined(separator: " ") == message, "\(lines)")
    }

    /// Keys that cannot act here say why instead of doing nothing: i with nobody
    /// selected; an archived person has their own mark.
    @Test func keysThatCannotActSayWhy() {
        var e = AppState(today: Fixture.today, width: 80, height: 24)
        _ = Update.update(&e, .rosterLoaded([], people: [:], groups: [:]))
        #expect(press(&e, .char("i")).isEmpty && e.message?.contains("Add someone first") == true)
        var a = Fixture.loaded()
        var entries = Fixture.entries()
        entries.append(RosterEntry(subject: .person(8), name: "Kenji Watanabe-Longname", circle: .friends, cadenceDays: 30,
                                   last: nil, added: Fixture.today, archived: true))
        _ = Update.update(&a, .rosterLoaded(entries, people: [:], groups: [:]))
        _ = press(&a, .char("A"))
        let row = Screen.render(a).lines().first { $0.contains("Kenji") } ?? ""
        #expect(row.hasPrefix("┃× "), "\(row)")
    }

    @Test func keymapIsTheOneSourceOfHintsAndHelp() {
        let keymap = Keymap.standard
        for context in KeyContext.allCases {
            for b in keymap.bindings(in: context) {
                for key in b.keys {
                    // Every listed key does what its line says in that context: no other
                    // binding there takes the key first (the first binding wins), so
                    // the hint bar and help never name a key that does something else.
                    #expect(keymap.action(for: key, in: context) == b.action, "\(key.label) in \(context): \(b.hint)")
                }
            }
        }
        let rules = Rules()
        let help = HelpView.lines(keymap, rules: rules).map { $0.1 }
        for b in keymap.bindings { #expect(help.contains(Keymap.help(b.help, rules: rules))) }
    }
}

/// Reading ahead while idle: the roster's neighbours of the selection, as the timeline
/// would ask for them, and nothing in the Today view or for everyone's timeline.
@Suite struct PrefetchTests {
    @Test func theNeighboursOfTheSelection() {
        var s = Fixture.loaded()
        let lines = Layout(width: s.width, height: s.height).timelineLines
        let limit = TimelineState.firstPageSize(lines: lines)
        let below = s.entries[s.visible[1]].subject
        #expect(Update.prefetches(s) == [.prefetch(.subject(below), filter: .none, limit: limit)])
        _ = press(&s, .char("j"))
        let above = s.entries[s.visible[0]].subject, next = s.entries[s.visible[2]].subject
        #expect(Update.prefetches(s) == [.prefetch(.subject(next), filter: .none, limit: limit),
                                         .prefetch(.subject(above), filter: .none, limit: limit)])
        s.everyone = true
        #expect(Update.prefetches(s).isEmpty)
    }
}

/// Hints that said one thing and did another (issue 16, point 13).
@Suite struct HonestHintsTests {
    @Test func jAndKInTheMomentCardGoToTheNextAndPreviousMoment() {
        var s = Fixture.loaded()
        _ = press(&s, .tab, .enter)
        guard case .moment(let first, _)? = s.modal else { Issue.record("no moment open"); return }
        _ = press(&s, .char("j"))
        guard case .moment(let second, _)? = s.modal else { Issue.record("j closed the card"); return }
        #expect(second != first && second == Fixture.moments()[1])
        _ = press(&s, .char("k"))
        #expect(s.modal == .moment(first, scroll: 0))
    }

    @Test func theTimelinesHintBarOffersItsOwnFilter() {
        var s = Fixture.loaded()
        _ = press(&s, .tab)
        let bar = Screen.render(s).lines().last ?? ""
        #expect(bar.contains("f filter") && !bar.contains("/ filter"), "\(bar)")
    }
}

/// The moment count, once known, stays known while pages come and go (issue 16, point 10).
@Suite struct TimelineCountTests {
    func page(_ from: Int, _ n: Int) -> [Moment] {
        (from..<from + n).map { Moment(id: Int64(10_000 - $0), day: Fixture.today.adding(days: -$0), people: [1]) }
    }

    @Test func aCountOnceKnownStaysKnown() {
        var s = Fixture.loaded()
        _ = press(&s, .tab)
        let scope = s.timeline.scope!
        _ = Update.update(&s, .timelineLoaded(scope, page(0, 200), offset: 0, exhausted: false))
        #expect(s.timeline.total == nil)
        _ = Update.update(&s, .timelineLoaded(scope, page(707, 200), offset: 707, exhausted: true))
        #expect(s.timeline.total == 907)
        _ = Update.update(&s, .timelineLoaded(scope, page(0, 200), offset: 0, exhausted: false))
        #expect(s.timeline.total == 907)
        #expect(Screen.render(s).lines().contains { $0.contains("907 moments") })
    }
}

/// What a timeline row says of itself (issue 16, points 9 and 12).
@Suite struct TimelineRowTests {
    @Test func aRowFromAnotherYearSaysItsYearAndAGroupMomentItsGroup() {
        var s = Fixture.loaded()
        s.groupNames[7] = "Book club"
        _ = press(&s, .tab)
        let scope = s.timeline.scope!
        let old = Moment(id: 9, day: Day(year: 2024, month: 12, day: 6)!, people: [1], groupID: 7)
        _ = Update.update(&s, .timelineLoaded(scope, Fixture.moments() + [old], offset: 0, exhausted: true))
        let lines = Screen.render(s).lines()
        #expect(lines.contains { $0.contains("Fri 06 Dec 2024") && $0.contains("with Book club") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("Sun 01 Nov 18:30") }, "this year's rows keep their short date")
    }
}

@Suite struct HeaderPartsTests {
    /// The birthday and due counts are drawn in the header's own part roles, which keep
    /// the bar's background (ThemeTests checks each built-in theme gives them one).
    @Test func theHeadersPartsUseTheHeadersRoles() {
        let s = Fixture.loaded()
        let grid = Screen.render(s)
        let top = grid.lines()[0]
        guard let at = top.range(of: "birthday") else { Issue.record("no birthday in \(top)"); return }
        let x = top.distance(from: top.startIndex, to: at.lowerBound)
        #expect(grid[x, 0].role == .headerAccent)
        let due = top.range(of: "1 due")!
        #expect(grid[top.distance(from: top.startIndex, to: due.lowerBound), 0].role == .headerDue)
    }
}

@Suite struct HeaderRemindersTests {
    /// A reminder due today is something to do: the header never says "nobody is due"
    /// over it (issue 16, point 17).
    @Test func aReminderDueTodayIsCountedNotNobody() {
        var s = AppState(today: Fixture.today, width: 100, height: 24)
        let fine = RosterEntry(subject: .person(1), name: "Zoë", circle: .inner, cadenceDays: 7,
                               last: Fixture.today, added: Fixture.today.adding(days: -30))
        _ = Update.update(&s, .rosterLoaded([fine], people: [1: "Zoë"], groups: [:],
                                            reminders: [Reminder(id: 1, personID: 1, text: "ask about Kyoto", on: Fixture.today)]))
        let top = Screen.render(s).lines()[0]
        #expect(top.contains("1 reminder") && !top.contains("nobody is due"), "\(top)")
        _ = Update.update(&s, .rosterLoaded([fine], people: [1: "Zoë"], groups: [:], reminders: []))
        #expect(Screen.render(s).lines()[0].contains("nobody is due"))
    }
}

/// The rules live in the state, and the help quotes them (issue 16, point 1).
@Suite struct RulesInStateTests {
    @Test func theHelpAndTodayFollowTheConfigsRules() {
        var rules = Rules()
        rules.overdueFactor = 2
        rules.dailyCap = 1
        var s = AppState(today: Fixture.today, width: 100, height: 60, rules: rules)
        _ = Update.update(&s, .rosterLoaded(Fixture.entries(), people: Fixture.names, groups: [:]))
        _ = press(&s, .char("?"))
        let help = Screen.render(s).lines().joined(separator: "\n")
        #expect(help.contains("overdue (2× cadence") && !help.contains("1.5×"), "\(help)")
        #expect(HelpView.lines(.standard, rules: rules).contains { $0.1.contains("not only the first 1") })
        // Zoë, 21 days on a 7-day cadence, is overdue at 2×; only one nudge shows.
        #expect(s.rankToday().filter { if case .nudge = $0 { true } else { false } }.count == 1)
        #expect(s.header.overdue == 1)
        s.rules.overdueFactor = 4
        #expect(s.header.overdue == 0 && s.header.due == 2)
    }
}
