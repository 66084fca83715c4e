import GRDB
import KithCore

/// Writes a backup into the store while it is being read: people and groups first, then
/// moments a batch at a time, then the rest. Everything happens inside the one
/// transaction `Store.restore` opens, so a backup found broken halfway writes nothing.
///
/// Restoring (into an empty store) keeps every id, so a second export gives the same
/// bytes. Merging follows `Store.merge`'s rules: the store's own records win, and only
/// what is missing is added.
public final class BackupWriter {
    let db: Database
    let path: String
    let merging: Bool
    let createdAt: Int
    public private(set) var report = MergeReport()
    /// What was restored, for the closing line.
    public private(set) var peopleCount = 0, groupCount = 0, momentCount = 0
    private var started = false
    // Merging: the backup's ids → the store's, and the moments the store held before.
    private var personMap: [Int64: Int64] = [:], groupMap: [Int64: Int64] = [:]
    private var existing = Set<String>()

    init(db: Database, path: String, merging: Bool, createdAt: Int) {
        self.db = db
        self.path = path
        self.merging = merging
        self.createdAt = createdAt
    }

    /// Every person and group, before any moment.
    public func start(people: [Person], groups: [(group: Group, members: [Int64])]) throws {
        precondition(!started, "start is called once")
        started = true
        peopleCount = people.count
        groupCount = groups.count
        if merging { try mergeStart(people: people, groups: groups) } else { try restoreStart(people: people, groups: groups) }
    }

    /// The next moments, in the backup's order.
    public func add(_ moments: [Moment]) throws {
        precondition(started, "start comes before moments")
        momentCount += moments.count
        if merging { try mergeMoments(moments) } else { try restoreMoments(moments) }
    }

    /// Reminders, snoozes, settings and self check-ins, after every moment.
    public func finish(reminders: [Reminder], snoozes: Snoozes, settings: [String: String], selfCheckins: [SelfCheckin]) throws {
        if !started { try start(people: [], groups: []) }
        if merging {
            try mergeRest(reminders: reminders, snoozes: snoozes, settings: settings, selfCheckins: selfCheckins)
        } else {
            try restoreRest(reminders: reminders, snoozes: snoozes, settings: settings, selfCheckins: selfCheckins)
        }
    }

    // MARK: restoring, ids kept

