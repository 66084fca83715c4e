import KithCore
import KithScheduler

/// One line of the Today view.
public enum TodayItem: Equatable, Sendable {
    case nudge(Nudge, Subject)
    case reminder(Reminder, about: String, Subject?)
    case birthday(name: String, on: Day, age: Int?, Subject)
    /// A bond snoozed until a day: listed last, where z lifts the snooze.
    case snoozed(name: String, until: Day, Subject)

    public var subject: Subject? {
        switch self {
        case .nudge(_, let s): s
        case .reminder(_, _, let s): s
        case .birthday(_, _, _, let s): s
        case .snoozed(_, _, let s): s
        }
    }
}

/// The last of Today's one-key actions, to take back with u.
public enum Undo: Equatable, Sendable {
    /// A snooze or a skipped cycle: the snooze there was before (nil: none).
    case snooze(Subject, name: String, previous: Day?)
    /// A reminder marked done: open again.
    case reminder(Int64, text: String)
}

extension AppState {
    /// What is due today, from the roster's own data: ranked nudges (the daily cap
    /// unless everything was asked for), open reminders from their day, and birthdays
    /// in the next two weeks.
    mutating func refreshToday() {
        todayItems = showToday ? rankToday() : []
    }

    func rankToday() -> [TodayItem] {
        var bonds: [Bond] = []
        for e in entries where !e.archived {
            if e.isGroup && e.members.isEmpty { continue }
            var last = LastMoment()
            if case .person(let id) = e.subject { last = lastKinds[id] ?? last }
            var bond = Bond(id: e.subject, name: e.name, circle: e.circle, cadenceDays: e.cadenceDays, last: e.last,
                            added: e.added, purpose: e.purpose, lastKinds: last.kinds, snoozedUntil: snoozes[e.subject],
                            birthday: e.birthday)
            bond.lastInitiator = last.initiator
            bond.lastChannel = last.channel
            bonds.append(bond)
        }
        let settings = SchedulerSettings(rules)
        let due = Scheduler.due(bonds, today: today, settings: settings)
        var items: [TodayItem] = (showAllDue ? due : Array(due.prefix(settings.dailyCap))).map { .nudge($0, $0.bond.id) }
        for r in reminders where r.on <= today {
            let subject: Subject? = r.personID.map { .person($0) } ?? r.groupID.map { .group($0) }
            let about = r.personID.flatMap { personNames[$0] } ?? r.groupID.flatMap { groupNames[$0] } ?? ""
            items.append(.reminder(r, about: about, subject))
        }
        let people = entries.compactMap { e -> (id: Int64, name: String, birthday: Birthday)? in
            guard case .person(let id) = e.subject, !e.archived, let b = e.birthday else { return nil }
            return (id, e.name, b)
        }
        for b in Scheduler.birthdays(people, today: today, within: rules.birthdayDays) {
            items.append(.birthday(name: b.name, on: b.on, age: b.age, .person(b.id)))
        }
        // Snoozed bonds, soonest back first: a snooze is never out of sight, and z lifts it.
        let snoozed = entries.compactMap { e -> (RosterEntry, Day)? in
            guard !e.archived, let until = snoozes[e.subject], today < until else { return nil }
            return (e, until)
        }.sorted { ($0.1, $0.0.name) < ($1.1, $1.0.name) }
        for (e, until) in snoozed { items.append(.snoozed(name: e.name, until: until, e.subject)) }
        return items
    }

    /// A cadence to suggest for a person whose rhythm over the last year differs
    /// clearly from the cadence set (`e` on their Today line fills it in).
    public func cadenceHint(_ e: RosterEntry) -> Int? {
        guard case .person(let id) = e.subject, let days = meetingDays[id] else { return nil }
        return Scheduler.cadenceHint(rhythm: Scheduler.rhythm(days: days, today: today), cadence: e.cadenceDays)
    }

    /// How many bonds are due in all (the Today view shows the first few).
    public var dueCount: Int {
        entries.filter { dueState($0) != .fine }.count
    }

    /// The people whose last moment's kinds the Today view needs: everyone due.
    public var duePeople: [Int64] {
        entries.compactMap { e in
            guard case .person(let id) = e.subject, dueState(e) != .fine else { return nil }
            return id
        }
    }
}
