import ArgumentParser
import Foundation
import KithCore
import KithInterop
import KithStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring data in: people from vCards, or a JSON backup.",
        subcommands: [ImportVCard.self, ImportJSON.self])
}

/// `kith import json FILE`: restores a backup into an empty store, or merges it into
/// one in use with `--merge`.
struct ImportJSON: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "Restore a kith export json backup, or merge one into this store.",
        discussion: """
            Into an empty store (a new --store path, say) the backup is restored exactly: exporting it again gives \
            the same bytes. A store with data in it is refused unless --merge is given.

            --merge adds what the backup has and the store lacks, and never changes or removes what is here: people \
            are the same when their UIDs or names agree (the store's details are kept); groups when their names agree \
            (memberships from both are kept); a moment is already here when the store held the very same moment \
            (every field, its people and emotions) before the merge. Reminders are matched by person, text and day; \
            snoozes and settings are added only where the store has none. Merging the same backup twice adds nothing \
            the second time.
            """)
    @Argument(help: "The backup file.", completion: .file(extensions: ["json"])) var file: String
    @Flag(help: "Add the backup to a store that already has data (see below).") var merge = false
    @Flag(help: "With --merge: say what would be added, and write nothing.") var dryRun = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        if dryRun && !merge { throw CLIError.usage("--dry-run goes with --merge") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError.failure("cannot read \(file)")
        }
        let backup = try Backup.read(data, file: file, today: ctx.today)
        let snoozes = Snoozes(backup.snoozes)
        let store = try ctx.openStore(creating: !dryRun)
        guard merge else {
            do {
                try store.insertAll(people: backup.people, groups: backup.groups, moments: backup.moments,
                                    reminders: backup.reminders, snoozes: snoozes, settings: backup.settings, selfCheckins: backup.selfCheckins,
                                    createdAt: Int(time(nil)))
            } catch {
                // A restore into a new path that fails leaves no empty store behind.
                store.removeIfNewAndEmpty()
                throw error
            }
            Output.line("Restored \(Count.of(backup.people.count, "person", "people")), \(Count.of(backup.groups.count, "group")) and \(Count.of(backup.moments.count, "moment")) into \(store.path).")
            return
        }
        let r = try store.merge(people: backup.people, groups: backup.groups, moments: backup.moments,
                                reminders: backup.reminders, snoozes: snoozes, settings: backup.settings, selfCheckins: backup.selfCheckins,
                                createdAt: Int(time(nil)), dryRun: dryRun)
        let verb = dryRun ? "Would add" : "Added"
        Output.line("\(verb) \(Count.of(r.peopleAdded, "person", "people")) (\(r.peopleMatched) already here), \(Count.of(r.groupsAdded, "group")) (\(r.groupsMatched) already here), "
                    + "\(Count.of(r.membershipsAdded, "membership")), \(Count.of(r.momentsAdded, "moment")) (\(r.momentsAlreadyThere) already here), "
                    + "\(Count.of(r.remindersAdded, "reminder")), \(Count.of(r.snoozesAdded, "snooze")), \(Count.of(r.selfCheckinsAdded, "self check-in")) and \(Count.of(r.settingsAdded, "setting"))"
                    + (dryRun ? ". Dry run: nothing was written." : "."))
        Output.flush()
        for w in r.warnings { Output.error(w) }
    }
}
