import Foundation
import GRDB
import KithCore

/// Copies of the store, made with SQLite's online backup: consistent even while another
/// kith writes, complete or absent (each copy is written under a temporary name and
/// renamed into place), and private (0600 files in the store's 0700 directory).
public enum Backups {
    /// `backups/` next to the store file (for a copy inside `backups/`, that folder).
    public static func directory(for storePath: String) -> String {
        let dir = (storePath as NSString).deletingLastPathComponent
        return (dir as NSString).lastPathComponent == "backups" ? dir : dir + "/backups"
    }

    /// The daily copies are `daily-YYYY-MM-DD.sqlite`; others are named for why they
    /// were made (`before-upgrade-…`, `replaced-…`, `kith-…` from `kith backup`).
    static let dailyPrefix = "daily-"

    /// `dir/prefix-TIMESTAMP.sqlite`, with -2, -3… added when that name is taken (two
    /// copies within a second).
    public static func newName(in dir: String, _ prefix: String) -> String {
        let base = dir + "/" + prefix + "-" + stamp()
        var name = base + ".sqlite", n = 1
        while !StoreLocation.isAbsent(name) {
            n += 1
            name = base + "-\(n).sqlite"
        }
        return name
    }

    /// A name-safe local timestamp: 20261122-081502.
    public static func stamp(_ date: Date = Date()) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var tmv = tm()
        localtime_r(&t, &tmv)
        return String(format: "%04d%02d%02d-%02d%02d%02d", Int(tmv.tm_year) + 1900, Int(tmv.tm_mon) + 1, Int(tmv.tm_mday),
                      Int(tmv.tm_hour), Int(tmv.tm_min), Int(tmv.tm_sec))
    }

    /// Copies the database `source` holds to a new file at `destination` (which must not
    /// exist): written as `destination.partial`, switched out of WAL so that the copy is
    /// one self-contained file, synced, then renamed into place.
    /// With `verify`, the copy must pass SQLite's quick check before it is renamed into
    /// place: a damaged store gives no copy (the copy holds the same pages), and
    /// `.damaged` says so.
    static func copy(from source: DatabaseQueue, to destination: String, verify: Bool = false) throws(StoreError) {
        var st = stat()
        if stat(destination, &st) == 0 { throw .conflict("\(destination) already exists; choose another name") }
        let dir = (destination as NSString).deletingLastPathComponent
        try StoreLocation.makeDirectory(dir.isEmpty ? "." : dir)
        let partial = destination + ".partial"
        unlink(partial)
        let fd = open(partial, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotCreate(partial, String(cString: strerror(errno))) }
        fchmod(fd, 0o600)
        close(fd)
        do {
            let target = try DatabaseQueue(path: partial)
            try source.backup(to: target)
            try target.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            let problems = verify ? try target.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") } : ["ok"]
            try target.close()
            guard problems == ["ok"] else {
                unlink(partial)
                unlink(partial + "-journal")
                throw StoreError.damaged(source.path, Backups.oneLine(problems))
            }
            let sync = open(partial, O_RDONLY | O_CLOEXEC)
            if sync >= 0 { fsync(sync); close(sync) }
        } catch let e as StoreError {
            throw e
        } catch {
            unlink(partial)
            unlink(partial + "-journal")
            // Damage met while reading the store is the store's, not the copy's.
            if let e = error as? DatabaseError, e.resultCode.primaryResultCode == .SQLITE_CORRUPT {
                throw .damaged(source.path, Backups.oneLine([e.message ?? "SQLite reports damage"]))
            }
            throw Store.describe(error, path: destination)
        }
        guard rename(partial, destination) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(partial)
            throw .cannotCreate(destination, why)
        }
    }

    /// A private working copy of `file` (and of its WAL file, if it has one) in the
    /// backups folder of the store at `storePath`: a restore reads the copy, so the
    /// user's file is never written to, not even by SQLite replaying its WAL. The caller
    /// removes it (`discard`).
    public static func stage(_ file: String, for storePath: String) throws(StoreError) -> String {
        var st = stat()
        // About the backup, not the store: said as such.
        guard stat(file, &st) == 0 else { throw .conflict("cannot read the backup \(file): \(String(cString: strerror(errno)))") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .conflict("cannot read the backup \(file): it is not a file") }
        let dir = directory(for: storePath)
        try StoreLocation.makeDirectory(dir)
        let staged = dir + "/.restoring-\(stamp())-\(getpid()).sqlite"
        try copyBytes(from: file, to: staged)
        if !StoreLocation.isAbsent(file + "-wal") {
            do { try copyBytes(from: file + "-wal", to: staged + "-wal") } catch { discard(staged); throw error }
        }
        return staged
    }

    /// Removes a staged copy and whatever SQLite made beside it.
    public static func discard(_ staged: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(staged + suffix) }
    }

    /// A byte-for-byte copy into a new 0600 file.
    static func copyBytes(from source: String, to destination: String) throws(StoreError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .cannotOpen(source, String(cString: strerror(errno))) }
        defer { close(input) }
        let output = open(destination, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw .cannotCreate(destination, String(cString: strerror(errno))) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { let e = errno; unlink(destination); throw .cannotOpen(source, String(cString: strerror(e))) }
            if n == 0 { return }
            var off = 0
            while off < n {
                let w = buffer.withUnsafeBytes { write(output, $0.baseAddress! + off, n - off) }
                if w < 0 && errno == EINTR { continue }
                if w <= 0 { let e = errno; unlink(destination); throw .cannotCreate(destination, String(cString: strerror(e))) }
                off += w
            }
        }
    }

    /// What a file holds, checked the way a restore needs: a kith store, not from a
    /// newer kith, sound. Give it a staged copy (see `stage`): opening may replay a WAL.
    public static func inspect(_ path: String, named shown: String? = nil) throws(StoreError) -> Summary {
        let shown = shown ?? path
        do {
            let q = try DatabaseQueue(path: path)
            defer { try? q.close() }
            return try q.read { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard appID == Schema.applicationID else {
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") ?? 0
                    throw StoreError.notAStore(shown, appID == 0 && tables == 0 ? "it holds no kith data" : "it is an SQLite database of another program")
                }
                if try Schema.migrator.hasBeenSuperseded(db) { throw StoreError.newerStore(shown) }
                let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard check == ["ok"] else {
                    throw StoreError.cannotOpen(shown, "the file is damaged (\(check.first ?? "integrity check failed"))")
                }
                return try Summary(db)
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw Store.describe(error, path: shown)
        }
    }

    /// How much a store holds: what a restore shows before it asks.
    public struct Summary: Sendable, Equatable {
        public var people: Int
        public var moments: Int
        public var lastMoment: Day?

        init(_ db: Database) throws {
            people = try Int.fetchOne(db, sql: "SELECT count(*) FROM people") ?? 0
            moments = try Int.fetchOne(db, sql: "SELECT count(*) FROM moments") ?? 0
            lastMoment = try Int.fetchOne(db, sql: "SELECT max(day) FROM moments").map(Day.init(ordinal:))
        }

        public var description: String {
            let last = lastMoment.map { ", the last on \(DateText.long($0))" } ?? ""
            return "\(people) \(people == 1 ? "person" : "people"), \(moments) moment\(moments == 1 ? "" : "s")\(last)"
        }
    }

    /// Puts the store at `staged` (a copy made by `stage`, checked by `inspect`) in place
    /// of the one at `storePath`. The current store, when there is one, is first copied
    /// to `aside` (damaged or not: a store that cannot be opened is moved there as it
    /// is, its WAL files with it).
    public static func restore(_ staged: String, into storePath: String, keepingCurrentAt aside: String) throws(StoreError) {
        let source: DatabaseQueue
        do {
            source = try DatabaseQueue(path: staged)
        } catch {
            throw Store.describe(error, path: staged)
        }
        defer { try? source.close() }
        if !StoreLocation.isAbsent(storePath) {
            // Whether the current store is sound, asked on a connection that is closed
            // again before anything is moved.
            let sound: Bool = {
                guard let s = try? Store(path: storePath) else { return false }
                return (try? s.integrityProblems().isEmpty) == true
            }()
            if sound {
                let current = try Store(path: storePath)
                // Sound: a consistent copy aside, then the backup copied in through SQLite,
                // so that a kith reading the store meanwhile sees one or the other.
                try copy(from: current.queue, to: aside)
                do {
                    try source.backup(to: current.queue)
                    try current.queue.writeWithoutTransaction { db in
                        try db.execute(sql: "PRAGMA journal_mode = WAL")
                    }
                } catch {
                    throw Store.describe(error, path: storePath)
                }
                return
            }
            // Damaged or unreadable: moved aside untouched, with its WAL files.
            try StoreLocation.makeDirectory((aside as NSString).deletingLastPathComponent)
            for suffix in ["", "-wal", "-shm"] where !StoreLocation.isAbsent(storePath + suffix) {
                guard rename(storePath + suffix, aside + suffix) == 0 else {
                    throw .cannotCreate(aside + suffix, String(cString: strerror(errno)))
                }
            }
        }
        let copyName = storePath + ".restoring"
        unlink(copyName)
        try copy(from: source, to: copyName)
        guard rename(copyName, storePath) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(copyName)
            throw .cannotCreate(storePath, why)
        }
    }
}

