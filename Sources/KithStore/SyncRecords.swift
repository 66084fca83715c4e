import GRDB
import GRDBSQLite
import KithCore
import KithSync

/// The store's rows as sync records and back. A record names people and groups by UID,
/// never by the local ids, which differ from device to device.
extension Store {
    /// One record as the store holds it now; nil when it is gone (deleted).
    public func syncRecord(_ kind: SyncRecord.Kind, uid: String) throws(StoreError) -> SyncRecord? {
        try read { db in try SyncRows.record(db, kind, uid) }
    }

    /// The lines of a person's card kith keeps without modelling them (phones, emails,
    /// addresses, other apps' lines), as they came.
    public func cardLines(person id: Int64) throws(StoreError) -> [String] {
        try read { db in
            let extra = try String.fetchOne(db, sql: "SELECT card_extra FROM people WHERE id = ?", arguments: [id]) ?? ""
            return extra.isEmpty ? [] : extra.components(separatedBy: "\n")
        }
    }

    /// The same for everyone who has such lines, in one read (the roster's).
    public func cardLinesByPerson() throws(StoreError) -> [Int64: [String]] {
        try read { db in
            var out: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, card_extra FROM people WHERE card_extra IS NOT NULL AND card_extra != ''") {
                out[row[0]] = (row[1] as String).components(separatedBy: "\n")
            }
            return out
        }
    }

    /// Every record's kind and UID: what the first sync writes.
    public func syncUIDs() throws(StoreError) -> [(kind: SyncRecord.Kind, uid: String)] {
        try read { db in
            var out: [(SyncRecord.Kind, String)] = []
            for (kind, sql) in [(SyncRecord.Kind.person, "SELECT uid FROM people"), (.group, "SELECT uid FROM groups"),
                                (.moment, "SELECT uid FROM moments"), (.reminder, "SELECT uid FROM reminders"),
                                (.self, "SELECT 'self-' || strftime('%Y%m%d', day * 86400, 'unixepoch') FROM self_checkins")] {
                out += try String.fetchAll(db, sql: sql).map { (kind, $0) }
            }
            return out
        }
    }

    /// The UIDs of groups and reminders by id, for a backup (moments' come with their pages).
    public func recordUIDs() throws(StoreError) -> (groups: [Int64: String], reminders: [Int64: String]) {
        try read { db in
            func map(_ table: String) throws -> [Int64: String] {
                var out: [Int64: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, uid FROM \(table) WHERE uid IS NOT NULL") { out[row[0]] = row[1] }
                return out
            }
            return (try map("groups"), try map("reminders"))
        }
    }

    /// Names by UID, for what other apps show (a moment's title and categories).
    public func syncNames() throws(StoreError) -> [String: String] {
        try read { db in
            var out: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT uid, name FROM people UNION ALL SELECT uid, name FROM groups") {
                out[row[0]] = row[1]
            }
            return out
        }
    }

    /// Writes a record that came from the folder into the store, leaving no change note
    /// (the folder has it already). A record naming a person or group the store does not
    /// have is refused with one line; the next sync tries again.
    public func applySync(_ r: SyncRecord, createdAt: Int) throws(StoreError) {
        try write { db in
            do { try SyncRows.apply(db, r, createdAt: createdAt) } catch let e as SyncRows.Refused {
                throw StoreError.conflict(e.message)
            }
            try db.execute(sql: "DELETE FROM sync_changes WHERE kind = ? AND uid = ?", arguments: [r.kind.rawValue, r.uid])
        }
    }

    /// Deletes a record whose file was deleted in the folder, leaving no change note. A
    /// moment goes to the trash (`deletedAt`, seconds since 1970) for 30 days first. A
    /// person with moments here is archived instead, and their card noted to go back into
    /// the folder: without it a new device never got them, and one edit there took them
    /// off their moments everywhere. Returns whether it archived rather than deleted.
    @discardableResult
    public func deleteSync(_ kind: SyncRecord.Kind, uid: String, deletedAt: Int = 0) throws(StoreError) -> Bool {
        try write { db in
            if kind == .moment, let r = try SyncRows.moment(db, uid) {
                try db.execute(sql: "INSERT OR REPLACE INTO sync_trash (uid, text, deleted_at) VALUES (?, ?, ?)",
                               arguments: [uid, SyncCodec.encode(r), deletedAt])
            }
            var archived = false
            switch kind {
            case .person:
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM people WHERE uid = ?", arguments: [uid]) else { break }
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM moment_people WHERE person_id = ?)", arguments: [id]) == true {
                    try db.execute(sql: "UPDATE people SET archived = 1 WHERE id = ?", arguments: [id])
                    try db.execute(sql: """
                        INSERT INTO sync_changes (kind, uid, at) VALUES ('person', ?, \(Schema.nowMillis))
                        ON CONFLICT (kind, uid) DO UPDATE SET at = excluded.at
                        """, arguments: [uid])
                    archived = true
                } else {
                    try db.execute(sql: "DELETE FROM people WHERE id = ?", arguments: [id])
                }
            case .group: try db.execute(sql: "DELETE FROM groups WHERE uid = ?", arguments: [uid])
            case .moment: try db.execute(sql: "DELETE FROM moments WHERE uid = ?", arguments: [uid])
            case .reminder: try db.execute(sql: "DELETE FROM reminders WHERE uid = ?", arguments: [uid])
            case .self:
                guard let day = SyncRows.selfDay(uid) else { break }
                try db.execute(sql: "DELETE FROM self_checkins WHERE day = ?", arguments: [day.ordinal])
            }
            if !archived {
                try db.execute(sql: "DELETE FROM sync_changes WHERE kind = ? AND uid = ?", arguments: [kind.rawValue, uid])
            }
            return archived
        }
    }

    // MARK: the trash

    /// Moments deleted on another device, newest deletion first: UID, the moment's record
    /// and when it was deleted here.
    public func syncTrash() throws(StoreError) -> [(uid: String, record: SyncRecord, deletedAt: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT uid, text, deleted_at FROM sync_trash ORDER BY deleted_at DESC, uid").compactMap { row in
                guard let r = try? SyncCodec.decode(row[1] as String) else { return nil }
                return (row[0], r, row[2])
            }
        }
    }

    /// Brings a moment back from the trash, and notes it as changed so the next sync
    /// writes it to the folder again (the other devices get it back too).
    public func restoreFromTrash(uid: String, at: Int64) throws(StoreError) {
        try write { db in
            guard let text = try String.fetchOne(db, sql: "SELECT text FROM sync_trash WHERE uid = ?", arguments: [uid]),
                  let r = try? SyncCodec.decode(text) else { throw StoreError.notFound("nothing in the trash has the UID \(uid)") }
            do { try SyncRows.apply(db, r, createdAt: Int(at / 1000)) } catch let e as SyncRows.Refused { throw StoreError.conflict(e.message) }
            try db.execute(sql: "DELETE FROM sync_trash WHERE uid = ?", arguments: [uid])
            try db.execute(sql: """
                INSERT INTO sync_changes (kind, uid, at) VALUES ('moment', ?, ?) ON CONFLICT (kind, uid) DO UPDATE SET at = excluded.at
                """, arguments: [uid, at])
        }
    }

    /// Forgets what was deleted before `before` (seconds since 1970).
    public func emptyTrash(before: Int) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM sync_trash WHERE deleted_at < ?", arguments: [before]) }
    }

    // MARK: the base: each record's file as last synced

    /// Each record's file name and stat at the last sync: enough to pass over a file
    /// that did not change without reading it.
    public func syncBaseStats() throws(StoreError) -> [SyncRecord.Kind: [String: String]] {
        try read { db in
            var out: [SyncRecord.Kind: [String: String]] = [:]
            try Store.step(db, sql: "SELECT kind, uid, stat FROM sync_base") { s in
                guard let kind = SyncRecord.Kind(rawValue: String(cString: sqlite3_column_text(s, 0))) else { return }
                out[kind, default: [:]][String(cString: sqlite3_column_text(s, 1))] = String(cString: sqlite3_column_text(s, 2))
            }
            return out
        }
    }

    /// How many records of these kinds were synced (have a base).
    public func syncBaseCount(kinds: [SyncRecord.Kind]) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_base WHERE kind IN (SELECT value FROM json_each(?))",
                             arguments: ["[" + kinds.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"]) ?? 0
        }
    }

    /// A record's file as last synced: the base of a three-way merge (empty text: the
    /// record has not been carried anywhere yet).
    public func syncBase(_ kind: SyncRecord.Kind, uid: String) throws(StoreError) -> (text: String, stat: String)? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT text, stat FROM sync_base WHERE kind = ? AND uid = ?"),
                             arguments: [kind.rawValue, uid]).map { ($0[0], $0[1]) }
        }
    }

    /// Records the files as now synced (nil text: the record and its file are gone).
    /// `pending`: kith wrote these to the folder and the engine has yet to carry them:
    /// their stat is kept now, their text becomes the base when `settleSyncBases` runs.
    public func setSyncBases(_ bases: [(kind: SyncRecord.Kind, uid: String, text: String?, stat: String)],
                             pending: Bool = false) throws(StoreError) {
        guard !bases.isEmpty else { return }
        try write { db in
            let put = try db.makeStatement(sql: "INSERT OR REPLACE INTO sync_base (kind, uid, text, stat) VALUES (?, ?, ?, ?)")
            let stage = try db.makeStatement(sql: """
                INSERT INTO sync_base (kind, uid, text, stat, pending) VALUES (?, ?, '', ?, ?)
                ON CONFLICT (kind, uid) DO UPDATE SET stat = excluded.stat, pending = excluded.pending
                """)
            let drop = try db.makeStatement(sql: "DELETE FROM sync_base WHERE kind = ? AND uid = ?")
            for b in bases {
                if let text = b.text {
                    if pending { try stage.execute(arguments: [b.kind.rawValue, b.uid, b.stat, text]) }
                    else { try put.execute(arguments: [b.kind.rawValue, b.uid, text, b.stat]) }
                } else {
                    try drop.execute(arguments: [b.kind.rawValue, b.uid])
                }
            }
        }
    }

    /// The engine has carried what kith wrote: it is the base from now on.
    public func settleSyncBases() throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE sync_base SET text = pending, pending = NULL WHERE pending IS NOT NULL")
        }
    }
}

