import ArgumentParser
import KithCore
import KithStore

struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract: "Groups you belong with: add, edit, rename, remove, list, show.",
        subcommands: [GroupAdd.self, GroupEdit.self, GroupRename.self, GroupRemove.self, GroupList.self, GroupShow.self],
        defaultSubcommand: GroupList.self)
}

struct GroupAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a group.")
    @Argument(help: "The group's name.") var name: String
    @Option(parsing: .unconditional, help: ArgumentHelp("How often to meet, e.g. 2w, 1m (default 30 days).", valueName: "interval")) var every: String?
    @Option(help: ArgumentHelp("Notes about the group.", valueName: "text")) var note: String?
    @Option(name: .customLong("member"), help: ArgumentHelp("A member (repeat, or NAME,NAME).", valueName: "name"))
    var members: [String] = []
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let name = try Names.validate(self.name, what: "group name")
        let every = try self.every.map(Parse.cadence)
        let note = try self.note.map(readText) ?? ""
        let store = try ctx.openStore(creating: true)
        let people = try Resolver(store: store).people(members)
        let g = try store.addGroup(name: name, cadenceDays: every, notes: note, addedOn: ctx.today, members: people.map(\.id))
        Output.line("Added group \"\(TerminalText.sanitize(g.name))\" (every \(Format.days(g.effectiveCadenceDays)), \(people.count) member\(people.count == 1 ? "" : "s")).")
    }
}

struct GroupEdit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a group: cadence, notes, members.")
    @Argument(help: "The group.") var name: String
    @Option(help: ArgumentHelp("A new name.", valueName: "name")) var rename: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("How often to meet; `default` for 30 days.", valueName: "interval")) var every: String?
    @Option(help: ArgumentHelp("Replace the notes.", valueName: "text")) var note: String?
    @Option(name: .customLong("member"), help: ArgumentHelp("Add a member (repeatable).", valueName: "name")) var add: [String] = []
    @Option(name: .customLong("remove-member"), help: ArgumentHelp("Remove a member (repeatable).", valueName: "name")) var remove: [String] = []
    @OptionGroup var global: GlobalOptions

    func run() throws {
        // Checked here, not in validate(): the parser validates before it reports an
        // unknown option, and "nothing to change" was the answer to a mistyped one.
        if rename == nil && every == nil && note == nil && add.isEmpty && remove.isEmpty {
            throw CLIError.usage("nothing to change: give an option such as --every, --member or --rename (see kith group edit --help)")
        }
        let ctx = global.context()
        let newName = try rename.map { try Names.validate($0, what: "group name") }
        let every: Int?? = try self.every.map { ["default", "none"].contains($0.lowercased()) ? nil : try Parse.cadence($0) }
        let note = try self.note.map(readText)
        let store = try ctx.openStore()
        let resolver = try Resolver(store: store)
        let g = try resolver.group(name)
        let adding = try resolver.people(add)
        let removing = try remove.map { try resolver.person($0, scope: .all) }
        if let both = adding.first(where: { a in removing.contains { $0.id == a.id } }) {
            throw InputError("\(both.name) is given to both --member and --remove-member")
        }
        let members = Set(try store.memberIDs(group: g.id))
        if let outside = removing.first(where: { !members.contains($0.id) }) {
            throw CLIError.failure("\(outside.name) is not in \"\(g.name)\"")
        }
        let updated = try store.updateGroup(id: g.id, name: newName ?? g.name, cadenceDays: every ?? g.cadenceDays,
                                            notes: note ?? g.notes, adding: adding.map(\.id), removing: removing.map(\.id))
        Output.line("Updated group \"\(TerminalText.sanitize(updated.name))\" (every \(Format.days(updated.effectiveCadenceDays))).")
    }
}

struct GroupRename: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a group.")
    @Argument(help: "The group.") var name: String
    @Argument(help: "Its new name.") var newName: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let newName = try Names.validate(self.newName, what: "group name")
        let store = try ctx.openStore()
        let g = try Resolver(store: store).group(name)
        _ = try store.updateGroup(id: g.id, name: newName, cadenceDays: g.cadenceDays, notes: g.notes)
        Output.line("Renamed group \"\(TerminalText.sanitize(g.name))\" to \"\(TerminalText.sanitize(newName))\".")
    }
}

struct GroupRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a group. Its people stay; its moments stay with them.",
        discussion: "A group with moments is removed only with --force: the moments keep their people but lose the group.")
    @Argument(help: "The group.") var name: String
    @Flag(help: "Remove even when moments were logged with the group.") var force = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.context().openStore()
        let g = try Resolver(store: store).group(name)
        let n = try store.momentCount(group: g.id)
        if n > 0 && !force {
            throw CLIError.failure("group \"\(g.name)\" has \(n) moment\(n == 1 ? "" : "s"); they would keep their people but lose the group. Add --force to remove it")
        }
        try store.removeGroup(id: g.id)
        Output.line("Removed group \"\(TerminalText.sanitize(g.name))\".")
    }
}

struct GroupList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List groups.")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let store = try ctx.openStore(reading: true)
        let overview = try store.groupOverview()
        if json {
            Output.line(JSON.array(overview.map(GroupList.json)).render())
            return
        }
        if overview.isEmpty { Output.line("No groups yet. Add one: kith group add \"Book club\" --member NAME"); return }
        var table = Table(["GROUP", "MEMBERS", "EVERY", "LAST MET"])
        for o in overview {
            table.add([o.group.name, String(o.members.count), Format.days(o.group.effectiveCadenceDays),
                       o.last.map { "\($0.iso) (\(DateText.relativePast($0, today: ctx.today)))" } ?? "never"])
        }
        table.print()
    }
}

extension GroupList {
    static func json(_ o: GroupOverview) -> JSON {
        .object([
            ("id", .int(Int(o.group.id))), ("name", .string(o.group.name)),
            ("cadenceDays", .int(o.group.effectiveCadenceDays)), ("members", .array(o.members.map(JSON.string))),
            ("notes", .string(o.group.notes)), ("lastMoment", .optional(o.last?.iso)),
        ])
    }
}

struct GroupShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a group and its members.")
    @Argument(help: "The group.") var name: String
    @Flag(help: "Print JSON (the shape of one `group list --json` entry).") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let store = try ctx.openStore(reading: true)
        let g = try Resolver(store: store).group(name)
        guard let o = try store.groupOverview().first(where: { $0.group.id == g.id }) else { return }
        if json {
            Output.line(GroupList.json(o).render())
            return
        }
        let s = TerminalText.sanitize
        Output.line(s(g.name))
        Output.line("  " + TerminalText.pad("every", to: 10) + Format.days(g.effectiveCadenceDays))
        Output.line("  " + TerminalText.pad("last met", to: 10)
            + (o.last.map { "\(DateText.long($0)) (\(DateText.relativePast($0, today: ctx.today)))" } ?? "never"))
        Output.line("  " + TerminalText.pad("members", to: 10) + (o.members.isEmpty ? "none" : o.members.map(s).joined(separator: ", ")))
        if !g.notes.isEmpty { Output.line("  " + TerminalText.pad("notes", to: 10) + s(g.notes)) }
    }
}
