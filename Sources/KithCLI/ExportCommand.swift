import ArgumentParser
import Foundation
import KithCore
import KithFiles
import KithInterop
import KithScheduler
import KithStore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write your data in an open format: a JSON backup, CSV, a calendar or vCards.",
        subcommands: [ExportJSON.self, ExportCSV.self, ExportICS.self, ExportVCard.self])

    /// A file that `--out` would replace must be an earlier export of the same kind
    /// (it carries `marker`): a mistyped path never costs the user another file.
    static func checkReplaceable(_ path: String, writtenBy marker: String, what: String) throws {
        // A link or a device is refused before anything is read through it.
        do { try PrivateFile.checkReplaceable(path) } catch { throw CLIError.failure(error.description) }
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.failure("cannot replace \(path): it cannot be read")
        }
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        guard data.isEmpty || head.contains(marker) else {
            throw CLIError.failure("\(path) exists and is not \(what) kith wrote; give another path (kith replaces only its own exports)")
        }
    }

    /// An export goes to standard output as is, or to a private file with a line saying what was written.
    static func emit(_ text: String, to out: String?, saying what: String) throws {
        guard let out else { Output.raw(text); return }
        try ExportICS.writePrivately(text, to: out)
        Output.line("Wrote \(what) to \(out).")
    }
}

/// `kith export csv`: moments for a spreadsheet, one row per moment and person.
struct ExportCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Moments as CSV for a spreadsheet: one row per moment and person.")
    @Option(help: ArgumentHelp("Write to this file (created readable by you only) instead of standard output.", valueName: "file"),
            completion: .file())
    var out: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.context().openExisting(for: "export")
        let names = Dictionary(uniqueKeysWithValues: try store.people(includeArchived: true).map { ($0.id, $0.name) })
        let groups = Dictionary(uniqueKeysWithValues: try store.groups().map { ($0.id, $0.name) })
        var text = CSV.row(["moment", "date", "time", "person", "group", "via", "reached_out", "kinds", "emotions",
                            "uplift", "depth", "received", "connection", "note"])
        var rows = 0
        for m in try store.allMoments() {
            for p in m.people {
                text += CSV.row([String(m.id), m.day.iso, m.time?.description ?? "", names[p] ?? "#\(p)",
                                 m.groupID.flatMap { groups[$0] } ?? "", m.channel.rawValue, m.initiator.rawValue,
                                 m.kinds.map(\.rawValue).joined(separator: " "),
                                 m.emotions.map { $0.intensity > 1 ? "\($0.word):\($0.intensity)" : $0.word }.joined(separator: " "),
                                 m.uplift.map(String.init) ?? "", m.depth.rawValue, m.received?.rawValue ?? "",
                                 m.connectionType.rawValue, m.note])
                rows += 1
            }
        }
        if let out { try Export.checkReplaceable(out, writtenBy: "moment,date,time,person", what: "a CSV export") }
        try Export.emit(text, to: out, saying: "\(rows) \(rows == 1 ? "row" : "rows")")
    }
}

/// `kith export json`: everything, to restore with `kith import json`.
struct ExportJSON: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "Everything in the store as one JSON backup (restore it with kith import json).")
    @Option(help: ArgumentHelp("Write to this file (created readable by you only) instead of standard output.", valueName: "file"),
            completion: .file())
    var out: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.context().openExisting(for: "export")
        var b = Backup()
        b.people = try store.people(includeArchived: true)
        let members = try store.membersByGroup()
        let uids = try store.recordUIDs()
        b.groups = try store.groups().map { g in
            var g = g
            g.uid = uids.groups[g.id]
            return (g, members[g.id] ?? [])
        }
        b.reminders = try store.reminders(includeClosed: true).map { r in
            var r = r
            r.uid = uids.reminders[r.id]
            return r
        }
        let snoozes = try store.snoozes()
        b.snoozes = snoozes.people.map { (.person($0.key), $0.value) } + snoozes.groups.map { (.group($0.key), $0.value) }
        b.settings = try store.allSettings()
        b.selfCheckins = try store.selfCheckins()
        // The moments stream from the store to the output a page at a time: a million
        // of them are never held whole, as values or as text.
        let moments = { (each: ([Moment]) throws -> Void) throws in try store.eachMomentPage(withUIDs: true, each) }
        guard let out else {
            try b.write(moments: moments, to: Output.raw)
            return
        }
        try Export.checkReplaceable(out, writtenBy: "\"format\": \"kith-backup\"", what: "a backup")
        let count = try ExportICS.writePrivately(to: out) { write in try b.write(moments: moments, to: write) }
        Output.line("Wrote \(Count.of(b.people.count, "person", "people")), \(Count.of(b.groups.count, "group")) and \(Count.of(count, "moment")) to \(out).")
    }
}

