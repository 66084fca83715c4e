import Foundation
import KithCore
import KithFiles
import KithStore
import KithSync

/// What one sync did, for its one line ("sent 3, received 2, merged 1").
public struct SyncReport: Equatable, Sendable {
    public var sent = 0
    public var received = 0
    public var merged = 0
    public var deletedHere = 0
    public var deletedThere = 0
    /// People deleted elsewhere who have moments here: archived, and their cards written back.
    public var archivedHere = 0
    /// Files kith could not read or take in: one line each, the files kept as they are.
    public var problems: [String] = []

    public init() {}

    public var line: String {
        var parts = ["sent \(sent)", "received \(received)", "merged \(merged)"]
        if deletedThere > 0 { parts.append("deleted \(deletedThere) there") }
        if deletedHere > 0 { parts.append("deleted \(deletedHere) here") }
        if archivedHere > 0 { parts.append("archived \(archivedHere) deleted elsewhere (they have moments here)") }
        if !problems.isEmpty { parts.append("\(problems.count) file\(problems.count == 1 ? "" : "s") not taken in") }
        return parts.joined(separator: ", ")
    }
}

/// The sync folder: a vdir of one file per record (`contacts/UID.vcf`, `journal/UID.ics`)
/// that engines carry between devices. The store stays the one source of truth; this
/// writes what changed in it to the folder, and reads what changed in the folder back.
/// Both steps cost what changed: the store notes its changes, and a file whose size, time
/// and inode match the last sync is not even read.
public struct SyncFolder {
    public let root: String
    public let store: Store
    /// The time stamps records get, and the creation time of records read in.
    let now: () -> Int64

