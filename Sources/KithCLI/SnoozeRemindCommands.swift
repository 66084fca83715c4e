import ArgumentParser
import Foundation
import KithCore
import KithScheduler
import KithStore

/// `kith snooze NAME --until DATE | --cycle | --off`
struct Snooze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Do not nudge about someone (or a group) until a day; logging a moment with them lifts it.")

    @Argument(help: "Who (a person), unless --group is given.") var name: String?
    @Option(help: ArgumentHelp("A group instead of a person.", valueName: "group")) var group: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The first day to nudge again: YYYY-MM-DD, friday, next week, 2w…", valueName: "date"))
    var until: String?
    @Flag(help: "Skip one cycle: the next nudge comes a full cadence after their due day (after today when that has passed).") var cycle = false
    @Flag(help: "Lift the snooze.") var off = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        // What is missing is checked here, as in Edit.run: in validate() it came before the
        // parser's report of an unknown option, so `--untill 2w` was answered "give one of
        // --until DATE…" instead of naming the typo.
        if (name == nil) == (group == nil) { throw CLIError.usage("give a name or --group (see kith snooze --help)") }
        if [until != nil, cycle, off].filter({ $0 }).count != 1 {
            throw CLIError.usage("give one of --until DATE, --cycle or --off (see kith snooze --help)")
        }
        let ctx = global.context()
        let day = try until.map { try Parse.futureDay($0, today: ctx.today) }
        if let day, day == ctx.today { throw InputError("--until today would not snooze at all; give a later day") }
        let store = try ctx.openStore()
        let resolver = try Resolver(store: store)
        var target: Day?
        var who: String
        if let group {
            let g = try resolver.group(group)
            who = g.name
            let last = try store.groupOverview().first { $0.group.id == g.id }?.last
            target = off ? nil : day ?? Due.skip(last: last, added: g.addedOn, cadence: g.effectiveCadenceDays, today: ctx.today)
            try store.snooze(group: g.id, until: target)
        } else {
            let p = try resolver.person(name!)
            who = p.name
            let last = try store.lastMomentDays()[p.id]
            target = off ? nil : day ?? Due.skip(last: last, added: p.addedOn, cadence: p.effectiveCadenceDays, today: ctx.today)
            try store.snooze(person: p.id, until: target)
        }
        let s = TerminalText.sanitize
        if let target {
            Output.line("No nudges about \(s(who)) until \(DateText.long(target)) (\(DateText.relative(target, today: ctx.today))).")
        } else {
            Output.line("\(s(who)) can be nudged again.")
        }
    }
}

extension Due {
    /// Skipping a cycle: a full cadence after the due day (or after today, when already late).
    static func skip(last: Day?, added: Day, cadence: Int, today: Day) -> Day {
        let due = (last ?? added).adding(days: cadence)
        return max(due, today).adding(days: cadence)
    }
}

/// `kith remind NAME "text" --on DATE`, and list, done, dismiss.
struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "One-off reminders about someone: add, list, done, dismiss.",
        subcommands: [RemindAdd.self, RemindList.self, RemindClose.self, RemindDismiss.self],
        defaultSubcommand: RemindAdd.self)
}

struct RemindAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a reminder: kith remind zoe \"ask how the interview went\" --on friday")
    @Argument(help: "Who it is about (a person), unless --group is given.") var name: String?
    @Argument(help: "What to remember.") var text: String?
    @Option(help: ArgumentHelp("A group instead of a person.", valueName: "group")) var group: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("When: YYYY-MM-DD, tomorrow, friday, next week, 3d… (default today).", valueName: "date"))
    var on: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        // With --group, the single argument is the text.
        let (who, what) = group != nil && text == nil ? (nil, name) : (name, text)
        guard let what, !what.trimmingSpaces.isEmpty else {
            throw InputError("say what to remember: kith remind NAME \"text\" --on DATE")
        }
        guard who != nil || group != nil else { throw InputError("say who it is about: a name, or --group G") }
        let day = try Parse.futureDay(on ?? "today", today: ctx.today)
        let store = try ctx.openStore()
        let resolver = try Resolver(store: store)
        var r = Reminder(text: what.trimmingSpaces, on: day)
        let about: String
        if let group {
            let g = try resolver.group(group)
            r.groupID = g.id
            about = g.name
        } else {
            let p = try resolver.person(who!)
            r.personID = p.id
            about = p.name
        }
        let stored = try store.addReminder(r, createdAt: Int(time(nil)))
        Output.line("Reminder #\(stored.id) about \(TerminalText.sanitize(about)) on \(DateText.long(day)) (\(DateText.relative(day, today: ctx.today))).")
    }
}

struct RemindList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List open reminders (--all for closed ones too).")
    @Flag(help: "Include done and dismissed reminders.") var all = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let store = try ctx.openStore(reading: true)
        let resolver = try Resolver(store: store)
        let reminders = try store.reminders(includeClosed: all)
        let who = { (r: Reminder) -> String in resolver.about(r) + (r.groupID != nil ? " (group)" : "") }
        if json {
            Output.line(JSON.array(reminders.map { r in
                .object([("id", .int(Int(r.id))), ("about", .string(who(r))), ("text", .string(r.text)),
                         ("date", .string(r.on.iso)), ("state", .string(r.state.rawValue))])
            }).render())
            return
        }
        if reminders.isEmpty { Output.line("No reminders. Add one: kith remind NAME \"text\" --on DATE"); return }
        var table = Table(["#", "WHEN", "ABOUT", "REMINDER"] + (all ? ["STATE"] : []))
        for r in reminders {
            table.add(["\(r.id)", "\(r.on.iso) (\(DateText.relative(r.on, today: ctx.today)))", who(r), r.text]
                      + (all ? [r.state.rawValue] : []))
        }
        table.print()
    }
}

/// Shared by `remind done` and `remind dismiss`.
protocol CloseReminder: ParsableCommand {
    var id: Int64 { get }
    var global: GlobalOptions { get }
    static var state: Reminder.State { get }
}

extension CloseReminder {
    func run() throws {
        let ctx = global.context()
        let store = try ctx.openStore()
        guard try store.reminders(includeClosed: true).contains(where: { $0.id == id }) else {
            throw CLIError.failure("no reminder #\(id); kith remind list shows them")
        }
        let r = try store.setReminder(id: id, state: Self.state, on: ctx.today)
        Output.line("Reminder #\(r.id) \(Self.state == .done ? "done" : "dismissed"): \(TerminalText.sanitize(r.text))")
    }
}

struct RemindClose: CloseReminder {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a reminder done.")
    static let state = Reminder.State.done
    @Argument(help: "The reminder's number (kith remind list).") var id: Int64
    @OptionGroup var global: GlobalOptions
}

struct RemindDismiss: CloseReminder {
    static let configuration = CommandConfiguration(commandName: "dismiss", abstract: "Dismiss a reminder without doing it.")
    static let state = Reminder.State.dismissed
    @Argument(help: "The reminder's number (kith remind list).") var id: Int64
    @OptionGroup var global: GlobalOptions
}
