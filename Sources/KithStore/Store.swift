import Foundation
import Synchronization
import GRDB
import KithCore

/// The local store: one SQLite file, opened with care and changed only in whole
/// transactions, one per user action.
///
/// Opening never changes a file that is not already a kith store: it checks what the
/// file is (SQLite or not, ours or another program's, from a newer kith or not) before
/// it switches on WAL or migrates anything.
public final class Store: Sendable {
    public let path: String
    /// Things the user should know about the store (loose file permissions), one line each.
    public let warnings: [String]
    /// True when this open created the file.
    public let isNew: Bool
    /// True for the empty stand-in of a store that does not exist yet.
    public let inMemory: Bool
    let queue: DatabaseQueue

    /// Opens the store at `path`. A writer (`readOnly: false`) creates it when nothing is
    /// there, switches it to WAL and migrates it; a reader changes nothing on disk: it
    /// opens the file read-only (a store in a read-only folder reads as well as any), and
    /// asks the caller to answer from an empty store when the file is absent or empty
    /// (`StoreError.absent`). A store that needs an upgrade is opened as a writer.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        self.inMemory = false
        try StoreLocation.checkKind(path)
        if readOnly {
            if StoreLocation.isAbsent(path) || StoreLocation.isEmptyFile(path) {
                try Store.refuseEmptied(path)
                throw .absent(path)
            }
            if let q = try Store.openForReading(path) {
                self.isNew = false
                self.queue = q
                self.warnings = StoreLocation.permissionWarning(path: path).map { [$0] } ?? []
                return
            }
            // An older format: the upgrade (a writer's job, with a copy first) comes first.
        }
        // A store that is gone while copies of it are in its backups folder was lost, not
        // never made: a new empty one would soon rotate the copies out.
        if StoreLocation.isAbsent(path) { try Store.refuseLost(path) }
        self.isNew = try StoreLocation.prepare(path: path)
        // An empty file is an empty database to SQLite, and kith would make it a new
        // store. When daily copies of this store exist, it held moments once: emptied by
        // accident, not new. Starting afresh would soon rotate the last sound copies out.
        if !isNew { try Store.refuseEmptied(path) }
        let migrator = Schema.migrator
        // Several kiths may open a new store at once (a shell loop, cron and the TUI):
        // an advisory lock makes the check-and-migrate happen one at a time. It is taken
        // on the directory, never on the database file: closing any descriptor of that
        // file would drop the fcntl locks SQLite holds on it, and with them writes.
        let lock = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer { if lock >= 0 { flock(lock, LOCK_UN); close(lock) } }
        // What killed kiths left behind (half-made copies, staged restores) goes now.
        Backups.removeLeftovers(for: path)
        do {
            queue = try DatabaseQueue(path: path, configuration: Store.configuration())
            let (appID, tables, journal, done, superseded) = try Store.identify(queue)
            try Store.refuseForeign(appID, tables, path)
            if superseded { throw StoreError.newerStore(path) }
            if journal.lowercased() != "wal" {
                try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
            }
            if !done {
                // An upgrade rewrites tables: a copy of the store as it was comes first, so
                // that a failed or regretted upgrade never costs a moment.
                if tables > 0 {
                    try Backups.copy(from: queue, to: Backups.newName(in: Backups.directory(for: path), "before-\(Schema.allMigrations.last!)"))
                }
                try migrator.migrate(queue)
            }
        } catch {
            // A store this open created and could not finish (a full disk) is not left
            // behind half-made: the next kith would take it for the user's.
            if isNew { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) } }
            if let e = error as? StoreError { throw e }
            throw Store.describe(error, path: path)
        }
        warnings = StoreLocation.permissionWarning(path: path).map { [$0] } ?? []
    }

    /// What a file holds: its application id, its tables, its journal mode, and whether
    /// its migrations are all done or some are from a newer kith.
    private static func identify(_ queue: DatabaseQueue) throws -> (Int32, Int, String, Bool, Bool) {
        try queue.read { db in
            let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """) ?? 0
            let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
            let ours = appID == Schema.applicationID
            let done = ours ? try Schema.migrator.hasCompletedMigrations(db) : false
            let superseded = ours ? try Schema.migrator.hasBeenSuperseded(db) : false
            return (appID, tables, journal, done, superseded)
        }
    }

    /// Refuses another program's file: one with tables of its own, or its own
    /// application id. (An SQLite file with neither is an empty store.)
    private static func refuseForeign(_ appID: Int32, _ tables: Int, _ path: String) throws(StoreError) {
        guard appID != Schema.applicationID else { return }
        if tables > 0 { throw .notAStore(path, "it is an SQLite database of another program") }
        if appID != 0 { throw .notAStore(path, "it is an SQLite file of another program") }
    }

    /// A read-only connection to a kith store of the current format, or nil when the
    /// store needs an upgrade first. In a folder kith may not write to, SQLite cannot
    /// make the WAL's shared-memory file; no writer can change the store there either, so
    /// it is read as immutable.
    ///
    /// Where it may, it opens read-write with SQLite's `query_only` set: SQLite then
    /// removes the empty WAL and its shared memory when the last connection closes,
    /// whereas a read-only connection would leave both behind (the store is to be one
    /// file while no kith runs).
    private static func openForReading(_ path: String) throws(StoreError) -> DatabaseQueue? {
        var config = configuration()
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
        var readOnlyConfig = config
        readOnlyConfig.readonly = true
        func attempt(_ name: String, _ config: Configuration) throws -> DatabaseQueue? {
            let q = try DatabaseQueue(path: name, configuration: config)
            let (appID, tables, _, done, superseded) = try identify(q)
            try refuseForeign(appID, tables, path)
            // An SQLite file with nothing in it (a store killed while it was being made)
            // is an empty store, as a writer would take it.
            if appID != Schema.applicationID { try q.close(); throw StoreError.absent(path) }
            if superseded { throw StoreError.newerStore(path) }
            if !done { try q.close(); return nil }
            return q
        }
        let cannotWrite: (DatabaseError) -> Bool = { [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM].contains($0.resultCode.primaryResultCode) }
        do {
            do {
                return try attempt(path, config)
            } catch let e as DatabaseError where cannotWrite(e) {
                do {
                    return try attempt(path, readOnlyConfig)
                } catch let e as DatabaseError where cannotWrite(e) && !StoreLocation.folderIsWritable(path) && StoreLocation.isAbsent(path + "-wal") {
                    return try attempt(StoreLocation.immutableURI(path), readOnlyConfig)
                }
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw describe(error, path: path)
        }
    }

    /// Refuses a store file that is empty while daily copies of it exist.
    private static func refuseEmptied(_ path: String) throws(StoreError) {
        if let newest = Backups.newestDaily(for: path), StoreLocation.isEmptyFile(path) {
            throw .cannotOpen(path, "the file is empty, yet daily copies of it exist; kith restore \(newest) puts the "
                              + "newest back (or remove the empty file to start afresh)")
        }
    }

    /// Refuses to create a store where one was lost: its backups folder holds daily
    /// copies of it, or stores a restore replaced.
    public static func refuseLost(_ path: String) throws(StoreError) {
        guard let newest = Backups.newestCopy(for: path) else { return }
        throw .cannotOpen(path, "there is no store here, yet copies of it are in \(Backups.directory(for: path)); "
                          + "kith restore \(newest) puts the newest back (or move that folder away to start afresh)")
    }

    /// An empty store that lives in memory only. Commands that only read use it when the
    /// store file does not exist yet: they answer as an empty store would and leave no
    /// file behind.
    public init(emptyInMemoryFor path: String) throws(StoreError) {
        self.path = path
        self.isNew = false
        self.inMemory = true
        self.warnings = []
        do {
            queue = try DatabaseQueue(configuration: Store.configuration())
            try Schema.migrator.migrate(queue)
        } catch {
            throw Store.describe(error, path: path)
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.label = "kith"
        config.foreignKeysEnabled = true
        // Another kith (the TUI, a cron job) may hold the write lock for a moment.
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            db.add(function: DatabaseFunction("kith_fold", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map(Folding.fold)
            })
        }
        return config
    }

    /// What SQLite found wrong inside the store when the daily copy was checked, if
    /// anything: from then on this process writes nothing to it.
    let knownDamage = Mutex<String?>(nil)

    /// The store's data version when last looked at (see `changedElsewhere`).
    private let seenVersion = Mutex<Int?>(nil)

    /// Whether another connection (another kith process) has committed since the last
    /// call: SQLite's data_version changes only for commits by others.
    public func changedElsewhere() throws(StoreError) -> Bool {
        let now: Int = try read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        return seenVersion.withLock { seen in
            defer { seen = now }
            return seen.map { $0 != now } ?? false
        }
    }

    /// One line for a database failure, naming the file when the file is the problem.
    static func describe(_ error: any Error, path: String) -> StoreError {
        guard let e = error as? DatabaseError else { return .database(String(describing: error)) }
        switch e.resultCode.primaryResultCode {
        case .SQLITE_NOTADB: return .notAStore(path, "the file is not an SQLite database")
        case .SQLITE_CORRUPT:
            return .cannotOpen(path, "the database is damaged and was left as it is; kith restore FILE puts a backup back "
                               + "(daily ones are in \(Backups.directory(for: path)))")
        case .SQLITE_CANTOPEN: return .cannotOpen(path, "the file cannot be opened (check its permissions)")
        case .SQLITE_READONLY: return .cannotOpen(path, "the store is read-only; nothing was written")
        case .SQLITE_FULL: return .database("the disk is full; nothing was written")
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .database("the store is busy (another kith is writing); try again")
        case .SQLITE_IOERR:
            // A write the disk refused (full, over a size limit, failing): say so, not "cannot open".
            if [ResultCode.SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE]
                .contains(e.extendedResultCode) {
                return .database("the store could not be written (\(e.message ?? "disk I/O error"); is the disk full?); nothing was written")
            }
            return .cannotOpen(path, "input/output error (\(e.message ?? "unknown"))")
        case .SQLITE_PERM, .SQLITE_AUTH: return .cannotOpen(path, "permission denied")
        default: return .database(e.message ?? e.description)
        }
    }

    /// Transactions this process has committed: lets the CLI say, when its output
    /// fails, that the change itself was saved.
    nonisolated(unsafe) public private(set) static var committedWrites = 0

    /// Runs `body` as one transaction; on any error nothing of it is kept. With
    /// `commit: false` it is rolled back even when it succeeds: a dry run that goes
    /// through exactly the checks and writes of the real thing.
    func write<T>(commit: Bool = true, _ body: (Database) throws -> T) throws(StoreError) -> T {
        // The day's check first (waiting for one running in the background): what it
        // finds decides whether this write may happen at all.
        try dailyBeforeFirstWrite()
        if let why = knownDamage.withLock({ $0 }) { throw .damaged(path, why) }
        do {
            var result: T?
            try queue.inTransaction(.immediate) { db in
                result = try body(db)
                return commit ? .commit : .rollback
            }
            if commit { Store.committedWrites += 1 }
            return result!
        } catch let e as StoreError {
            throw e
        } catch let e as InputError {
            throw .conflict(e.message)
        } catch {
            throw Store.describe(error, path: path)
        }
    }

    /// The day's copy, planned by `backUpDailyBeforeFirstWrite`.
    private let dailyPlan = Mutex<(today: Day, keep: Int)?>(nil)
    private let dailyFailure = Mutex<String?>(nil)
    /// Held while the day's copy is made, so that a write from another thread (the full
    /// screen's first save) waits for the check instead of slipping past it.
    private let dailyRun = NSLock()

    /// Makes the day's copy (see `dailyBackup`) just before this process first writes, so
    /// that a store found damaged is refused before anything is written to it. A copy
    /// that fails for another reason (a full disk) does not stop the write: it is kept
    /// for `dailyBackupProblem`.
    public func backUpDailyBeforeFirstWrite(today: Day, keep: Int) {
        dailyPlan.withLock { $0 = (today, keep) }
    }

    /// Why the planned daily copy was not made, once.
    public func dailyBackupProblem() -> String? {
        dailyFailure.withLock { f in defer { f = nil }; return f }
    }

    private func dailyBeforeFirstWrite() throws(StoreError) {
        if let error = runPlannedDailyBackup(), case .damaged = error { throw error }
    }

    /// Makes the planned daily copy now, if it was planned and not made yet (the full
    /// screen does this in the background once its first frame is up). Returns what
    /// went wrong; a failure other than damage is also kept for `dailyBackupProblem`.
    @discardableResult
    public func runPlannedDailyBackup() -> StoreError? {
        dailyRun.lock()
        defer { dailyRun.unlock() }
        guard let plan = dailyPlan.withLock({ p in defer { p = nil }; return p }) else { return nil }
        // A store this open created holds nothing yet: a copy of it would protect nothing,
        // and would outlive a first command that fails.
        guard !isNew else { return nil }
        do {
            try dailyBackup(today: plan.today, keep: plan.keep)
            return nil
        } catch {
            if case .damaged = error { return error }
            dailyFailure.withLock { $0 = error.description }
            return error
        }
    }

    /// Runs `body`'s reads in one read transaction: what they return is one consistent
    /// view of the store, however many reads it makes. The full screen reads its roster
    /// this way (people, groups, last days, activity, snoozes, reminders): as eight
    /// transactions, a `kith log` from cron could land between two of them. Reads only:
    /// a write inside would re-enter the database queue, which GRDB stops.
    public func snapshot<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try queue.inDatabase { db in
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try Store.$openSnapshot.withValue(Snapshot(store: self, db: db)) { try body() }
                    return .commit
                }
                return result!
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw Store.describe(error, path: path)
        }
    }

    /// The read transaction `snapshot` holds open on this thread, which `read` joins.
    struct Snapshot: @unchecked Sendable {
        let store: Store
        let db: Database
    }
    @TaskLocal static var openSnapshot: Snapshot?

    /// Runs `body` in a read transaction (one consistent view of the store). Not through
    /// GRDB's `read`: that switches `PRAGMA query_only` on and off around every read, and
    /// changing a flag pragma makes SQLite expire every prepared statement, so each key
    /// in the full screen re-prepared all of its cached statements (1.8 M instructions).
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        if let open = Store.openSnapshot, open.store === self {
            do { return try body(open.db) } catch let e as StoreError { throw e } catch { throw Store.describe(error, path: path) }
        }
        do {
            return try queue.inDatabase { db in
                if db.isInsideTransaction { return try body(db) }
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw Store.describe(error, path: path)
        }
    }

    /// Undoes the creation of a store this open made, for a command that then failed
    /// (a restore the store refused): the file, and its WAL files, are closed and removed,
    /// so that a failure leaves nothing behind. Only while the store is still empty, so
    /// that another kith that wrote into it meanwhile never loses a thing.
    public func removeIfNewAndEmpty() {
        guard isNew, !inMemory else { return }
        let lock = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer { if lock >= 0 { flock(lock, LOCK_UN); close(lock) } }
        let rows = try? read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM groups) + (SELECT count(*) FROM moments)
                     + (SELECT count(*) FROM reminders) + (SELECT count(*) FROM settings) + (SELECT count(*) FROM self_checkins)
                """)
        }
        guard rows == 0 else { return }
        // Gone before the connection closes: closing folds the WAL into the file, which a
        // disk that just refused the import may refuse again, and a failed close must not
        // leave the empty store behind.
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
        try? queue.close()
    }

    /// Closes the connection. When it is the last one, SQLite moves the WAL into the main
    /// file and removes it, so that the store is one file while no kith runs (a person or
    /// a backup tool copying `kith.sqlite` alone gets everything).
    public func closeConnection() {
        guard !inMemory else { return }
        try? queue.close()
    }

    /// The current schema migrations applied, for `kith --version`-like diagnostics and tests.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try Schema.migrator.appliedMigrations(db) }
    }
}
