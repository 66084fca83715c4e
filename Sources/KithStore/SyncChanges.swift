import GRDB
import KithCore

/// A record noted as changed since the sync folder was last written: its kind
/// (person, group, moment, reminder, self), its UID and when (ms since 1970).
public struct SyncChange: Hashable, Sendable {
    public let kind: String
    public let uid: String
    public let at: Int64

    public init(kind: String, uid: String, at: Int64) {
        self.kind = kind
        self.uid = uid
        self.at = at
    }
}

extension Store {
    /// Whether changes are being noted (the first sync turns this on).
    public func isTrackingSyncChanges() throws(StoreError) -> Bool {
        try setting("sync.tracking") != nil
    }

    /// Starts noting changes: from now on every write to a synced record leaves a note.
    public func startTrackingSyncChanges() throws(StoreError) {
        try setSetting("sync.tracking", "1")
    }

    /// The records changed since the folder was last written, oldest change first.
    public func syncChanges() throws(StoreError) -> [SyncChange] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT kind, uid, at FROM sync_changes ORDER BY at, kind, uid").map {
                SyncChange(kind: $0[0], uid: $0[1], at: $0[2])
            }
        }
    }

    /// Forgets the notes the folder now reflects. A note whose record changed again since
    /// it was read (a later `at`) stays, so a write made during a sync is never lost.
    public func clearSyncChanges(_ done: [SyncChange]) throws(StoreError) {
        try write { db in
            let delete = try db.makeStatement(sql: "DELETE FROM sync_changes WHERE kind = ? AND uid = ? AND at = ?")
            for c in done { try delete.execute(arguments: [c.kind, c.uid, c.at]) }
        }
    }

    /// Forgets every sync base and the folders' stats, and stops noting changes: the next
    /// sync is a first one, writing every record (files already holding it stay as they are).
    public func forgetSync() throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM sync_base")
            try db.execute(sql: "DELETE FROM sync_changes")
            try db.execute(sql: "DELETE FROM settings WHERE key IN ('sync.tracking', 'sync.folder.contacts', 'sync.folder.journal', 'sync.retry')")
        }
    }
}
