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
        // The file streams into the store inside one transaction; one that cannot be
        // opened is said before the store is touched.
        var opened: BackupFile? = try BackupFile(path: file)
        let store = try ctx.openStore(creating: !dryRun)
        let result: (report: MergeReport, people: Int, groups: Int, moments: Int)
        do {
            result = try store.restore(merging: merge, dryRun: dryRun, createdAt: Int(time(nil))) { writer in
                var sink = StoreSink(writer: writer)
                try Backup.read(open: {
                    // A second pass (a file with its keys reordered) reads the file again.
                    let f = try opened ?? BackupFile(path: file)
                    opened = nil
                    return f.next
                }, file: file, today: ctx.today, into: &sink)
            }
        } catch {
            // A restore into a new path that fails leaves no empty store behind.
            if !dryRun { store.removeIfNewAndEmpty() }
            throw error
        }
        guard merge else {
            Output.line("Restored \(Count.of(result.people, "person", "people")), \(Count.of(result.groups, "group")) and \(Count.of(result.moments, "moment")) into \(store.path).")
            return
        }
        let r = result.report
        let verb = dryRun ? "Would add" : "Added"
        Output.line("\(verb) \(Count.of(r.peopleAdded, "person", "people")) (\(r.peopleMatched) already here), \(Count.of(r.groupsAdded, "group")) (\(r.groupsMatched) already here), "
                    + "\(Count.of(r.membershipsAdded, "membership")), \(Count.of(r.momentsAdded, "moment")) (\(r.momentsAlreadyThere) already here), "
                    + "\(Count.of(r.remindersAdded, "reminder")), \(Count.of(r.snoozesAdded, "snooze")), \(Count.of(r.selfCheckinsAdded, "self check-in")) and \(Count.of(r.settingsAdded, "setting"))"
                    + (dryRun ? ". Dry run: nothing was written." : "."))
        Output.flush()
        for w in r.warnings { Output.error(w) }
    }
}

/// Hands each part of the backup, checked by the reader, to the store's writer.
struct StoreSink: BackupSink {
    let writer: BackupWriter
    func start(people: [Person], groups: [(group: Group, members: [Int64])]) throws { try writer.start(people: people, groups: groups) }
    func moments(_ batch: [Moment]) throws { try writer.add(batch) }
    func finish(_ rest: Backup) throws {
        try writer.finish(reminders: rest.reminders, snoozes: Snoozes(rest.snoozes), settings: rest.settings, selfCheckins: rest.selfCheckins)
    }
}

/// A file read in pieces of 256 KB: the reader never needs more of it at once.
final class BackupFile {
    let path: String
    private let fd: Int32

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CLIError.failure("cannot read \(path)") }
    }

    deinit { close(fd) }

    /// The next piece, or none at the end.
    func next() throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw CLIError.failure("cannot read \(path): \(String(cString: strerror(errno)))") }
            chunk.removeLast(chunk.count - n)
            return chunk
        }
    }
}