    public init(root: String, store: Store, now: @escaping () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) {
        self.root = root
        self.store = store
        self.now = now
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    // MARK: store → folder

    /// Writes each record the store changed since the last sync; merges with its file
    /// when the file changed too (an edit that arrived from another device).
    public func writeOut(_ report: inout SyncReport, dryRun: Bool = false) throws {
        try makeFolders()
        var changes = try store.syncChanges()
        let first = try !store.isTrackingSyncChanges()
        if first {
            // The first sync: everything, and from now on every change is noted.
            if !dryRun { try store.startTrackingSyncChanges() }
            let at = now()
            changes = try store.syncUIDs().map { SyncChange(kind: $0.kind.rawValue, uid: $0.uid, at: at) }
        }
        guard !changes.isEmpty else { return }
        // A folder is remembered as seen after these writes only if nothing else had
        // changed it before them: files another device put there are still to be read.
        let untouched = try ["contacts", "journal"].filter { try folderUnchanged($0) }
        let names = try store.syncNames()
        var newBases: [(kind: SyncRecord.Kind, uid: String, text: String?, stat: String)] = []
        var merged: [SyncRecord] = []
        // Read in one transaction, a thousand at a time: one view of the store, without
        // holding a hundred thousand records at once.
        for batch in stride(from: 0, to: changes.count, by: 1000).map({ changes[$0..<min($0 + 1000, changes.count)] }) {
            try store.snapshot {
                for change in batch {
                    guard let kind = SyncRecord.Kind(rawValue: change.kind) else { continue }
                    try writeOut(change, kind, names, first: first, &report, &newBases, &merged, dryRun: dryRun)
                }
            }
        }
        guard !dryRun else { return }
        for record in merged { try store.applySync(record, createdAt: Int(now() / 1000)) }
        try syncToDisk()
        try store.setSyncBases(newBases, pending: true)
        try store.clearSyncChanges(changes.filter { SyncRecord.Kind(rawValue: $0.kind) != nil })
        try rememberFolders(untouched)
    }

    private func writeOut(_ change: SyncChange, _ kind: SyncRecord.Kind, _ names: [String: String], first: Bool, _ report: inout SyncReport,
                          _ newBases: inout [(kind: SyncRecord.Kind, uid: String, text: String?, stat: String)],
                          _ merged: inout [SyncRecord], dryRun: Bool) throws {
        // The first sync has no bases yet: none is looked for.
        let base = first ? nil : try store.syncBase(kind, uid: change.uid)
        let path = self.path(kind, fileName: base.map { Self.fileName($0.stat) } ?? "\(change.uid).\(kind.fileExtension)")
        let onDisk = Self.stat(path)
        let changedThere = onDisk != nil && onDisk != base.map { Self.statPart($0.stat) }
        guard var record = try store.syncRecord(kind, uid: change.uid) else {
            // Deleted here. An edit there wins over the delete: it is read back in.
            if changedThere { return }
            if onDisk != nil {
                if !dryRun { unlink(path) }
                report.deletedThere += 1
            }
            newBases.append((kind, change.uid, nil, ""))
            return
        }
        record.modified = change.at
        // Each field keeps the time it last changed; those that differ from the base
        // changed now.
        let old = base.flatMap { $0.text.isEmpty ? nil : try? SyncCodec.decode($0.text) }
        record.stampFields(since: old, at: change.at)
        // A file kith wrote and nobody touched is known by its stat, unread.
        let file = onDisk == nil ? nil : Self.read(path)
        let theirs = file.flatMap { try? SyncCodec.decode($0) }
        if let file, let theirs, theirs.sameContent(as: record) {
            // The folder has it already (the same edit made there, or a first sync into
            // a folder that holds it): nothing to write.
            if !dryRun { newBases.append((kind, change.uid, file, Self.statLine(path))) }
            return
        }
        if changedThere, let theirs {
            record = SyncMerge.merge(base: old, record, theirs)
            merged.append(record)
            report.merged += 1
        } else {
            report.sent += 1
        }
        guard !dryRun else { return }
        let text = SyncCodec.encode(record, names: names)
        try write(text, to: path)
        newBases.append((kind, change.uid, text, Self.statLine(path)))
    }

    // MARK: folder → store

    /// Reads the files that changed since the last sync into the store: new UIDs become
    /// records, changed ones update them, a file gone deletes its record. Files kith did
    /// not write and cannot read are left alone and counted. A folder whose own stat is
    /// what the last sync left is passed over whole: every engine writes a file under a
    /// temporary name and renames it, which changes the folder.
    /// `allowEmptying`: the user confirmed that a folder emptied of every record means
    /// deleting them all here.
    public func readIn(_ report: inout SyncReport, dryRun: Bool = false, allowEmptying: Bool = false) throws {
        // What was written out has been carried (or there is no engine): it is the base.
        if !dryRun { try store.settleSyncBases() }
        // Unchanged folders are passed over before anything is read from the store.
        let changed = try ["contacts", "journal"].filter { try !folderUnchanged($0) }
        guard !changed.isEmpty else { return }
        let stats = try store.syncBaseStats()
        var newBases: [(kind: SyncRecord.Kind, uid: String, text: String?, stat: String)] = []
        var seen: [SyncRecord.Kind: Set<String>] = [:]
        var incoming: [(record: SyncRecord, text: String, stat: String)] = []
        var byFile: [String: (kind: SyncRecord.Kind, uid: String, stat: String)] = [:]
        for (kind, entries) in stats { for (uid, stat) in entries { byFile[Self.fileName(stat) + "@" + kind.folder] = (kind, uid, stat) } }
        var scanned: [String] = []
        for folder in changed {
            scanned.append(folder)
            for name in Self.files(in: root + "/" + folder) {
                let path = root + "/" + folder + "/" + name
                let statLine = Self.statLine(path)
                if let known = byFile[name + "@" + folder], known.stat == statLine {
                    seen[known.kind, default: []].insert(known.uid)
                    continue
                }
                guard let text = Self.read(path) else {
                    report.problems.append("\(folder)/\(name): not UTF-8 text; left as it is")
                    continue
                }
                do {
                    let record = try SyncCodec.decode(text)
                    guard record.kind.folder == folder else {
                        report.problems.append("\(folder)/\(name): a \(record.kind.rawValue) in \(folder)/; left as it is")
                        continue
                    }
                    if seen[record.kind, default: []].contains(record.uid) {
                        report.problems.append("\(folder)/\(name): UID \(record.uid) is in another file too; this one is left as it is")
                        continue
                    }
                    seen[record.kind, default: []].insert(record.uid)
                    incoming.append((record, text, statLine))
                } catch {
                    report.problems.append("\(folder)/\(name): \(error); left as it is")
                }
            }
        }
        // People and groups first: moments and reminders name them.
        let order: [SyncRecord.Kind] = [.person, .group, .moment, .reminder, .self]
        incoming.sort { order.firstIndex(of: $0.record.kind)! < order.firstIndex(of: $1.record.kind)! }
        for item in incoming {
            let r = item.record
            if let base = try store.syncBase(r.kind, uid: r.uid), let old = try? SyncCodec.decode(base.text), old.sameContent(as: r) {
                newBases.append((r.kind, r.uid, base.text, item.stat))     // the same record, touched
                continue
            }
            do {
                if !dryRun { try store.applySync(r, createdAt: Int(now() / 1000)) }
                report.received += 1
                newBases.append((r.kind, r.uid, item.text, item.stat))
            } catch {
                report.problems.append("\(r.kind.folder)/\(Self.fileName(item.stat)): \(error); left as it is, tried again at the next sync")
            }
        }
        try deleteMissing(stats, seen: seen, folders: scanned, &report, &newBases, dryRun: dryRun, allowEmptying: allowEmptying)
        if !dryRun {
            try store.setSyncBases(newBases)
            try store.emptyTrash(before: Int(now() / 1000) - Self.trashDays * 86_400)
            // A file left out is tried again at every sync until it comes in (a name clash
            // resolved, a person arrived): its folder is read again even when unchanged.
            try store.setSetting(Self.retryKey, report.problems.isEmpty ? "" : "1")
            try rememberFolders()
        }
    }

    /// Records whose files are gone from the folder are deleted here, unless a whole
    /// folder is empty while records were synced from it: then nothing is deleted and the
    /// line says so (an emptied folder is far more often a mistake than a wish).
    func deleteMissing(_ stats: [SyncRecord.Kind: [String: String]], seen: [SyncRecord.Kind: Set<String>], folders: [String],
                       _ report: inout SyncReport, _ newBases: inout [(kind: SyncRecord.Kind, uid: String, text: String?, stat: String)],
                       dryRun: Bool, allowEmptying: Bool) throws {
        for folder in folders {
            let kinds = SyncRecord.Kind.allCases.filter { $0.folder == folder }
            let known = kinds.reduce(0) { $0 + (stats[$1]?.count ?? 0) }
            let present = kinds.reduce(0) { $0 + (seen[$1]?.count ?? 0) }
            // Every record of a folder gone is far more often a folder emptied by mistake
            // than a wish, even when it held one (vdirsyncer refuses it too).
            if known > 0 && present == 0 && !allowEmptying {
                throw Self.emptied(folder, known: known, before: "deleted")
            }
            for kind in kinds {
                for uid in (stats[kind] ?? [:]).keys where !(seen[kind]?.contains(uid) ?? false) {
                    if !dryRun, try store.deleteSync(kind, uid: uid, deletedAt: Int(now() / 1000)) {
                        report.archivedHere += 1
                    } else {
                        report.deletedHere += 1
                    }
                    newBases.append((kind, uid, nil, ""))
                }
            }
        }
    }

    /// Refuses before the engine runs when a folder holds none of the several records
    /// synced from it: git would otherwise commit and push the emptied folder to every
    /// device before the read step refused it.
    public func checkNotEmptied(allowEmptying: Bool) throws {
        guard !allowEmptying else { return }
        for folder in ["contacts", "journal"] {
            // A folder as the last sync left it was not emptied since: no listing, no count.
            if try folderUnchanged(folder) || Self.holdsARecordFile(root + "/" + folder) { continue }
            let known = try store.syncBaseCount(kinds: SyncRecord.Kind.allCases.filter { $0.folder == folder })
            if known > 0 {
                throw Self.emptied(folder, known: known, before: "deleted or sent")
            }
        }
    }

    /// The one line for a folder emptied of the records synced from it, said before the
    /// engine runs and again if the engine emptied it; `before`: what was held back.
    static func emptied(_ folder: String, known: Int, before: String) -> Failure {
        Failure(message: "the sync folder's \(folder)/ is empty but \(known) records were synced from it; nothing was \(before). "
                + "To write them all to the folder again, `kith sync --rewrite`; to delete them all here, `kith sync --delete-all`")
    }

    /// Whether a folder holds at least one record file, read only until the first.
    static func holdsARecordFile(_ dir: String) -> Bool {
        guard let d = opendir(dir) else { return false }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if !name.hasPrefix(".") && (name.hasSuffix(".vcf") || name.hasSuffix(".ics")) { return true }
        }
        return false
    }

