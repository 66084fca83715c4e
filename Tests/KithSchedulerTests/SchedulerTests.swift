import KithCore
import Testing
@testable import KithScheduler

@Suite struct SchedulerTests {
    let today = Day(year: 2026, month: 11, day: 22)!

    func bond(_ id: Int64, _ name: String, _ circle: Circle?, every: Int, last: Int?, added: Int = 400) -> Bond {
        Bond(id: circle == nil ? .group(id) : .person(id), name: name, circle: circle, cadenceDays: every,
             last: last.map { today.adding(days: -$0) }, added: today.adding(days: -added))
    }

    @Test func dueAndOverdueThresholds() {
        let bonds = [
            bond(1, "Six", .inner, every: 7, last: 6),      // fine
            bond(2, "Seven", .inner, every: 7, last: 7),    // due on the day
            bond(3, "Ten", .inner, every: 7, last: 10),     // due
            bond(4, "Eleven", .inner, every: 7, last: 11),  // overdue: 11 ≥ 10.5
            bond(5, "New", .friends, every: 30, last: nil, added: 0),   // added today: not due
            bond(6, "Never", .friends, every: 30, last: nil, added: 30), // due from the day added
        ]
        let due = Scheduler.due(bonds, today: today)
        #expect(Set(due.map(\.bond.name)) == ["Seven", "Ten", "Eleven", "Never"])
        #expect(due.first { $0.bond.name == "Eleven" }?.state == .overdue)
        #expect(due.first { $0.bond.name == "Ten" }?.state == .due)
        #expect(due.first { $0.bond.name == "Seven" }?.dueOn == today)
        var settings = SchedulerSettings()
        settings.overdueFactor = 2
        #expect(Scheduler.due(bonds, today: today, settings: settings).first { $0.bond.name == "Eleven" }?.state == .due)
    }

    @Test func rankingWeighsInnerCirclesAndBreaksTiesByName() {
        let bonds = [
            bond(1, "Wider, two cadences", .wider, every: 90, last: 180),   // 2.0 × 0.8 = 1.6
            bond(2, "Inner, just due", .inner, every: 7, last: 7),           // 1.0 × 1.6 = 1.6
            bond(3, "Close, 1.5", .close, every: 14, last: 21),              // 1.5 × 1.3 = 1.95
            bond(4, "Ana", .friends, every: 30, last: 45),                   // 1.5
            bond(5, "Ävä", .friends, every: 30, last: 45),                   // 1.5, sorts after Ana
            bond(6, "Book club", nil, every: 30, last: 60),                  // 2.0 × 1.1 = 2.2
        ]
        let names = Scheduler.due(bonds, today: today).map(\.bond.name)
        #expect(names == ["Book club", "Close, 1.5", "Inner, just due", "Wider, two cadences", "Ana", "Ävä"])
        // Deterministic: the same input in another order gives the same list.
        #expect(Scheduler.due(bonds.reversed(), today: today).map(\.bond.name) == names)
    }

    @Test func snoozesHoldUntilTheirDay() {
        var b = bond(1, "Zoë", .inner, every: 7, last: 20)
        b.snoozedUntil = today.adding(days: 3)
        #expect(Scheduler.due([b], today: today).isEmpty)
        #expect(Scheduler.due([b], today: today.adding(days: 3)).count == 1)
    }

    @Test func loggingResetsTheClock() {
        var b = bond(1, "Zoë", .inner, every: 7, last: 20)
        #expect(Scheduler.due([b], today: today).count == 1)
        b.last = today
        #expect(Scheduler.due([b], today: today).isEmpty)
        #expect(Scheduler.dueDay(b) == today.adding(days: 7))
    }