    private func restoreStart(people: [Person], groups: [(group: Group, members: [Int64])]) throws {
        let existing = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM groups)") ?? 0
        guard existing == 0 else { throw StoreError.conflict("\(path) is not empty; add --merge to merge the backup into it, or restore into a new --store path") }
        let person = try db.makeStatement(sql: """
            INSERT INTO people (id, name, nickname, circle, cadence_days, birthday_month, birthday_day, birthday_year,
                                bond, notes, archived, added_day, uid, card_fn, card_n)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for p in people {
            try person.execute(arguments: [p.id, p.name, p.nickname, p.circle.rawValue, p.cadenceDays, p.birthday?.month,
                                           p.birthday?.day, p.birthday?.year, p.bond?.rawValue, p.notes, p.archived,
                                           p.addedOn.ordinal, p.uid ?? Store.newUID(), p.card?.name, p.card?.structuredName])
        }
        let group = try db.makeStatement(sql: "INSERT INTO groups (id, name, cadence_days, notes, added_day, uid) VALUES (?, ?, ?, ?, ?, ?)")
        let member = try db.makeStatement(sql: "INSERT INTO memberships (group_id, person_id) VALUES (?, ?)")
        for (g, members) in groups {
            try group.execute(arguments: [g.id, g.name, g.cadenceDays, g.notes, g.addedOn.ordinal, g.uid])
            for m in members { try member.execute(arguments: [g.id, m]) }
        }
    }

    private func restoreMoments(_ moments: [Moment]) throws {
        let moment = try db.cachedStatement(sql: """
            INSERT INTO moments (id, day, minute, group_id, channel, initiator, kinds, uplift, depth, received, note, created_at, uid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let who = try db.cachedStatement(sql: "INSERT INTO moment_people (moment_id, person_id, day) VALUES (?, ?, ?)")
        let felt = try db.cachedStatement(sql: "INSERT INTO moment_emotions (moment_id, word, intensity, position) VALUES (?, ?, ?, ?)")
        for m in moments {
            try m.validate()
            try moment.execute(arguments: [m.id, m.day.ordinal, m.time?.minutes, m.groupID, m.channel.rawValue,
                                           m.initiator.rawValue, MomentKind.mask(m.kinds), m.uplift, m.depth.rawValue,
                                           m.received?.rawValue, m.note, createdAt, m.uid])
            for p in m.people { try who.execute(arguments: [m.id, p, m.day.ordinal]) }
            for (i, e) in m.emotions.enumerated() { try felt.execute(arguments: [m.id, e.word, e.intensity, i]) }
        }
    }

    private func restoreRest(reminders: [Reminder], snoozes: Snoozes, settings: [String: String], selfCheckins: [SelfCheckin]) throws {
        for r in reminders {
            try db.execute(sql: """
                INSERT INTO reminders (id, person_id, group_id, text, on_day, state, created_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [r.id, r.personID, r.groupID, r.text, r.on.ordinal, r.state.rawValue, createdAt, r.uid])
        }
        for (p, day) in snoozes.people {
            try db.execute(sql: "INSERT INTO snoozes (person_id, until_day) VALUES (?, ?)", arguments: [p, day.ordinal])
        }
        for (g, day) in snoozes.groups {
            try db.execute(sql: "INSERT INTO snoozes (group_id, until_day) VALUES (?, ?)", arguments: [g, day.ordinal])
        }
        for (k, v) in settings {
            try db.execute(sql: "INSERT INTO settings (key, value) VALUES (?, ?)", arguments: [k, v])
        }
        for c in selfCheckins { try Store.insertSelfCheckin(db, c, createdAt: createdAt) }
    }

    // MARK: merging, the store's records first

    private func mergeStart(people: [Person], groups: [(group: Group, members: [Int64])]) throws {
        var byUID: [String: Int64] = [:], byName: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name, uid FROM people") {
            if let uid: String = row["uid"] { byUID[uid] = row["id"] }
            byName[Folding.fold(row["name"])] = row["id"]
        }
        for p in people.sorted(by: { $0.id < $1.id }) {
            if let id = p.uid.flatMap({ byUID[$0] }) ?? byName[Folding.fold(p.name)] {
                personMap[p.id] = id
                report.peopleMatched += 1
                continue
            }
            var nickname = p.nickname
            if let nick = nickname, let other = byName[Folding.fold(nick)] {
                let name = try String.fetchOne(db, sql: "SELECT name FROM people WHERE id = ?", arguments: [other]) ?? "someone"
                report.warnings.append("\(p.name): nickname \"\(nick)\" left out: it is \(name)'s name")
                nickname = nil
            }
            let uid = p.uid.flatMap { byUID[$0] == nil ? $0 : nil } ?? Store.newUID()
            try db.execute(sql: """
                INSERT INTO people (name, nickname, circle, cadence_days, birthday_month, birthday_day, birthday_year,
                                    bond, notes, archived, added_day, uid, card_fn, card_n)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [p.name, nickname, p.circle.rawValue, p.cadenceDays, p.birthday?.month, p.birthday?.day,
                                 p.birthday?.year, p.bond?.rawValue, p.notes, p.archived, p.addedOn.ordinal, uid,
                                 p.card?.name, p.card?.structuredName])
            let id = db.lastInsertedRowID
            personMap[p.id] = id
            byUID[uid] = id
            byName[Folding.fold(p.name)] = id
            report.peopleAdded += 1
        }

        var groupByName: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM groups") { groupByName[Folding.fold(row[1])] = row[0] }
        for (g, members) in groups.sorted(by: { $0.group.id < $1.group.id }) {
            let id: Int64
            if let existing = groupByName[Folding.fold(g.name)] {
                id = existing
                report.groupsMatched += 1
            } else {
                id = try Store.insertGroup(db, name: g.name, cadenceDays: g.cadenceDays, notes: g.notes, addedOn: g.addedOn)
                groupByName[Folding.fold(g.name)] = id
                report.groupsAdded += 1
            }
            groupMap[g.id] = id
            for m in members {
                guard let p = personMap[m] else { throw StoreError.conflict("the backup's group \(g.name) names person #\(m), who is not in it") }
                try db.execute(sql: "INSERT OR IGNORE INTO memberships (group_id, person_id) VALUES (?, ?)", arguments: [id, p])
                report.membershipsAdded += db.changesCount
            }
        }

        // A moment is "already here" only when the store held the very same moment
        // before this merge began: every field, its people and its emotions alike.
        try Store.eachMomentPage(db) { page in
            for m in page { existing.insert(Store.mergeKey(m)) }
        }
    }

    /// A moment new to this store keeps the backup's UID, unless the store already has it
    /// (then the store gives a new one): the same moment on every device is one record.
    private func mergeMoments(_ moments: [Moment]) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO moments (day, minute, group_id, channel, initiator, kinds, uplift, depth, received, note, created_at, uid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT ?12 WHERE NOT EXISTS (SELECT 1 FROM moments WHERE uid = ?12)))
            """)
        for m in moments {
            var mapped = m
            mapped.people = try m.people.map { p in
                guard let id = personMap[p] else { throw StoreError.conflict("the backup's moment #\(m.id) names person #\(p), who is not in it") }
                return id
            }
            mapped.groupID = try m.groupID.map { g in
                guard let id = groupMap[g] else { throw StoreError.conflict("the backup's moment #\(m.id) names group #\(g), which is not in it") }
                return id
            }
            if existing.contains(Store.mergeKey(mapped)) { report.momentsAlreadyThere += 1; continue }
            try mapped.validate()
            try insert.execute(arguments: [m.day.ordinal, m.time?.minutes, mapped.groupID, m.channel.rawValue, m.initiator.rawValue,
                                           MomentKind.mask(m.kinds), m.uplift, m.depth.rawValue, m.received?.rawValue, m.note, createdAt,
                                           m.uid])
            mapped.id = db.lastInsertedRowID
            try Store.insertParts(db, mapped)
            report.momentsAdded += 1
        }
    }

    private func mergeRest(reminders: [Reminder], snoozes: Snoozes, settings: [String: String], selfCheckins: [SelfCheckin]) throws {
        for r in reminders.sorted(by: { $0.id < $1.id }) {
            let person = try r.personID.map { p in
                guard let id = personMap[p] else { throw StoreError.conflict("the backup's reminder #\(r.id) names person #\(p), who is not in it") }
                return id
            }
            let group = try r.groupID.map { g in
                guard let id = groupMap[g] else { throw StoreError.conflict("the backup's reminder #\(r.id) names group #\(g), which is not in it") }
                return id
            }
            let there = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM reminders WHERE person_id IS ? AND group_id IS ? AND text = ? AND on_day = ?
                """, arguments: [person, group, r.text, r.on.ordinal]) ?? 0
            guard there == 0 else { continue }
            try db.execute(sql: """
                INSERT INTO reminders (person_id, group_id, text, on_day, state, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [person, group, r.text, r.on.ordinal, r.state.rawValue, createdAt])
            report.remindersAdded += 1
        }
        for (p, until) in snoozes.people {
            guard let id = personMap[p] else { continue }
            try db.execute(sql: "INSERT OR IGNORE INTO snoozes (person_id, until_day) VALUES (?, ?)", arguments: [id, until.ordinal])
            report.snoozesAdded += db.changesCount
        }
        for (g, until) in snoozes.groups {
            guard let id = groupMap[g] else { continue }
            try db.execute(sql: "INSERT OR IGNORE INTO snoozes (group_id, until_day) VALUES (?, ?)", arguments: [id, until.ordinal])
            report.snoozesAdded += db.changesCount
        }
        for (k, v) in settings {
            try db.execute(sql: "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", arguments: [k, v])
            report.settingsAdded += db.changesCount
        }
        for c in selfCheckins {
            let there = try Int.fetchOne(db, sql: "SELECT count(*) FROM self_checkins WHERE day = ?", arguments: [c.day.ordinal]) ?? 0
            guard there == 0 else { continue }
            try Store.insertSelfCheckin(db, c, createdAt: createdAt)
            report.selfCheckinsAdded += 1
        }
    }
}

extension Store {
    /// Runs `body` with a writer for one backup, in one transaction: anything `body`
    /// throws (a fault the reader found halfway through the file, say) rolls everything
    /// back and comes out as it was thrown, so its message and exit code are the reader's.
    /// `dryRun` (merging only) rolls back even on success.
    public func restore(merging: Bool, dryRun: Bool = false, createdAt: Int, _ body: (BackupWriter) throws -> Void) throws -> (report: MergeReport, people: Int, groups: Int, moments: Int) {
        var failure: (any Error)?
        do {
            return try write(commit: !dryRun) { db in
                let w = BackupWriter(db: db, path: path, merging: merging, createdAt: createdAt)
                do { try body(w) } catch { failure = error; throw error }
                return (w.report, w.peopleCount, w.groupCount, w.momentCount)
            }
        } catch {
            // SQLite's own errors come out as `write` words them; everything else as thrown.
            if let failure, !(failure is DatabaseError) { throw failure }
            throw error
        }
    }

    /// Every moment, a page at a time in id order, inside the caller's transaction:
    /// a million never sit in memory at once.
    static func eachMomentPage(_ db: Database, size: Int = 1_000, withUIDs: Bool = false, _ body: ([Moment]) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let page = try fetchMoments(db, sql: "SELECT * FROM moments WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, size],
                                        withUID: withUIDs)
            guard let last = page.last else { return }
            try body(page)
            after = last.id
        }
    }

    /// Every moment in id order, a page at a time, all from one snapshot of the store:
    /// for an export that streams.
    public func eachMomentPage(size: Int = 1_000, withUIDs: Bool = false, _ body: ([Moment]) throws -> Void) throws {
        var failure: (any Error)?
        do {
            try read { db in
                do { try Store.eachMomentPage(db, size: size, withUIDs: withUIDs, body) } catch { failure = error; throw error }
            }
        } catch {
            if let failure, !(failure is DatabaseError) { throw failure }
            throw error
        }
    }
}
