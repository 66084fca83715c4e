import ArgumentParser
import Foundation
import KithCore
import KithSettings
import KithStore
import KithSync
import KithSyncFolder

/// `kith sync`: the store's changes to the sync folder, the engine, the folder's changes
/// back, in one line.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Keep one journal on several devices, through a folder of vCard and iCalendar files.",
        discussion: """
            Writes what changed in the store to the sync folder ([sync] dir; by default a folder named vdir \
            beside the store), runs the engine ([sync] command, such as vdirsyncer sync, or [sync] git = true), \
            then reads what changed in the folder back. The README has the set-ups.
            """,
        subcommands: [SyncRun.self, SyncMergeCommand.self],
        defaultSubcommand: SyncRun.self)

    /// The config file's `[sync]`, read once at start-up with the rest of the config.
    nonisolated(unsafe) static var settings = SyncSettings()

    static func folder(_ ctx: Context) -> String {
        if let dir = settings.dir { return StoreLocation.absolutePath(dir) }
        return (ctx.storePath as NSString).deletingLastPathComponent + "/vdir"
    }
}

struct SyncRun: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Sync now (the default).")
    @Flag(help: "Only the two folder steps: no engine.") var offline = false
    @Flag(name: .customLong("dry-run"), help: "Say what would happen; write nothing.") var dryRun = false
    @Flag(name: .customLong("delete-all"), help: "A folder emptied of every record deletes them all here too (refused otherwise).")
    var deleteAll = false
    @Flag(help: "Write every record to the folder anew, as a first sync does (for a folder emptied or lost).")
    var rewrite = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let settings = SyncCommand.settings
        let engine: SyncEngine? = offline ? nil : settings.git ? .git : settings.command.map(SyncEngine.command)
        if !offline && engine == nil && !dryRun {
            throw CLIError.usage("no sync engine is set: add [sync] command = \"vdirsyncer sync\" or [sync] git = true to "
                                 + "\(Settings.path(environment: ctx.environment)), or run `kith sync --offline`")
        }
        let store = try ctx.openStore(creating: !dryRun, reading: dryRun)
        let folder = SyncFolder(root: SyncCommand.folder(ctx), store: store)
        var report = SyncReport()
        do {
            if rewrite && !dryRun { try folder.forgetFolder() }
            try folder.checkNotEmptied(allowEmptying: deleteAll)
            try folder.writeOut(&report, dryRun: dryRun)
            if let engine, !dryRun {
                try engine.run(in: folder.root, kith: SyncMergeCommand.selfPath(), environment: ctx.environment)
                // Merges the engine asked for (`kith sync merge`) count as this sync's.
                report.merged += try folder.takeMergeCount()
            }
            try folder.readIn(&report, dryRun: dryRun, allowEmptying: deleteAll)
        } catch let e as SyncFolder.Failure {
            throw CLIError.failure(e.message)
        } catch let e as SyncEngine.Failure {
            throw CLIError.failure(report.sent > 0 ? "\(e.message) (sent \(report.sent) to the folder)" : e.message)
        }
        for p in report.problems { Output.error(p) }
        Output.line((dryRun ? "would have: " : "") + report.line + ".")
        if !report.problems.isEmpty { throw ExitCode(Exit.failure) }
    }
}

