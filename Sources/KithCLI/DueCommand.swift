import ArgumentParser
import KithCore
import KithScheduler
import KithStore

/// `kith due`: who is due today, most pressing first, with a small suggestion each.
struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Who is due for a check-in today, most pressing first (for a shell prompt or cron).",
        discussion: """
            Due when the days since your last moment reach their cadence; overdue from 1.5 times it.
            The list is capped at 5 so it nudges rather than nags; --all shows everyone.
            Snoozed people wait (kith snooze); one-off reminders show from their day (kith remind).
            --check prints nothing and exits 1 when nobody is due, 0 otherwise: for a prompt, e.g.
              PS1='$(kith due --check && echo "♥ ")'"$PS1"
            """)

    @Flag(help: "Show everyone who is due, not only the first 5.") var all = false
    @Flag(help: "Print JSON (shape in the README).") var json = false
    @Flag(help: "Print nothing; exit 1 when nobody is due, 0 otherwise.") var check = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let store = try ctx.openStore(reading: true)
        // The roster is read once: the scheduler takes the active people, reminders may
        // be about anyone.
        let everyone = try store.people(includeArchived: true)
        let (nudges, total, birthdays) = try Due.today(store: store, today: ctx.today, all: all,
                                                       people: everyone.filter { !$0.archived })
        let reminders = try store.reminders().filter { $0.on <= ctx.today }
        let about = reminders.isEmpty ? { _ in "" } : try Resolver(store: store, people: everyone).about
        if check {
            if total == 0 && reminders.isEmpty { throw ExitCode(Exit.failure) }
            return
        }
        if json {
            Output.line(JSON.object([
                ("date", .string(ctx.today.iso)),
                ("total", .int(total)),
                ("due", .array(nudges.map { n in
                    .object([
                        ("name", .string(n.bond.name)),
                        ("kind", .string(n.bond.isGroup ? "group" : "person")),
                        ("state", .string(n.state == .overdue ? "overdue" : "due")),
                        ("daysSince", .int(n.daysSince)),
                        ("cadenceDays", .int(n.bond.cadenceDays)),
                        ("dueOn", .string(n.dueOn.iso)),
                        ("suggestion", .string(n.suggestion)),
                    ])
                })),
                ("birthdays", .array(birthdays.map { b in
                    .object([("name", .string(b.name)), ("date", .string(b.on.iso)), ("age", .optional(b.age))])
                })),
                ("reminders", .array(reminders.map { r in
                    .object([("id", .int(Int(r.id))), ("about", .string(about(r))), ("text", .string(r.text)), ("date", .string(r.on.iso))])
                })),
            ]).render())
            return
        }
        if total == 0 {
            Output.line("Nobody is due today.")
        } else {
            let shown = nudges.count < total ? "\(nudges.count) of \(total); kith due --all shows everyone" : "\(total)"
            Output.line("Due today (\(shown)):")
            var table = Table(["", "NAME", "", "SINCE", "A SMALL STEP"])
            for n in nudges {
                let since = "\(n.daysSince) days (every \(n.bond.cadenceDays))"
                table.add([n.state == .overdue ? "!" : "•", n.bond.name + (n.bond.isGroup ? " (group)" : ""),
                           n.state == .overdue ? "overdue" : "due", since, n.suggestion])
            }
            for line in table.lines().dropFirst() { Output.line("  " + line) }
        }
        for r in reminders {
            let when = r.on == ctx.today ? "" : " (since \(DateText.long(r.on)))"
            Output.line("Reminder #\(r.id), \(TerminalText.sanitize(about(r))): \(TerminalText.sanitize(r.text))\(when)")
        }
        for b in birthdays {
            let n = b.on.days(since: ctx.today)
            let when = n == 0 ? "today" : n == 1 ? "tomorrow" : "on \(DateText.long(b.on))"
            Output.line("Birthday: \(TerminalText.sanitize(b.name)) \(when)\(b.age.map { " (\($0))" } ?? "")")
        }
    }

    /// What the scheduler needs about every active person and every group with members.
    static func bonds(store: Store, people: [Person]) throws -> [Bond] {
        let last = try store.lastMomentDays()
        let snoozes = try store.snoozes()
        var bonds = people.map { p in
            Bond(id: .person(p.id), name: p.name, circle: p.circle, cadenceDays: p.effectiveCadenceDays,
                 last: last[p.id], added: p.addedOn, purpose: p.bond, snoozedUntil: snoozes.people[p.id], birthday: p.birthday)
        }
        // A group is a bond while someone active belongs to it.
        let active = Set(people.filter { !$0.archived }.map(\.id))
        let members = try store.membersByGroup()
        let groupLast = try store.groupLastMet()
        for g in try store.groups() where (members[g.id] ?? []).contains(where: active.contains) {
            bonds.append(Bond(id: .group(g.id), name: g.name, circle: nil,
                              cadenceDays: g.effectiveCadenceDays, last: groupLast[g.id], added: g.addedOn,
                              snoozedUntil: snoozes.groups[g.id]))
        }
        return bonds
    }

    /// The capped list, how many are due in all, and birthdays in the next two weeks.
    static func today(store: Store, today: Day, all: Bool,
                      people given: [Person]? = nil) throws -> ([Nudge], Int, [(id: Int64, name: String, on: Day, age: Int?)]) {
        let people = try given ?? store.people()
        let settings = SchedulerSettings()
        var due = Scheduler.due(try bonds(store: store, people: people), today: today, settings: settings)
        let total = due.count
        if !all { due = Array(due.prefix(settings.dailyCap)) }
        // The last moment shapes the suggestion: read it for the shown few only.
        let ids = due.compactMap { n -> Int64? in if case .person(let id) = n.bond.id { id } else { nil } }
        let lasts = try store.lastMoments(people: ids)
        for i in due.indices {
            if case .person(let id) = due[i].bond.id, let last = lasts[id] {
                due[i].bond.lastKinds = last.kinds
                due[i].bond.lastInitiator = last.initiator
                due[i].bond.lastChannel = last.channel
                due[i].suggestion = Scheduler.suggestion(for: due[i].bond, daysSince: due[i].daysSince, today: today)
            }
        }
        let birthdays = Scheduler.birthdays(people.compactMap { p in p.birthday.map { (p.id, p.name, $0) } }, today: today)
        return (due, total, birthdays)
    }
}