/// The SQL behind the records: one reader and one writer per kind.
enum SyncRows {
    struct Refused: Error { let message: String }

    static func compact(_ d: Day) -> String { d.iso.replacingOccurrences(of: "-", with: "") }

    static func day(_ s: String?) -> Day? {
        guard let s else { return nil }
        let digits = s.prefix { $0 != "T" }.filter(\.isNumber)
        guard digits.count == 8, let y = Int(digits.prefix(4)), let m = Int(digits.dropFirst(4).prefix(2)),
              let d = Int(digits.suffix(2)) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// `1990-04-15`, `--04-15` (the year unknown), or the same without hyphens.
    static func birthday(_ s: String) -> Birthday? {
        let noYear = s.hasPrefix("--")
        let digits = s.filter(\.isNumber)
        if noYear, digits.count == 4 { return Birthday(month: Int(digits.prefix(2))!, day: Int(digits.suffix(2))!, year: nil) }
        guard !noYear, digits.count == 8 else { return nil }
        return Birthday(month: Int(digits.dropFirst(4).prefix(2))!, day: Int(digits.suffix(2))!, year: Int(digits.prefix(4))!)
    }

    static func selfDay(_ uid: String) -> Day? { uid.hasPrefix("self-") ? day(String(uid.dropFirst(5))) : nil }

    static func record(_ db: Database, _ kind: SyncRecord.Kind, _ uid: String) throws -> SyncRecord? {
        switch kind {
        case .person: try person(db, uid)
        case .group: try group(db, uid)
        case .moment: try moment(db, uid)
        case .reminder: try reminder(db, uid)
        case .self: try selfCheckin(db, uid)
        }
    }

    static func person(_ db: Database, _ uid: String) throws -> SyncRecord? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT p.*, s.until_day AS snooze FROM people p LEFT JOIN snoozes s ON s.person_id = p.id WHERE p.uid = ?
            """), arguments: [uid]) else { return nil }
        var r = SyncRecord(kind: .person, uid: uid, modified: 0)
        r["name"] = row["name"]
        r["nickname"] = row["nickname"]
        r["circle"] = row["circle"]
        r["cadence"] = (row["cadence_days"] as Int?).map(String.init)
        if let month: Int = row["birthday_month"], let day: Int = row["birthday_day"] {
            r["birthday"] = Birthday(month: month, day: day, year: row["birthday_year"])?.description
        }
        r["bond"] = row["bond"]
        r["notes"] = (row["notes"] as String?).flatMap { $0.isEmpty ? nil : $0 }
        r["archived"] = (row["archived"] as Int?) == 1 ? "1" : nil
        r["added"] = compact(Day(ordinal: row["added_day"]))
        r["snooze"] = (row["snooze"] as Int?).map { compact(Day(ordinal: $0)) }
        if let extra: String = row["card_extra"], !extra.isEmpty { r.fields["extra"] = .many(extra.components(separatedBy: "\n")) }
        return r
    }

    static func group(_ db: Database, _ uid: String) throws -> SyncRecord? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT g.*, s.until_day AS snooze FROM groups g LEFT JOIN snoozes s ON s.group_id = g.id WHERE g.uid = ?
            """), arguments: [uid]) else { return nil }
        var r = SyncRecord(kind: .group, uid: uid, modified: 0)
        r["name"] = row["name"]
        r["cadence"] = (row["cadence_days"] as Int?).map(String.init)
        r["notes"] = (row["notes"] as String?).flatMap { $0.isEmpty ? nil : $0 }
        r["added"] = compact(Day(ordinal: row["added_day"]))
        r["snooze"] = (row["snooze"] as Int?).map { compact(Day(ordinal: $0)) }
        let members = try String.fetchAll(db.cachedStatement(sql: """
            SELECT p.uid FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.group_id = ? ORDER BY p.uid
            """), arguments: [row["id"] as Int64])
        if !members.isEmpty { r.fields["members"] = .many(members) }
        return r
    }

    static func moment(_ db: Database, _ uid: String) throws -> SyncRecord? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT m.*, g.uid AS group_uid FROM moments m LEFT JOIN groups g ON g.id = m.group_id WHERE m.uid = ?
            """), arguments: [uid]) else { return nil }
        let id: Int64 = row["id"]
        var r = SyncRecord(kind: .moment, uid: uid, modified: 0)
        var start = compact(Day(ordinal: row["day"]))
        if let minute: Int = row["minute"] {
            start += "T" + String(format: "%02d%02d00", minute / 60, minute % 60)
        }
        r["start"] = start
        r["note"] = (row["note"] as String?).flatMap { $0.isEmpty ? nil : $0 }
        r["group"] = row["group_uid"]
        r["channel"] = row["channel"]
        r["initiator"] = row["initiator"]
        r["uplift"] = (row["uplift"] as Int?).map(String.init)
        r["depth"] = row["depth"]
        r["received"] = row["received"]
        r["created"] = (row["created_at"] as Int?).map(String.init)
        let people = try String.fetchAll(db.cachedStatement(sql: """
            SELECT p.uid FROM moment_people mp JOIN people p ON p.id = mp.person_id WHERE mp.moment_id = ? ORDER BY p.uid
            """), arguments: [id])
        if !people.isEmpty { r.fields["people"] = .many(people) }
        let kinds = MomentKind.kinds(mask: row["kinds"]).map(\.rawValue)
        if !kinds.isEmpty { r.fields["kinds"] = .many(kinds) }
        let emotions = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT word, intensity FROM moment_emotions WHERE moment_id = ? ORDER BY position
            """), arguments: [id]).map { "\($0[0] as String):\($0[1] as Int)" }
        if !emotions.isEmpty { r.fields["emotions"] = .many(emotions) }
        if let extra: String = row["extra"], !extra.isEmpty { r.fields["extra"] = .many(extra.components(separatedBy: "\n")) }
        return r
    }

    static let states: [String: String] = ["open": "NEEDS-ACTION", "done": "COMPLETED", "dismissed": "CANCELLED"]

    static func reminder(_ db: Database, _ uid: String) throws -> SyncRecord? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT r.*, p.uid AS person_uid, g.uid AS group_uid FROM reminders r
            LEFT JOIN people p ON p.id = r.person_id LEFT JOIN groups g ON g.id = r.group_id WHERE r.uid = ?
            """), arguments: [uid]) else { return nil }
        var r = SyncRecord(kind: .reminder, uid: uid, modified: 0)
        r["text"] = row["text"]
        r["due"] = compact(Day(ordinal: row["on_day"]))
        r["state"] = states[row["state"] as String] ?? "NEEDS-ACTION"
        r["closed"] = (row["closed_day"] as Int?).map { compact(Day(ordinal: $0)) }
        r["person"] = row["person_uid"]
        r["group"] = row["group_uid"]
        return r
    }

    static func selfCheckin(_ db: Database, _ uid: String) throws -> SyncRecord? {
        guard let day = selfDay(uid), let c = try Store.selfCheckins(db, since: day, until: day).first else { return nil }
        var r = SyncRecord(kind: .self, uid: uid, modified: 0)
        r["start"] = compact(day)
        r["closeness"] = c.closeness.map(String.init)
        r["loneliness"] = c.loneliness.map { $0.answers.map { String($0.rawValue) }.joined(separator: "-") }
        let emotions = c.emotions.map { "\($0.word):\($0.intensity)" }
        if !emotions.isEmpty { r.fields["emotions"] = .many(emotions) }
        return r
    }

    // MARK: writing records in

    static func apply(_ db: Database, _ r: SyncRecord, createdAt: Int) throws {
        switch r.kind {
        case .person: try applyPerson(db, r)
        case .group: try applyGroup(db, r)
        case .moment: try applyMoment(db, r, createdAt: createdAt)
        case .reminder: try applyReminder(db, r, createdAt: createdAt)
        case .self: try applySelf(db, r, createdAt: createdAt)
        }
    }

    static func id(_ db: Database, _ table: String, _ uid: String?) throws -> Int64? {
        guard let uid else { return nil }
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM \(table) WHERE uid = ?"), arguments: [uid])
    }

    static func text(_ r: SyncRecord, _ field: String, _ what: String) throws -> String {
        guard let v = r[field], !v.trimmingSpaces.isEmpty else { throw Refused(message: "no \(what)") }
        return v
    }

    static func applyPerson(_ db: Database, _ r: SyncRecord) throws {
        let name = try text(r, "name", "name")
        let existing = try id(db, "people", r.uid)
        if let other = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM people WHERE kith_fold(name) = ? AND uid IS NOT ?"),
                                           arguments: [Folding.fold(name), r.uid]) {
            throw Refused(message: "someone named \"\(other)\" is already in kith under another UID; rename one of them")
        }
        var birthday: Birthday?
        if let b = r["birthday"] { birthday = SyncRows.birthday(b) }
        let circle = Circle(rawValue: r["circle"] ?? "") ?? .friends
        let cadence = r["cadence"].flatMap { Int($0) }.map { min(3650, max(1, $0)) }
        let bond = r["bond"].flatMap(BondPurpose.init(rawValue:))
        let added = day(r["added"]) ?? Day(ordinal: 0)
        let args: [(any DatabaseValueConvertible)?] = [
            name, r["nickname"], circle.rawValue, cadence, birthday?.month, birthday?.day, birthday?.year, bond?.rawValue,
            r["notes"] ?? "", r["archived"] == "1" ? 1 : 0, r.many("extra").joined(separator: "\n"),
        ]
        if let existing {
            try db.execute(sql: """
                UPDATE people SET name = ?, nickname = ?, circle = ?, cadence_days = ?, birthday_month = ?, birthday_day = ?,
                    birthday_year = ?, bond = ?, notes = ?, archived = ?, card_extra = ? WHERE id = ?
                """, arguments: StatementArguments(args + [existing]))
        } else {
            try db.execute(sql: """
                INSERT INTO people (name, nickname, circle, cadence_days, birthday_month, birthday_day, birthday_year, bond, notes,
                    archived, card_extra, added_day, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: StatementArguments(args + [added.ordinal, r.uid]))
        }
        let pid = try id(db, "people", r.uid)!
        try setSnooze(db, column: "person_id", pid, r["snooze"])
    }

    static func setSnooze(_ db: Database, column: String, _ id: Int64, _ until: String?) throws {
        try db.execute(sql: "DELETE FROM snoozes WHERE \(column) = ?", arguments: [id])
        if let d = day(until) { try db.execute(sql: "INSERT INTO snoozes (\(column), until_day) VALUES (?, ?)", arguments: [id, d.ordinal]) }
    }

    static func applyGroup(_ db: Database, _ r: SyncRecord) throws {
        let name = try text(r, "name", "name")
        if let other = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM groups WHERE kith_fold(name) = ? AND uid IS NOT ?"),
                                           arguments: [Folding.fold(name), r.uid]) {
            throw Refused(message: "a group named \"\(other)\" is already in kith under another UID; rename one of them")
        }
        let cadence = r["cadence"].flatMap { Int($0) }.map { min(3650, max(1, $0)) }
        if let gid = try id(db, "groups", r.uid) {
            try db.execute(sql: "UPDATE groups SET name = ?, cadence_days = ?, notes = ? WHERE id = ?",
                           arguments: [name, cadence, r["notes"] ?? "", gid])
        } else {
            try db.execute(sql: "INSERT INTO groups (name, cadence_days, notes, added_day, uid) VALUES (?, ?, ?, ?, ?)",
                           arguments: [name, cadence, r["notes"] ?? "", (day(r["added"]) ?? Day(ordinal: 0)).ordinal, r.uid])
        }
        let gid = try id(db, "groups", r.uid)!
        let members = try r.many("members").compactMap { try id(db, "people", $0) }
        let now = Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT person_id FROM memberships WHERE group_id = ?"), arguments: [gid]))
        for p in now.subtracting(members) {
            try db.execute(sql: "DELETE FROM memberships WHERE group_id = ? AND person_id = ?", arguments: [gid, p])
        }
        for p in Set(members).subtracting(now) {
            try db.execute(sql: "INSERT INTO memberships (group_id, person_id) VALUES (?, ?)", arguments: [gid, p])
        }
        try setSnooze(db, column: "group_id", gid, r["snooze"])
    }

    /// A record's emotions ("sad:2"), each intensity held to 1-3.
    static func emotionTags(_ r: SyncRecord) -> [EmotionTag] {
        r.many("emotions").compactMap { v -> EmotionTag? in
            guard let colon = v.lastIndex(of: ":"), let n = Int(v[v.index(after: colon)...]) else { return nil }
            return EmotionTag(word: String(v[..<colon]), intensity: min(3, max(1, n)))
        }
    }

    static func applyMoment(_ db: Database, _ r: SyncRecord, createdAt: Int) throws {
        guard let start = r["start"], let d = day(start) else { throw Refused(message: "no date (DTSTART)") }
        var minute: Int?
        if let t = start.split(separator: "T").dropFirst().first, t.count >= 4, let h = Int(t.prefix(2)), let m = Int(t.dropFirst(2).prefix(2)) {
            minute = h * 60 + m
        }
        var people = try r.many("people").compactMap { try id(db, "people", $0) }
        if people.isEmpty && r.many("people").isEmpty {
            // An entry another app wrote (jtx Board on a phone): who it was with is in its
            // categories, by name.
            for name in r.categories {
                if let pid = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM people WHERE kith_fold(name) = ?"),
                                                arguments: [Folding.fold(name)]), !people.contains(pid) { people.append(pid) }
            }
        }
        guard !people.isEmpty else {
            throw Refused(message: "names nobody kith knows (its people have not arrived, or were removed)")
        }
        // A group not here yet (still on its way, or held back by a name clash) keeps the
        // moment waiting: taken in without it, the moment lost its group for good, on
        // every device once it was edited.
        let group = try id(db, "groups", r["group"])
        if r["group"] != nil && group == nil {
            throw Refused(message: "names a group kith does not have (it has not arrived, or was held back); tried again at the next sync")
        }
        let emotions = emotionTags(r)
        var m = Moment(day: d, time: minute.flatMap(TimeOfDay.init(minutes:)), people: people, groupID: group,
                       channel: Channel(rawValue: r["channel"] ?? "") ?? .inPerson,
                       initiator: Initiator(rawValue: r["initiator"] ?? "") ?? .mutual,
                       kinds: r.many("kinds").compactMap(MomentKind.init(rawValue:)), emotions: emotions,
                       uplift: r["uplift"].flatMap { Int($0) }.map { min(2, max(-2, $0)) },
                       depth: Depth(rawValue: r["depth"] ?? "") ?? .light, received: nil, note: r["note"] ?? "")
        if m.depth == .vulnerable { m.received = r["received"].flatMap(Reception.init(rawValue:)) }
        let args: [(any DatabaseValueConvertible)?] = [m.day.ordinal, m.time?.minutes, m.groupID, m.channel.rawValue, m.initiator.rawValue,
                                                       MomentKind.mask(m.kinds), m.uplift, m.depth.rawValue, m.received?.rawValue, m.note,
                                                       r.many("extra").joined(separator: "\n")]
        if let mid = try id(db, "moments", r.uid) {
            try db.execute(sql: """
                UPDATE moments SET day = ?, minute = ?, group_id = ?, channel = ?, initiator = ?, kinds = ?, uplift = ?,
                    depth = ?, received = ?, note = ?, extra = ? WHERE id = ?
                """, arguments: StatementArguments(args + [mid]))
            try db.execute(sql: "DELETE FROM moment_people WHERE moment_id = ?", arguments: [mid])
            try db.execute(sql: "DELETE FROM moment_emotions WHERE moment_id = ?", arguments: [mid])
            m.id = mid
        } else {
            try db.execute(sql: """
                INSERT INTO moments (day, minute, group_id, channel, initiator, kinds, uplift, depth, received, note, extra, created_at, uid)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: StatementArguments(args + [r["created"].flatMap { Int($0) } ?? createdAt, r.uid]))
            m.id = db.lastInsertedRowID
        }
        try Store.insertParts(db, m)
    }

    static func applyReminder(_ db: Database, _ r: SyncRecord, createdAt: Int) throws {
        let text = try self.text(r, "text", "text (SUMMARY)")
        guard let due = day(r["due"]) else { throw Refused(message: "no day (DUE)") }
        let person = try id(db, "people", r["person"]), group = try id(db, "groups", r["group"])
        guard (person == nil) != (group == nil) else { throw Refused(message: "names nobody kith knows") }
        let state = states.first { $0.value == r["state"] }?.key ?? "open"
        let closed = day(r["closed"])?.ordinal
        if let rid = try id(db, "reminders", r.uid) {
            try db.execute(sql: "UPDATE reminders SET person_id = ?, group_id = ?, text = ?, on_day = ?, state = ?, closed_day = ? WHERE id = ?",
                           arguments: [person, group, text, due.ordinal, state, closed, rid])
        } else {
            try db.execute(sql: """
                INSERT INTO reminders (person_id, group_id, text, on_day, state, closed_day, created_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [person, group, text, due.ordinal, state, closed, createdAt, r.uid])
        }
    }

    static func applySelf(_ db: Database, _ r: SyncRecord, createdAt: Int) throws {
        guard let d = selfDay(r.uid) else { throw Refused(message: "not a day's check-in") }
        let answers = (r["loneliness"] ?? "").split(separator: "-").compactMap { Int($0).flatMap(Loneliness.Answer.init(rawValue:)) }
        let loneliness = answers.count == 3 ? Loneliness(lackCompanionship: answers[0], leftOut: answers[1], isolated: answers[2]) : nil
        let emotions = emotionTags(r)
        let c = SelfCheckin(day: d, closeness: r["closeness"].flatMap { Int($0) }.map { min(7, max(1, $0)) },
                            emotions: emotions, loneliness: loneliness)
        try db.execute(sql: "DELETE FROM self_checkins WHERE day = ?", arguments: [d.ordinal])
        try Store.insertSelfCheckin(db, c, createdAt: createdAt)
    }
}