/// `kith sync merge A B` (vdirsyncer's conflict command) and `kith sync merge --base O A B`
/// (git's merge driver): the three-way merge of two versions of one record, written into
/// both files (for vdirsyncer) or into A (for git).
struct SyncMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge two versions of one synced record (for vdirsyncer's conflict_resolution and git's merge driver).")
    @Option(help: ArgumentHelp("The version both started from (git's %O).", valueName: "file")) var base: String?
    @Argument(help: "This device's version (written with the merge).") var a: String
    @Argument(help: "The other version (also written with the merge, unless --base is given).") var b: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        func read(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.failure("cannot read \(path)") }
            guard let text = String(validating: data, as: UTF8.self) else { throw CLIError.failure("\(path) is not UTF-8 text") }
            return text
        }
        func record(_ path: String) throws -> SyncRecord {
            do { return try SyncCodec.decode(try read(path)) } catch let e as SyncFileError { throw CLIError.failure("\(path): \(e)") }
        }
        let mine = try record(a), theirs = try record(b)
        guard mine.uid == theirs.uid, mine.kind == theirs.kind else {
            throw CLIError.failure("\(a) and \(b) are two different records (\(mine.uid), \(theirs.uid)); nothing merged")
        }
        var old: SyncRecord?
        if let base, let text = try? read(base), !text.isEmpty { old = try? SyncCodec.decode(text) }
        if base == nil {
            // vdirsyncer gives no base: kith's own last synced copy of the record is it.
            let ctx = global.context()
            if !StoreLocation.isAbsent(ctx.storePath), let store = try? ctx.openStore(reading: true),
               let text = try? store.syncBase(mine.kind, uid: mine.uid)?.text, !text.isEmpty {
                old = try? SyncCodec.decode(text)
            }
        }
        let merged = SyncCodec.encode(SyncMerge.merge(base: old, mine, theirs))
        try write(merged, to: a)
        if base == nil { try write(merged, to: b) }
        countMerge()
    }

    /// Notes the merge in the store, for the line of the `kith sync` that ran the engine.
    func countMerge() {
        let ctx = global.context()
        guard !StoreLocation.isAbsent(ctx.storePath), let store = try? Store(path: ctx.storePath) else { return }
        defer { store.closeConnection() }
        let n = Int((try? store.setting(SyncFolder.mergeCountKey)) ?? nil ?? "0") ?? 0
        try? store.setSetting(SyncFolder.mergeCountKey, String(n + 1))
    }

    func write(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { throw CLIError.failure("cannot write \(path)") }
    }

    /// This program, as git must call it back.
    static func selfPath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// `kith trash`: moments deleted on another device, for 30 days; `kith trash restore N`.
struct TrashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trash",
        abstract: "Moments deleted on another device (kept 30 days): list them, or bring one back.",
        subcommands: [TrashList.self, TrashRestore.self],
        defaultSubcommand: TrashList.self)
}

struct TrashList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the trash, newest deletion first.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let store = try ctx.openStore(reading: true)
        let trash = try store.syncTrash()
        guard !trash.isEmpty else {
            Output.line("The trash is empty: moments deleted on another device stay here for \(SyncFolder.trashDays) days.")
            return
        }
        let names = try store.syncNames()
        for (i, item) in trash.enumerated() {
            Output.line("\(i + 1). " + TrashList.describe(item.record, names: names))
        }
        Output.line("`kith trash restore N` brings one back (and to the other devices at the next sync).")
    }

    /// "Sun 22 Nov 2026 · Ana, Ben · the note's first line".
    static func describe(_ r: SyncRecord, names: [String: String]) -> String {
        let digits = (r["start"] ?? "").prefix(8)
        let day = Int(digits.prefix(4)).flatMap { y in Int(digits.dropFirst(4).prefix(2)).flatMap { m in
            Int(digits.suffix(2)).flatMap { Day(year: y, month: m, day: $0) } } }
        let who = r.many("people").map { names[$0] ?? "someone no longer here" }.joined(separator: ", ")
        let note = (r["note"] ?? "").split(separator: "\n").first.map { " · " + TerminalText.sanitize(String($0.prefix(60))) } ?? ""
        return (day.map { DateText.long($0) } ?? "no date") + " · " + TerminalText.sanitize(who) + note
    }
}

struct TrashRestore: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Bring a moment back from the trash.")
    @Argument(help: "Its number in `kith trash`.") var number: Int
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let store = try ctx.openStore()
        let trash = try store.syncTrash()
        guard trash.indices.contains(number - 1) else {
            throw CLIError.failure(trash.isEmpty ? "the trash is empty" : "the trash has \(trash.count) moment\(trash.count == 1 ? "" : "s"); give 1 to \(trash.count)")
        }
        let item = trash[number - 1]
        try store.restoreFromTrash(uid: item.uid, at: Int64(Date().timeIntervalSince1970 * 1000))
        Output.line("Brought back the moment of " + TrashList.describe(item.record, names: try store.syncNames()) + ".")
    }
}