    /// Whether a folder is as the last sync left it (its mtime and inode).
    func folderUnchanged(_ folder: String) throws -> Bool {
        guard let now = Self.stat(root + "/" + folder), try store.setting(Self.retryKey) != "1" else { return false }
        return try store.setting("sync.folder." + folder) == now
    }

    static let retryKey = "sync.retry"

    /// Forgets what was synced (the bases and the folders' stats), so the next sync writes
    /// every record anew: for a folder emptied or lost, after it was moved aside.
    public func forgetFolder() throws {
        try store.forgetSync()
    }

    func rememberFolders(_ folders: [String] = ["contacts", "journal"]) throws {
        for folder in folders {
            if let st = Self.stat(root + "/" + folder) { try store.setSetting("sync.folder." + folder, st) }
        }
    }

    /// The files written without syncing each, synced at once.
    func syncToDisk() throws {
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        if kith_syncfs(fd) != 0 { throw Failure(message: "cannot sync the sync folder to disk: \(String(cString: strerror(errno)))") }
    }

    /// Where `kith sync merge` (run by the engine) counts the merges it made.
    public static let mergeCountKey = "sync.merges"

    /// The merges the engine asked for since the last look, forgotten once read.
    public func takeMergeCount() throws -> Int {
        let n = Int(try store.setting(Self.mergeCountKey) ?? "0") ?? 0
        if n > 0 { try store.setSetting(Self.mergeCountKey, "0") }
        return n
    }

