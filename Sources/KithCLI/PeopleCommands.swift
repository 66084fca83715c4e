import ArgumentParser
import Foundation
import KithCore
import KithScheduler
import KithStore

/// Person fields shared by `add` and `edit`.
struct PersonOptions: ParsableArguments {
    @Option(help: "A nickname, also matched when you type names.")
    var nickname: String?

    @Option(help: "inner, close, friends or wider (cadence 7, 14, 30, 90 days).", completion: .list(["inner", "close", "friends", "wider"]))
    var circle: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("How often to check in, e.g. 10d, 3w, 2m, overriding the circle's cadence.", valueName: "interval"))
    var every: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("YYYY-MM-DD, or --MM-DD without the year.", valueName: "date"))
    var birthday: String?

    @Option(name: .customLong("group"), help: ArgumentHelp("A group they belong to (repeat for more); created if new.", valueName: "group"))
    var groups: [String] = []

    @Option(name: .customLong("for"), help: ArgumentHelp("What the bond is for: fun, support or both.", valueName: "purpose"))
    var bond: String?

    @Option(help: ArgumentHelp("Free notes about them; - reads them from standard input.", valueName: "text"))
    var note: String?
}

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person.")

    @Argument(help: "Their name, in any script.") var name: String
    @OptionGroup var fields: PersonOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        var f = Person(id: 0, name: try Names.validate(name), addedOn: ctx.today)
        f.nickname = try fields.nickname.map { try Names.validate($0, what: "nickname") }
        if let c = fields.circle { f.circle = try parseChoice(c, as: "circle") }
        f.cadenceDays = try fields.every.map(Parse.cadence)
        f.birthday = try fields.birthday.map { try Parse.birthday($0, today: ctx.today) }
        f.bond = try fields.bond.map { try parseChoice($0, as: "bond purpose (--for)") }
        f.notes = try fields.note.map(readText) ?? ""
        let store = try ctx.openStore(creating: true)
        let resolver = try Resolver(store: store)
        let (existing, new) = try resolver.groupsToJoin(fields.groups)
        let p = try store.addPerson(f, groups: existing, newGroups: new)
        for g in new { Output.line("New group \"\(TerminalText.sanitize(g))\".") }
        Output.line("Added \(TerminalText.sanitize(p.name)): \(p.circle.rawValue) circle, \(Format.cadence(p)).")
    }
}

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a person.",
        discussion: "--every default, --birthday none and --for none clear a value; --nickname \"\" removes the nickname.")

    @Argument(help: "Who to change.") var name: String
    @Option(help: ArgumentHelp("A new name.", valueName: "name")) var rename: String?
    @OptionGroup var fields: PersonOptions
    @Option(name: .customLong("leave-group"), help: ArgumentHelp("A group to leave (repeat for more).", valueName: "group"))
    var leaving: [String] = []
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        let f = fields
        if let both = f.groups.first(where: { g in leaving.contains { Folding.fold($0) == Folding.fold(g) } }) {
            throw ValidationError("\"\(both)\" is given to both --group and --leave-group")
        }
    }

    func run() throws {
        // Checked here, not in validate(): the parser validates before it reports an
        // unknown option, and "nothing to change" was the answer to a mistyped one.
        if rename == nil && fields.nickname == nil && fields.circle == nil && fields.every == nil && fields.birthday == nil
            && fields.groups.isEmpty && fields.bond == nil && fields.note == nil && leaving.isEmpty {
            throw CLIError.usage("nothing to change: give an option such as --circle, --every or --rename (see kith edit --help)")
        }
        let ctx = global.context()
        // Read every value before touching the store, so that a bad one changes nothing.
        let newName = try rename.map { try Names.validate($0) }
        let nickname: String?? = try fields.nickname.map { $0.trimmingSpaces.isEmpty ? nil : try Names.validate($0, what: "nickname") }
        let circle: Circle? = try fields.circle.map { try parseChoice($0, as: "circle") }
        let every: Int?? = try fields.every.map { ["default", "none", "circle"].contains($0.lowercased()) ? nil : try Parse.cadence($0) }
        let birthday: Birthday?? = try fields.birthday.map { $0.lowercased() == "none" ? nil : try Parse.birthday($0, today: ctx.today) }
        let bond: BondPurpose?? = try fields.bond.map { $0.lowercased() == "none" ? nil : try parseChoice($0, as: "bond purpose (--for)") }
        let notes = try fields.note.map(readText)

        let store = try ctx.openStore()
        let resolver = try Resolver(store: store)
        let person = try resolver.person(name, scope: .all)
        let (joining, new) = try resolver.groupsToJoin(fields.groups)
        let leavingIDs = try leaving.map { try resolver.group($0).id }
        let current = Set(try store.memberIDs(person: person.id))
        if let notIn = leavingIDs.first(where: { !current.contains($0) }), let g = resolver.groups.first(where: { $0.id == notIn }) {
            throw CLIError.failure("\(person.name) is not in \"\(g.name)\"")
        }
        var f = person
        if let newName { f.name = newName }
        if let nickname { f.nickname = nickname }
        if let circle { f.circle = circle }
        if let every { f.cadenceDays = every }
        if let birthday { f.birthday = birthday }
        if let bond { f.bond = bond }
        if let notes { f.notes = notes }
        let updated = try store.updatePerson(id: person.id, f, joining: joining, newGroups: new, leaving: leavingIDs, today: ctx.today)
        for g in new { Output.line("New group \"\(TerminalText.sanitize(g))\".") }
        Output.line("Updated \(TerminalText.sanitize(updated.name)): \(updated.circle.rawValue) circle, \(Format.cadence(updated)).")
    }
}

struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Archive a person: hidden from lists and nudges, kept with all their moments.")
    @Argument(help: "Who to archive.") var name: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.context().openStore()
        let p = try Resolver(store: store).person(name, scope: .active)
        try store.setArchived(id: p.id, true)
        Output.line("Archived \(TerminalText.sanitize(p.name)); `kith unarchive` brings them back.")
    }
}

struct Unarchive: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unarchive", abstract: "Bring an archived person back.")
    @Argument(help: "Who to bring back.") var name: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.context().openStore()
        let p = try Resolver(store: store).person(name, scope: .archived)
        try store.setArchived(id: p.id, false)
        Output.line("\(TerminalText.sanitize(p.name)) is back.")
    }
}

struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "people", abstract: "List people.")

    @Option(help: "Only this circle.", completion: .list(["inner", "close", "friends", "wider"])) var circle: String?
    @Option(help: ArgumentHelp("Only members of this group.", valueName: "group")) var group: String?
    @Flag(help: "Include archived people (marked as such).") var archived = false
    @Flag(help: "Print JSON (shape in the README).") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let circle: Circle? = try self.circle.map { try parseChoice($0, as: "circle") }
        let store = try ctx.openStore(reading: true)
        let resolver = try Resolver(store: store)
        var people = resolver.people.filter { archived || !$0.archived }
        if let circle { people = people.filter { $0.circle == circle } }
        if let g = group {
            let members = Set(try store.memberIDs(group: try resolver.group(g).id))
            people = people.filter { members.contains($0.id) }
        }
        people.sort { ($0.circle, Folding.fold($0.name), $0.name) < ($1.circle, Folding.fold($1.name), $1.name) }
        let last = try store.lastMomentDays()
        let groups = try store.groupNamesByPerson()

        if json {
            Output.line(JSON.array(people.map { Format.json($0, last: last[$0.id], groups: groups[$0.id] ?? []) }).render())
            return
        }
        if people.isEmpty {
            if resolver.people.isEmpty {
                Output.line("No people yet. Add someone: kith add \"Name\" --circle inner")
            } else if !archived && resolver.people.allSatisfy(\.archived) {
                Output.line("Everyone is archived; kith people --archived shows them.")
            } else {
                Output.line("Nobody matches.")
            }
            return
        }
        var table = Table(["NAME", "CIRCLE", "EVERY", "LAST SEEN", "GROUPS"])
        for p in people {
            let name = p.archived ? "\(p.name) (archived)" : p.name
            let seen = last[p.id].map { "\($0.iso) (\(DateText.relativePast($0, today: ctx.today)))" } ?? "never"
            table.add([name, p.circle.rawValue, Format.days(p.effectiveCadenceDays), seen,
                       (groups[p.id] ?? []).joined(separator: ", ")])
        }
        table.print()
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a person's card.")
    @Argument(help: "Who to show.") var name: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let store = try ctx.openStore(reading: true)
        let resolver = try Resolver(store: store)
        let p = try resolver.person(name, scope: .all)
        let summary = try store.summary(person: p.id)
        let groups = try store.groupNamesByPerson()[p.id] ?? []
        let reach = ContactLines.reach(try store.cardLines(person: p.id))
        if json {
            var fields = Format.jsonFields(p, last: summary.last, groups: groups)
            for kind in ["phone", "email"] {
                fields.append((kind + "s", .array(reach.filter { $0.kind == kind }.map { r in
                    .object([("value", .string(r.value)), ("label", r.label.map(JSON.string) ?? .null)])
                })))
            }
            fields.append(("moments", .int(summary.total)))
            fields.append(("reachedOut", .object(Initiator.allCases.map { ($0.rawValue, .int(summary.byInitiator[$0] ?? 0)) })))
            Output.line(JSON.object(fields).render())
            return
        }
        let s = TerminalText.sanitize
        var title = s(p.name)
        if let nick = p.nickname { title += " (\(s(nick)))" }
        if p.archived { title += " · archived" }
        Output.line(title)
        var rows: [(String, String)] = []
        // How to reach them first: a user about to reach out wants it.
        for r in reach { rows.append((r.kind, s(r.value) + (r.label.map { " (\(s($0)))" } ?? ""))) }
        rows.append(("circle", "\(p.circle.rawValue) · \(Format.cadence(p))"))
        if let b = p.bond { rows.append(("for", b.rawValue)) }
        if let b = p.birthday {
            rows.append(("birthday", DateText.birthday(b) + (b.age(on: ctx.today).map { " (\($0))" } ?? "")))
        }
        if !groups.isEmpty { rows.append(("groups", groups.map(s).joined(separator: ", "))) }
        rows.append(("added", DateText.long(p.addedOn)))
        nextLine: if let last = summary.last, let m = summary.lastMoment {
            rows.append(("last", "\(DateText.long(last)) (\(DateText.relativePast(last, today: ctx.today))) · \(m.channel.label) · \(Format.reachedOut(m.initiator))"))
            let next = last.adding(days: p.effectiveCadenceDays)
            if p.archived { break nextLine }
            let when = DateText.relative(next, today: ctx.today)
            switch next.days(since: ctx.today) {
            case 0: rows.append(("next", "due today"))
            case ..<0: rows.append(("next", "was due \(DateText.long(next)) (\(when))"))
            default: rows.append(("next", "around \(DateText.long(next)) (\(when))"))
            }
        } else {
            rows.append(("last", "no moments yet"))
        }
        // Why someone is missing from kith due: a snooze, until when.
        if !p.archived, let until = try store.snoozes().people[p.id], ctx.today < until {
            rows.append(("snoozed", "no nudges until \(DateText.long(until)) (\(DateText.relative(until, today: ctx.today))); "
                         + "kith snooze \"\(s(p.name))\" --off lifts it"))
        }
        if summary.total > 0 {
            rows.append(("moments", "\(summary.total) since \(DateText.long(summary.first!))"))
            let days = try store.meetingDays(people: [p.id], since: ctx.today.adding(days: -365))[p.id] ?? []
            if !p.archived, let hint = Scheduler.cadenceHint(rhythm: Scheduler.rhythm(days: days, today: ctx.today),
                                                            cadence: p.effectiveCadenceDays) {
                // The figure the Today view shows too, and the one the edit would set.
                rows.append(("rhythm", "over the last year you met about every \(Format.days(hint)), "
                             + "against a cadence of \(Format.days(p.effectiveCadenceDays)); to match it: kith edit \"\(s(p.name))\" --every \(hint)d"))
            }
            let r = summary.byInitiator
            rows.append(("reached out", "me \(r[.me] ?? 0) · them \(r[.them] ?? 0) · mutual \(r[.mutual] ?? 0)"))
        }
        for (k, v) in rows { Output.line("  " + TerminalText.pad(k, to: 13) + v) }
        if !p.notes.isEmpty {
            Output.line("  notes")
            for line in p.notes.split(separator: "\n", omittingEmptySubsequences: false) {
                Output.line("    " + s(String(line)))
            }
        }
    }
}

/// `--note -` reads standard input (to its end); anything else is the text itself.
/// Input that is not text (a NUL byte, invalid UTF-8, a directory) is refused rather
/// than stored cut short.
func readText(_ value: String) throws -> String {
    guard value == "-" else { return value }
    if isatty(0) == 1 { Output.error("type the text; end it with Ctrl-D on an empty line", prefix: "") }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = read(0, &buffer, buffer.count)
        if n < 0 {
            if errno == EINTR { continue }
            throw CLIError.failure("cannot read standard input: \(String(cString: strerror(errno)))")
        }
        if n == 0 { break }
        bytes += buffer[0..<n]
        if bytes.count > Parse.noteLimit { throw InputError("standard input is over 10 MB; a note is text, not a file") }
    }
    if bytes.contains(0) { throw InputError("standard input contains a NUL byte; a note must be text") }
    guard let text = String(validating: bytes, as: UTF8.self) else {
        throw InputError("standard input is not UTF-8 text")
    }
    // A file from Windows ends its lines with CR LF: a CR is a line end, not a character
    // to show as a replacement mark.
    return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").trimmingSpaces
}
