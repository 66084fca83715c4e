import ArgumentParser
import Foundation
import KithCore
import KithStore

/// `kith backup`: a copy of the store now, made with SQLite's online backup (safe while
/// the full-screen view or a cron job is writing).
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to a backup file (by default into the backups folder next to it).",
        discussion: """
            kith also keeps a copy before every upgrade of the store's format and one a day \
            (the newest 7; `backups = N` in the config file, 0 for none). Restore one with \
            kith restore FILE.
            """)

    @Option(help: ArgumentHelp("Write the copy here (a new file) instead.", valueName: "path"), completion: .file())
    var out: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let store = try ctx.openExisting(for: "back up")
        let path = out.map(StoreLocation.absolutePath) ?? Backups.newName(in: Backups.directory(for: ctx.storePath), "kith")
        try store.backup(to: path)
        Output.line("Backed up \(try store.summary().description) to \(path)")
    }
}

/// `kith restore FILE`: puts a backup in place of the store, after checking it and
/// asking, and keeps the store it replaces.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the store with a backup (checked first; the current store is kept aside).",
        discussion: """
            The backup must be a sound kith store (kith checks it before touching anything). \
            The store it replaces is copied to the backups folder as replaced-TIMESTAMP.sqlite, \
            even when it is damaged. Close other kith windows first.
            """)

    @Argument(help: ArgumentHelp("The backup file.", valueName: "file"), completion: .file())
    var file: String
    @Flag(name: .shortAndLong, help: "Do not ask (needed when not at a terminal).") var yes = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let backup = StoreLocation.absolutePath(file)
        if backup == ctx.storePath { throw CLIError.usage("\(file) is the store itself; name a backup file") }
        if !yes && isatty(0) != 1 {
            throw CLIError.usage("restoring replaces the store; add --yes to do it without being asked")
        }
        let staged = try Backups.stage(backup, for: ctx.storePath)
        defer { Backups.discard(staged) }
        let incoming = try Backups.inspect(staged, named: backup)
        let replacing = StoreLocation.isAbsent(ctx.storePath) ? nil : ((try? Store(path: ctx.storePath)).flatMap { try? $0.summary() })
        let aside = Backups.newName(in: Backups.directory(for: ctx.storePath), "replaced")
        if !yes {
            let now = StoreLocation.isAbsent(ctx.storePath) ? "no store yet"
                : replacing.map { "the store now: \($0.description)" } ?? "the store now cannot be read"
            Output.error("Restore \(backup) (\(incoming.description)) over \(ctx.storePath) (\(now))?", prefix: "")
            if !StoreLocation.isAbsent(ctx.storePath) { Output.error("The current store will be kept at \(aside).", prefix: "") }
            Output.error("Restore? [y/N] ", prefix: "")
            let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "y" || answer == "yes" else {
                Output.line("Nothing was changed.")
                return
            }
        }
        try Backups.restore(staged, into: ctx.storePath, keepingCurrentAt: aside)
        Output.line("Restored \(incoming.description) from \(backup).")
        if !StoreLocation.isAbsent(aside) { Output.line("The store it replaced is at \(aside).") }
    }
}

/// `kith check`: whether the store is sound, in words.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store for damage (exit 1 and say what is wrong if anything is).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let store: Store
        let problems: [String]
        do {
            store = try ctx.openExisting(for: "check")
            problems = try store.integrityProblems()
        } catch let e as StoreError {
            // So damaged that SQLite stops reading: what its own check finds, then the one line.
            if e.description.contains("damaged") { for line in Backups.damageReport(ctx.storePath) { Output.error(line) } }
            throw e
        }
        guard problems.isEmpty else {
            for p in problems { Output.error(p) }
            let backups = Backups.directory(for: ctx.storePath)
            throw CLIError.failure("\(ctx.storePath) has \(problems.count) problem\(problems.count == 1 ? "" : "s"); "
                                   + "restore a backup with kith restore FILE (backups are in \(backups))")
        }
        Output.line("\(ctx.storePath) is sound: \(try store.summary().description).")
    }
}