extension Store {
    /// A copy of the store as it is now, at `destination` (a new file), checked: a copy
    /// of a damaged store would look like a way back and is not one.
    public func backup(to destination: String) throws(StoreError) {
        try Backups.copy(from: queue, to: destination, verify: true)
    }

    /// What the store holds, for messages.
    public func summary() throws(StoreError) -> Backups.Summary {
        try read { db in try Backups.Summary(db) }
    }

    /// Once a day, a copy named for the day and the store (`daily-2026-11-22-kith.sqlite`
    /// for `kith.sqlite`); only the newest `keep` daily copies of this store are kept (0
    /// turns them off). Each copy passes SQLite's quick check before it counts: a store
    /// damaged inside (which opens and mostly works) gives no copy and throws `.damaged`,
    /// so the rotation never drops a sound copy for a damaged one. Returns the new copy's
    /// path, or nil when today's exists.
    @discardableResult
    public func dailyBackup(today: Day, keep: Int) throws(StoreError) -> String? {
        guard keep > 0, !inMemory else { return nil }
        let dir = Backups.directory(for: path)
        let name = dir + "/" + Backups.dailyName(today, store: path)
        guard StoreLocation.isAbsent(name) else { return nil }
        do {
            try Backups.copy(from: queue, to: name, verify: true)
        } catch {
            if case .damaged(_, let why) = error { knownDamage.withLock { $0 = why } }
            throw error
        }
        let dailies = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .compactMap { file in Backups.dailyDay(file, store: path).map { (day: $0, file: file) } }
            .sorted { $0.day < $1.day }
        // With whatever SQLite left beside a copy someone opened (kith --store COPY ...).
        for old in dailies.dropLast(keep) {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(dir + "/" + old.file + suffix) }
        }
        return name
    }
}

