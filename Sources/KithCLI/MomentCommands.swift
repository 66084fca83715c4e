import ArgumentParser
import KithCore
import KithStore

/// `kith moment edit|delete|show ID`: every change the full screen makes to a logged
/// moment, for scripts, cron jobs and sync tests.
struct MomentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moment",
        abstract: "Change, delete or show a logged moment, by its id.",
        discussion: "The id is the one `kith history --json` shows, and `kith log` prints as [#ID].",
        subcommands: [MomentEdit.self, MomentDelete.self, MomentShow.self])
}

struct MomentEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a moment; only the options given change.",
        discussion: """
            Takes the options of `kith log`, checked the same way. Names replace who was there; \
            --group changes the group and keeps who was there.
            `none` clears a field: --time none, --group none, --kind none, --feel none, \
            --uplift none, --received none; --note "" removes the note. A depth other than \
            vulnerable drops how it was received.
            Examples:
              kith moment edit 12 --time 18:30 --feel happy,relieved
              kith moment edit 12 "Ana,Ben" --group none --note ""
            """)

    @Argument(help: ArgumentHelp("The moment's id (`kith history --json` shows it).", valueName: "id")) var id: String
    @OptionGroup var fields: MomentOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let id = try MomentID.read(self.id)
        // Checked here, not in validate(): the parser validates before it reports an
        // unknown option, and "nothing to change" was the answer to a mistyped one.
        if fields.isEmpty {
            throw CLIError.usage("nothing to change: give names or an option such as --date, --feel or --note (see kith moment edit --help)")
        }
        let ctx = global.context()
        let given = try fields.read(today: ctx.today, clearing: true)
        let store = try ctx.openStore()
        let resolver = try Resolver(store: store)
        let old = try MomentID.find(id, in: store)
        let new = try MomentEdit.company(given, of: given.applied(to: old), resolver: resolver)
        let names = resolver.names, groups = resolver.groupNames
        let title = MomentText.title(new, names: names, groups: groups)
        let changed = MomentText.changes(from: old, to: new, names: names, groups: groups)
        guard !changed.isEmpty else {
            Output.line("Nothing to change: \(title) already says that.  [#\(id)]")
            return
        }
        _ = try store.updateMoment(new)
        Output.line("Saved the changes to \(title): \(changed.joined(separator: " · ")).  [#\(id)]")
        if let g = new.groupID, given.names != nil || given.group != nil, let group = resolver.groups.first(where: { $0.id == g }) {
            let members = Set(try store.memberIDs(group: g))
            for line in MomentText.outsiders(new.people, group: group, members: members, names: names) { Output.line(line) }
        }
    }

    /// `m` with who was there and its group as given: names replace the people, a group
    /// replaces the group (`none` takes it away), and what is not given stays.
    static func company(_ given: MomentChanges, of m: Moment, resolver: Resolver) throws -> Moment {
        var m = m
        if let names = given.names {
            m.people = try resolver.people(names).map(\.id)
            if m.people.isEmpty { throw InputError("say who the moment was with: kith moment edit \(m.id) NAME[,NAME…]") }
        }
        if let group = given.group { m.groupID = try group.map { try resolver.group($0).id } }
        if m.people.isEmpty && m.groupID == nil {
            throw InputError("the moment would be with nobody; name who was there: kith moment edit \(m.id) NAME --group none")
        }
        return m
    }
}

struct MomentDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a moment.",
        discussion: """
            It does not ask, like `kith group remove`: scripts run it. `kith moment show ID` \
            shows what would go; the daily backup, made before each day's first change, \
            keeps the moments there were then (see kith backup --help).
            """)

    @Argument(help: ArgumentHelp("The moment's id (`kith history --json` shows it).", valueName: "id")) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let id = try MomentID.read(self.id)
        let store = try global.context().openStore()
        let resolver = try Resolver(store: store)
        let m = try MomentID.find(id, in: store)
        try store.deleteMoment(id: id)
        Output.line("Deleted \(MomentText.title(m, names: resolver.names, groups: resolver.groupNames)).")
    }
}

struct MomentShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a moment as `kith history` does.")

    @Argument(help: ArgumentHelp("The moment's id (`kith history --json` shows it).", valueName: "id")) var id: String
    @Flag(help: "Print JSON (the shape of one `kith history --json` entry).") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let id = try MomentID.read(self.id)
        let store = try global.context().openStore(reading: true)
        let resolver = try Resolver(store: store)
        let m = try MomentID.find(id, in: store)
        if json {
            Output.line(Format.json(m, names: resolver.names, groups: resolver.groupNames, catalog: EmotionCatalog.current).render())
            return
        }
        Output.line(DateText.monthHeading(m.day))
        for line in Format.lines(m, names: resolver.names, groups: resolver.groupNames) { Output.line("  " + line) }
    }
}

/// A moment named on the command line: by the id `kith history --json` shows and
/// `kith log` prints as [#12] (the `#` may be kept).
enum MomentID {
    static func read(_ text: String) throws -> Int64 {
        let digits = text.hasPrefix("#") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }), let id = Int64(digits), id > 0 else {
            throw InputError("\"\(text)\" is not a moment id; `kith history --json` shows them")
        }
        return id
    }

    /// The moment, or the one line a wrong id gets: a failure (exit 1), as an unknown name is.
    static func find(_ id: Int64, in store: Store) throws -> Moment {
        guard let m = try store.moment(id: id) else {
            throw CLIError.failure("there is no moment #\(id); `kith history --json` shows the ids")
        }
        return m
    }
}
