import Foundation
import GRDB
import KithCore
import KithFiles

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
    /// exist): written under an unpredictable temporary name beside it, switched out of
    /// WAL so that the copy is one self-contained file, synced, then linked into place
    /// (a link, unlike a rename, never replaces a copy another kith made meanwhile).
    /// With `verify`, the copy must pass SQLite's integrity check (the check a restore
    /// applies) before it counts: a damaged store gives no copy (the copy holds the same
    /// pages), and `.damaged` says so.
    static func copy(from source: DatabaseQueue, to destination: String, verify: Bool = false) throws(StoreError) {
        var st = stat()
        if lstat(destination, &st) == 0 { throw .conflict("\(destination) already exists; choose another name") }
        let dir = (destination as NSString).deletingLastPathComponent
        try StoreLocation.makeDirectory(dir.isEmpty ? "." : dir)
        let partial = PrivateFile.temporaryName(beside: destination)
        let fd = PrivateFile.createExclusive(partial)
        guard fd >= 0 else { throw .cannotCreate(destination, String(cString: strerror(errno))) }
        close(fd)
        do {
            let target = try DatabaseQueue(path: partial)
            try source.backup(to: target)
            try target.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            let problems = verify ? try target.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(20)") } : ["ok"]
            try target.close()
            guard problems == ["ok"] else {
                discard(partial)
                throw StoreError.damaged(source.path, Backups.oneLine(problems))
            }
            let sync = open(partial, O_RDONLY | O_CLOEXEC)
            if sync >= 0 { fsync(sync); close(sync) }
        } catch let e as StoreError {
            throw e
        } catch {
            discard(partial)
            // Damage met while reading the store is the store's, not the copy's.
            if let e = error as? DatabaseError, e.resultCode.primaryResultCode == .SQLITE_CORRUPT {
                throw .damaged(source.path, Backups.oneLine([e.message ?? "SQLite reports damage"]))
            }
            throw Store.describe(error, path: destination)
        }
        defer { discard(partial) }
        try publish(partial, as: destination)
    }

    /// Puts a complete, synced temporary copy in place by a link, which (unlike a rename)
    /// never replaces a copy another kith made meanwhile; the caller removes `partial`.
    static func publish(_ partial: String, as destination: String) throws(StoreError) {
        guard link(partial, destination) == 0 else {
            if errno == EEXIST { throw .conflict("\(destination) already exists; choose another name") }
            throw .cannotCreate(destination, String(cString: strerror(errno)))
        }
        PrivateFile.syncDirectory(of: destination)
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
        let staged = PrivateFile.temporaryName(beside: dir + "/restoring.sqlite")
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
        let output = PrivateFile.createExclusive(destination)
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
    /// of the one at `storePath`, so that the path holds the old store or the new one at
    /// every instant, whenever the process is killed. The current store, when there is
    /// one, is first copied to `aside` (damaged or not).
    ///
    /// A store that opens gets the backup through SQLite (one transaction: a kith reading
    /// it meanwhile sees one or the other); one that does not is replaced by renaming a
    /// complete new file over it.
    public static func restore(_ staged: String, into storePath: String, keepingCurrentAt aside: String) throws(StoreError) {
        let source: DatabaseQueue
        do {
            source = try DatabaseQueue(path: staged)
        } catch {
            throw Store.describe(error, path: staged)
        }
        defer { try? source.close() }
        if !StoreLocation.isAbsent(storePath) {
            let current = try? Store(path: storePath)
            let sound = (try? current?.integrityProblems().isEmpty) == true
            if let current, sound {
                try copy(from: current.queue, to: aside)
            } else {
                // Damaged or unreadable: its bytes, WAL and all, as they are.
                try copyFile(from: storePath, to: aside)
                if !StoreLocation.isAbsent(storePath + "-wal") { try copyFile(from: storePath + "-wal", to: aside + "-wal") }
            }
            if let current {
                do {
                    try matchPageSize(of: source, to: current.queue)
                    try source.backup(to: current.queue)
                    try current.queue.writeWithoutTransaction { db in
                        try db.execute(sql: "PRAGMA journal_mode = WAL")
                    }
                    return
                } catch {
                    // A store damaged where the backup writes falls back to the rename below.
                    if sound { for suffix in ["", "-wal"] { unlink(aside + suffix) }; throw Store.describe(error, path: storePath) }
                }
                try? current.queue.close()
            }
        }
        let incoming = PrivateFile.temporaryName(beside: storePath)
        try copy(from: source, to: incoming)
        defer { discard(incoming) }
        // The old store's WAL must never be read as the new one's: gone first, so that a
        // kill here leaves the old main file (its whole copy is aside).
        unlink(storePath + "-wal")
        unlink(storePath + "-shm")
        guard rename(incoming, storePath) == 0 else { throw .cannotCreate(storePath, String(cString: strerror(errno))) }
        PrivateFile.syncDirectory(of: storePath)
    }

    /// SQLite's backup into a WAL database cannot change its page size ("read-only"): a
    /// backup with another page size (64 KB, say) is rewritten to the store's first. The
    /// staged copy is private, so rewriting it touches nothing of the user's.
    static func matchPageSize(of source: DatabaseQueue, to target: DatabaseQueue) throws {
        let want = try target.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } ?? 4096
        let have = try source.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } ?? 4096
        guard want != have else { return }
        try source.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA page_size = \(want)")
            try db.execute(sql: "VACUUM")
        }
    }

    /// A byte-for-byte copy made under a temporary name and linked into place: the copy
    /// is whole or absent.
    static func copyFile(from source: String, to destination: String) throws(StoreError) {
        try StoreLocation.makeDirectory((destination as NSString).deletingLastPathComponent)
        let partial = PrivateFile.temporaryName(beside: destination)
        try copyBytes(from: source, to: partial)
        defer { unlink(partial) }
        let f = open(partial, O_RDONLY | O_CLOEXEC)
        if f >= 0 { fsync(f); close(f) }
        try publish(partial, as: destination)
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
    /// turns them off). Each copy passes SQLite's integrity check, the one a restore
    /// applies, before it counts: a store damaged inside (which opens and mostly works,
    /// an index missing a row, say) gives no copy and throws `.damaged`, so the rotation
    /// only ever drops a copy for a newer one that restores. Several kiths making the
    /// day's first write at once make one copy between them: the backups folder is
    /// locked while a copy is made, and the others find it made. Returns the new copy's
    /// path, or nil when today's exists.
    @discardableResult
    public func dailyBackup(today: Day, keep: Int) throws(StoreError) -> String? {
        guard keep > 0, !inMemory else { return nil }
        let dir = Backups.directory(for: path)
        let name = dir + "/" + Backups.dailyName(today, store: path)
        guard StoreLocation.isAbsent(name) else { return nil }
        try StoreLocation.makeDirectory(dir)
        let lock = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer { if lock >= 0 { flock(lock, LOCK_UN); close(lock) } }
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

    /// The newest copy in the store's backups folder that says a store was here: a daily
    /// copy of it, or a store a restore replaced. Nil when there is none.
    static func newestCopy(for storePath: String) -> String? {
        let dir = directory(for: storePath)
        var newest: (time: Int, path: String)?
        for file in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
            guard dailyDay(file, store: storePath) != nil || (file.hasPrefix("replaced-") && file.hasSuffix(".sqlite")) else { continue }
            var st = stat()
            guard stat(dir + "/" + file, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            if newest == nil || st.st_mtim.tv_sec > newest!.time { newest = (st.st_mtim.tv_sec, dir + "/" + file) }
        }
        return newest?.path
    }

    /// Removes what killed kiths left beside the store and in its backups folder: their
    /// temporary files (the process that made one is gone), and the fixed-name leftovers
    /// of earlier kiths (`*.partial`, `*.restoring`, `.restoring-*`) once they are an hour
    /// old. A live kith's files are never touched.
    static func removeLeftovers(for storePath: String) {
        let storeDir = (storePath as NSString).deletingLastPathComponent
        let backups = directory(for: storePath)
        // One listing of each folder: this runs whenever a writer opens the store.
        for dir in [storeDir, backups] {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                let full = dir + "/" + file
                if PrivateFile.isStaleLeftover(file) { unlink(full); continue }
                let old = file.hasSuffix(".partial") || file.hasSuffix(".partial-journal") || file.hasSuffix(".sqlite.restoring")
                    || file.hasPrefix(".restoring-")
                guard old else { continue }
                var st = stat()
                guard lstat(full, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, time(nil) - st.st_mtim.tv_sec > 3600 else { continue }
                unlink(full)
            }
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