/// `kith export ics`: due dates, reminders and birthdays for any calendar app.
struct ExportICS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Due dates, open reminders and birthdays as iCalendar (RFC 5545).",
        discussion: """
            Each bond's next due day within --days, each open reminder, and every birthday as a yearly
            event. UIDs are stable, so importing a newer export updates the calendar instead of
            duplicating. The file is created readable by you only.
            """)

    @Option(help: ArgumentHelp("How far ahead due dates go (default 90).", valueName: "days")) var days = 90
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"), completion: .file()) var out: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if days < 1 || days > 3650 { throw ValidationError("--days must be from 1 to 3650") }
    }

    func run() throws {
        let ctx = global.context()
        let store = try ctx.openExisting(for: "export")
        let today = ctx.today
        let people = try store.people()
        var events: [CalendarEvent] = []
        let horizon = today.adding(days: days)
        // Each bond's next due day (not before today, nor before a snooze ends).
        for bond in try Due.bonds(store: store, people: people) {
            let due = max(Scheduler.dueDay(bond), bond.snoozedUntil ?? today, today)
            guard due <= horizon else { continue }
            switch bond.id {
            case .person(let id):
                events.append(CalendarEvent(uid: "due-person-\(id)@kith", day: due, summary: "Check in with \(bond.name)",
                                            description: "Every \(bond.cadenceDays) days (\(bond.circle?.rawValue ?? "") circle). From kith."))
            case .group(let id):
                events.append(CalendarEvent(uid: "due-group-\(id)@kith", day: due, summary: "Meet up: \(bond.name)",
                                            description: "Every \(bond.cadenceDays) days. From kith."))
            }
        }
        for p in people {
            if let b = p.birthday, let next = Scheduler.nextBirthday(b, from: today) {
                let leap = b.month == 2 && b.day == 29
                let start = b.year.flatMap { y in Day(year: y, month: b.month, day: b.day) } ?? next
                events.append(CalendarEvent(uid: "birthday-person-\(p.id)@kith", day: start, summary: "\(p.name)'s birthday",
                                            description: b.year.map { "Born \($0)." } ?? "", yearly: !leap, lastDayOfFebruary: leap))
            }
        }
        let resolver = try Resolver(store: store)
        for r in try store.reminders() {
            events.append(CalendarEvent(uid: "reminder-\(r.id)@kith", day: max(r.on, today), summary: "\(r.text) (\(resolver.about(r)))"))
        }
        events.sort { ($0.day, $0.uid) < ($1.day, $1.uid) }
        if let out { try Export.checkReplaceable(out, writtenBy: "PRODID:-//kith//kith//EN", what: "a calendar") }
        try Export.emit(ICalendar.write(events, stamp: today), to: out, saying: Count.of(events.count, "calendar entry", "calendar entries"))
    }

    /// Creates (or replaces) a file readable by its owner only, written in full or not at all.
    static func writePrivately(_ text: String, to path: String) throws {
        try writePrivately(Array(text.utf8), to: path)
    }

    /// The same, for bytes that need not be UTF-8 (a vCard's kept lines): written under
    /// an unpredictable name, never through a link, then renamed into place.
    static func writePrivately(_ bytes: [UInt8], to path: String) throws {
        try writePrivately(to: path) { (w: PrivateFile.Writer) in try w.append(bytes) }
    }

    /// The same, for text written in pieces: `body` hands each to the function it is
    /// given. Nothing replaces `path` unless all of it was written.
    @discardableResult
    static func writePrivately<T>(to path: String, _ body: ((String) throws -> Void) throws -> T) throws -> T {
        try writePrivately(to: path) { (w: PrivateFile.Writer) in try body { try w.append($0) } }
    }

    private static func writePrivately<T>(to path: String, _ body: (PrivateFile.Writer) throws -> T) throws -> T {
        do {
            let w = try PrivateFile.Writer(replacing: path)
            let result: T
            do { result = try body(w) } catch {
                w.abandon()
                throw error
            }
            try w.commit()
            return result
        } catch let e as PrivateFile.Failure {
            throw CLIError.failure(e.description)
        }
    }
}