    /// How long a moment deleted on another device can be brought back (`kith trash`).
    public static let trashDays = 30

    // MARK: files

    func path(_ kind: SyncRecord.Kind, fileName: String) -> String { root + "/" + kind.folder + "/" + fileName }

    /// The folders, 0700, never through a link.
    func makeFolders() throws {
        // The folders above it too (`dir = "~/sync/kith"` in a fresh home), private as well.
        var ancestors: [String] = []
        var up = (root as NSString).deletingLastPathComponent
        while !up.isEmpty, up != "/", !FileManager.default.fileExists(atPath: up) {
            ancestors.insert(up, at: 0)
            up = (up as NSString).deletingLastPathComponent
        }
        for dir in ancestors + [root, root + "/contacts", root + "/journal"] {
            if mkdir(dir, 0o700) != 0 && errno != EEXIST {
                throw Failure(message: "cannot make the sync folder \(dir): \(String(cString: strerror(errno)))")
            }
            var st = Foundation.stat()
            guard lstat(dir, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
                throw Failure(message: "the sync folder \(dir) is not a folder (a link or a file is there)")
            }
        }
    }

    func write(_ text: String, to path: String) throws {
        do { try PrivateFile.write(Array(text.utf8), to: path, durable: false) } catch { throw Failure(message: error.description) }
    }

    /// The record files of a folder: `*.vcf` or `*.ics`, not hidden, not a temporary file
    /// of kith's or vdirsyncer's (`UID.icsXXXXXXXX`).
    static func files(in dir: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".vcf") || $0.hasSuffix(".ics")) }.sorted()
    }

    static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(validating: data, as: UTF8.self)
    }

    /// "size:mtime:inode", or nil when there is no file.
    static func stat(_ path: String) -> String? {
        var st = Foundation.stat()
        guard lstat(path, &st) == 0 else { return nil }
        return "\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec):\(st.st_ino)"
    }

    /// What the base keeps of a file: its name and its stat.
    static func statLine(_ path: String) -> String {
        ((path as NSString).lastPathComponent) + "|" + (stat(path) ?? "")
    }

    static func fileName(_ statLine: String) -> String { String(statLine.prefix { $0 != "|" }) }
    static func statPart(_ statLine: String) -> String { String(statLine.drop { $0 != "|" }.dropFirst()) }
}

/// Linux's syncfs(2), which Glibc's Swift module does not bring: one call flushes every
/// file of the folder's file system, where a fsync per file cost 100,000 calls.
@_silgen_name("syncfs") private func kith_syncfs(_ fd: Int32) -> Int32