    @Test func suggestionsAreStableForTheDayAndFitTheBond() {
        let b = bond(1, "Zoë", .inner, every: 7, last: 30)
        let s1 = Scheduler.suggestion(for: b, daysSince: 30, today: today)
        #expect(s1 == Scheduler.suggestion(for: b, daysSince: 30, today: today))
        let week = (0..<14).map { Scheduler.suggestion(for: b, daysSince: 30, today: today.adding(days: $0)) }
        #expect(Set(week).count > 1)   // it changes from day to day
        let group = bond(9, "Book club", nil, every: 30, last: 40)
        #expect(Scheduler.suggestion(for: group, daysSince: 40, today: today).contains("group")
                || Scheduler.suggestion(for: group, daysSince: 40, today: today).contains("get-together"))
    }

    @Test func rhythmAndTheCadenceHint() {
        let monthly = (0..<12).map { today.adding(months: -$0) }
        // Once a month all year: monthly.
        #expect(Scheduler.rhythm(days: monthly, today: today) == 30)
        // Once a month since six months ago: monthly, not every two months.
        #expect(Scheduler.rhythm(days: Array(monthly.prefix(6)), today: today) == 30)
        // Six moments on one day are one meeting: nothing to judge by (once "every ~3d").
        #expect(Scheduler.rhythm(days: Array(repeating: today.adding(days: -10), count: 6), today: today) == nil)
        // Four days, but all within three weeks: too short a span to mean anything yet.
        #expect(Scheduler.rhythm(days: [0, 5, 12, 20].map { today.adding(days: -$0) }, today: today) == nil)
        // Four days over a year, two of them together: every four months.
        #expect(Scheduler.rhythm(days: [-360, -359, -40, -5].map { today.adding(days: $0) }, today: today) == 120)
        // Daily for a fortnight in September, nothing for 82 days since: no rhythm to
        // speak of, not "every ~6d" (found in tmux, issue 16 point 5).
        #expect(Scheduler.rhythm(days: (0..<15).map { today.adding(days: -82 - $0) }, today: today) == nil)
        #expect(Scheduler.cadenceHint(rhythm: 30, cadence: 7) == 28)     // monthly against weekly: suggest 4 weeks
        #expect(Scheduler.cadenceHint(rhythm: 30, cadence: 30) == nil)
        #expect(Scheduler.cadenceHint(rhythm: 3, cadence: 14) == 3)      // far more often than set
        #expect(Scheduler.cadenceHint(rhythm: 10, cadence: 7) == nil)    // close enough

    }

    @Test func birthdaysAcrossYearEndsAndLeapYears() {
        let people: [(id: Int64, name: String, birthday: Birthday)] = [
            (1, "New Year", Birthday(month: 1, day: 2, year: 1990)!),
            (2, "Leapling", Birthday(month: 2, day: 29, year: 2000)!),
            (3, "Today", Birthday(month: 11, day: 22, year: nil)!),
        ]
        let dec28 = Day(year: 2026, month: 12, day: 28)!
        let soon = Scheduler.birthdays(people, today: dec28, within: 7)
        #expect(soon.map(\.name) == ["New Year"] && soon[0].on.iso == "2027-01-02" && soon[0].age == 37)
        let feb = Scheduler.birthdays(people, today: Day(year: 2027, month: 2, day: 20)!, within: 14)
        #expect(feb.map(\.on.iso) == ["2027-02-28"] && feb[0].age == 27)   // 29 Feb kept on 28 Feb in a common year
        let leap = Scheduler.birthdays(people, today: Day(year: 2028, month: 2, day: 20)!, within: 14)
        #expect(leap.map(\.on.iso) == ["2028-02-29"])
        #expect(Scheduler.birthdays(people, today: today, within: 0).map(\.name) == ["Today"])
    }

    /// Property: over random days and cadences, a bond is due exactly from its due day,
    /// whatever the calendar (month ends, leap days, DST has no say in calendar days).
    @Test func dueExactlyFromTheDueDay() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let last = Day(ordinal: Int.random(in: 0...40000, using: &rng))
            let every = Int.random(in: 1...365, using: &rng)
            let b = Bond(id: .person(1), name: "x", circle: .friends, cadenceDays: every, last: last, added: last)
            let due = Scheduler.dueDay(b)
            #expect(due.days(since: last) == every)
            #expect(Scheduler.due([b], today: due.adding(days: -1)).isEmpty)
            #expect(Scheduler.due([b], today: due).count == 1)
        }
    }

    /// The suggestion follows the occasion and the last moment (issue 16, point 17): a
    /// birthday today is the birthday, not "tell them you appreciate them".
    @Test func suggestionsFollowTheOccasionAndTheLastMoment() {
        var b = bond(1, "Zoë", .friends, every: 14, last: 30)
        b.birthday = Birthday(month: today.month, day: today.day, year: 1990)
        #expect(Scheduler.suggestion(for: b, daysSince: 30, today: today).contains("birthday today"))
        b.birthday = Birthday(month: today.adding(days: 2).month, day: today.adding(days: 2).day, year: nil)
        #expect(Scheduler.suggestion(for: b, daysSince: 30, today: today).contains("birthday is in 2 days"))
        b.birthday = nil
        b.lastInitiator = .them
        b.lastChannel = .message
        let days = Set((0..<30).map { Scheduler.suggestion(for: b, daysSince: 30, today: today.adding(days: $0)) })
        #expect(days.contains("they reached out last time: it is your turn"))
        #expect(days.contains("call or meet this time, rather than another message"))
        // Ten friends due on one day are not all told the same thing.
        let friends = (1...10).map { Scheduler.suggestion(for: bond(Int64($0), "P\($0)", .friends, every: 14, last: 30), daysSince: 30, today: today) }
        #expect(Set(friends).count > 1)
    }
}