extension Backups {
    /// SQLite's messages split into their lines: a message may hold several.
    static func lines(_ messages: [String]) -> [String] {
        messages.flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }.filter { !$0.isEmpty }
    }

    /// SQLite's findings as one line.
    static func oneLine(_ problems: [String]) -> String {
        let lines = lines(problems)
        let shown = lines.prefix(3).joined(separator: "; ")
        return lines.isEmpty ? "the quick check failed" : lines.count > 3 ? shown + "; …" : shown
    }

    /// What SQLite's integrity check says of a file kith cannot open as a store (it is
    /// damaged where opening reads), at most `limit` lines; asked on a read-only
    /// connection of its own, so nothing is written.
    public static func damageReport(_ path: String, limit: Int = 10) -> [String] {
        var config = Configuration()
        config.readonly = true
        do {
            let q = try DatabaseQueue(path: path, configuration: config)
            defer { try? q.close() }
            let lines = try q.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(\(limit))") }
            return Backups.lines(lines).filter { $0 != "ok" }
        } catch let e as DatabaseError {
            return [e.message ?? e.description]
        } catch {
            return [String(describing: error)]
        }
    }

    /// The newest daily copy of the store at `storePath`, or nil when it has none.
    static func newestDaily(for storePath: String) -> String? {
        let dir = directory(for: storePath)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .compactMap { file in dailyDay(file, store: storePath).map { (day: $0, file: file) } }
            .max { $0.day < $1.day }
            .map { dir + "/" + $0.file }
    }

    /// `daily-DATE-` and the store's file name: `daily-2026-11-22-kith.sqlite` for
    /// `kith.sqlite`. The whole name, so that stores `x` and `x.sqlite` in one folder never
    /// share copies.
    static func dailyName(_ day: Day, store: String) -> String {
        dailyPrefix + day.iso + "-" + (store as NSString).lastPathComponent
    }

    /// The day of a daily copy of the store at `store`, or nil when `file` is not one.
    /// Copies from before they carried the store's name (`daily-2026-11-22.sqlite`) are
    /// counted as the default store's.
    static func dailyDay(_ file: String, store: String) -> String? {
        guard file.hasPrefix(dailyPrefix) else { return nil }
        let rest = file.dropFirst(dailyPrefix.count)
        guard rest.count >= 10 else { return nil }
        let day = String(rest.prefix(10))
        let parts = day.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2],
              Day(year: y, month: m, day: d)?.iso == day else { return nil }
        let owner = rest.dropFirst(10)
        let name = (store as NSString).lastPathComponent
        if owner == ".sqlite" { return name == StoreLocation.fileName ? day : nil }
        return owner == "-" + name ? day : nil
    }
}
