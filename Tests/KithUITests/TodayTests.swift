import KithCore
import Testing
@testable import KithUI

@Suite struct TodayTests {
    func loadedWithReminder() -> AppState {
        var s = AppState(today: Fixture.today, width: 80, height: 24)
        let reminder = Reminder(id: 7, personID: 2, text: "ask about Kyoto", on: Fixture.today)
        _ = Update.update(&s, .rosterLoaded(Fixture.entries(), people: Fixture.names, groups: [1: "Book club"],
                                            snoozes: [.person(3): Fixture.today.adding(days: 2)], reminders: [reminder]))
        return s
    }

    /// The hint bar offers what the highlighted line can take: skip and snooze on a
    /// nudge, x on a reminder; help and quit stay when the line is short.
    @Test func theHintBarFollowsTheHighlightedLine() {
        var s = loadedWithReminder()
        s.width = 120
        _ = press(&s, .char("t"))
        func bar() -> String { Screen.render(s, keymap: .standard).lines().last ?? "" }
        #expect(bar().contains("s skip") && bar().contains("z snooze 1w") && !bar().contains("x done"), "\(bar())")
        let reminderRow = s.todayItems.firstIndex { if case .reminder = $0 { true } else { false } }!
        s.todayCursor = reminderRow
        #expect(bar().contains("x done") && !bar().contains("s skip"), "\(bar())")
        s.width = 60
        #expect(bar().contains("x done") && bar().hasSuffix("? help  q quit"), "\(bar())")
        s.width = 50
        #expect(bar().hasSuffix("? help  q quit"), "\(bar())")
    }

    /// "you usually meet every ~21d; e to adjust": e opens the person with that cadence
    /// filled in, on the field, ready to save.
    @Test func eOnARhythmHintFillsInTheCadence() {
        var s = loadedWithReminder()
        _ = press(&s, .char("t"))
        // Met every three weeks, on distinct days, for most of a year.
        _ = Update.update(&s, .lastKindsLoaded([:], meetingDays: [1: (0..<15).map { Fixture.today.adding(days: -21 * $0 - 5) }]))
        #expect(s.selected?.subject == .person(1))
        #expect(press(&s, .char("e")) == [.loadPerson(1)])
        _ = Update.update(&s, .personLoaded(Person(id: 1, name: "Zoë Ångström", circle: .inner, cadenceDays: 7,
                                                    addedOn: Fixture.today.adding(days: -400)), groups: []))
        #expect(s.personForm?.every.text == "3w" && s.personForm?.field == .every)
        // From the roster, the form shows the person as they are.
        var r = loadedWithReminder()
        _ = Update.update(&r, .personLoaded(Person(id: 1, name: "Zoë Ångström", circle: .inner, cadenceDays: 7,
                                                    addedOn: Fixture.today.adding(days: -400)), groups: []))
        #expect(r.personForm?.every.text == "1w")
    }

    /// José is snoozed: the roster marks him z, neither due nor forgotten.
    @Test func theRosterMarksASnoozedPerson() {
        let s = loadedWithReminder()
        let row = Screen.render(s).lines().first { $0.contains("José") } ?? ""
        #expect(row.hasPrefix("┃z "), "\(row)")
    }

    @Test func todayListsNudgesRemindersAndBirthdays() {
        var s = loadedWithReminder()
        // The timeline follows the first row; the kinds of due people's last moments come
        // for the suggestions (José is snoozed, so not due).
        let effects = press(&s, .char("t"))
        #expect(effects.count == 2 && effects.last == .loadLastKinds(s.duePeople), "\(effects)")
        #expect(!s.duePeople.contains(3))
        #expect(s.context == .today)
        let items = s.todayItems
        // Zoë is overdue; José is snoozed; then the reminder and Zoë's birthday.
        guard case .nudge(let n, .person(1)) = items[0] else { Issue.record("\(items)"); return }
        #expect(n.state == .overdue && !n.suggestion.isEmpty)
        #expect(!items.contains { if case .nudge(_, .person(3)) = $0 { true } else { false } })
        #expect(items.contains { if case .reminder(let r, "山田太郎", .person(2)) = $0 { r.id == 7 } else { false } })
        #expect(items.contains { if case .birthday("Zoë Ångström", _, 36, .person(1)) = $0 { true } else { false } })
        #expect(s.selected?.name == "Zoë Ångström")
    }

    @Test func keysSkipSnoozeCloseAndCheckIn() {
        var s = loadedWithReminder()
        _ = press(&s, .char("t"))
        // Zoë last met 21 days ago, every 7: skipping a cycle puts her a week from today.
        #expect(press(&s, .char("s")) == [.snooze(.person(1), until: Fixture.today.adding(days: 7))])
        #expect(press(&s, .char("z")) == [.snooze(.person(1), until: Fixture.today.adding(days: 7))])
        #expect(press(&s, .char("x")).isEmpty && s.message?.contains("reminder") == true)
        let reminderRow = s.todayItems.firstIndex { if case .reminder = $0 { true } else { false } }!
        for _ in 0..<reminderRow { _ = press(&s, .char("j")) }
        #expect(press(&s, .char("x")) == [.closeReminder(7)])
        #expect(s.selected?.name == "山田太郎")
        _ = press(&s, .char("c"))
        #expect(s.form?.title == "山田太郎")
        _ = press(&s, .escape, .char("t"))
        #expect(s.context == .roster)
        let r = s.reminders.first { $0.id == 7 }!
        #expect(Update.update(&s, .reminderSet(r, done: true)) == [.loadRoster] && s.message == "Done: \(r.text); u undoes.")
    }

    /// Today's one-key actions can be taken back with u, and a snooze is listed with its
    /// day, where z lifts it (issue 16, point 4).
    @Test func uTakesBackTheLastSkipSnoozeOrDone() {
        var s = loadedWithReminder()
        _ = press(&s, .char("t"))
        #expect(press(&s, .char("u")).isEmpty && s.message?.contains("Nothing to undo") == true)
        _ = press(&s, .char("z"))
        #expect(press(&s, .char("u")) == [.snooze(.person(1), until: nil)], "Zoë was not snoozed before")
        #expect(press(&s, .char("u")).isEmpty, "one undo for one action")
        let reminderRow = s.todayItems.firstIndex { if case .reminder = $0 { true } else { false } }!
        s.todayCursor = reminderRow
        #expect(press(&s, .char("x")) == [.closeReminder(7)])
        #expect(press(&s, .char("u")) == [.reopenReminder(7)])
    }

    @Test func snoozedBondsAreListedWithTheirDayAndZLiftsThem() {
        var s = loadedWithReminder()
        s.width = 120
        _ = press(&s, .char("t"))
        guard let row = s.todayItems.firstIndex(where: { if case .snoozed(_, _, .person(3)) = $0 { true } else { false } }) else {
            Issue.record("José's snooze is not listed: \(s.todayItems)"); return
        }
        s.todayCursor = row
        let screen = Screen.render(s).lines()
        #expect(screen.contains { $0.contains("José 🌱 · snoozed until Tue 24 Nov") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.last?.contains("z lift snooze") == true && screen.last?.contains("s skip") == false, "\(screen.last ?? "")")
        #expect(press(&s, .char("s")).isEmpty)
        #expect(press(&s, .char("z")) == [.snooze(.person(3), until: nil)])
        // Undone, the snooze comes back with its day.
        #expect(press(&s, .char("u")) == [.snooze(.person(3), until: Fixture.today.adding(days: 2))])
    }
}
