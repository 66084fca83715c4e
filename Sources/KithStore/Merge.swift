import GRDB
import KithCore

/// What merging a backup into a store added, and what it found already there.
public struct MergeReport: Sendable, Equatable {
    public var peopleAdded = 0
    public var peopleMatched = 0
    public var groupsAdded = 0
    public var groupsMatched = 0
    public var membershipsAdded = 0
    public var momentsAdded = 0
    public var momentsAlreadyThere = 0
    public var remindersAdded = 0
    public var snoozesAdded = 0
    public var settingsAdded = 0
    public var selfCheckinsAdded = 0
    public var warnings: [String] = []
    public init() {}
}

extension Store {
    /// Merges a backup into this store, in one transaction. The store's own records
    /// win: a backup never changes or removes what is here, it only adds what is missing.
    ///
    /// - People are the same person when their UIDs agree, or else their names (ignoring
    ///   case and accents); the store's fields are kept.
    /// - Groups are the same group by name; memberships from both are kept.
    /// - A moment is already there when the store held the same moment before the merge
    ///   (same day, time, people, group, channel, initiator, kinds, emotions, uplift,
    ///   depth, reception and note); otherwise it is added. So merging the same backup
    ///   twice adds nothing the second time, and two moments alike in the backup both come.
    /// - Reminders likewise (same person or group, text and day); snoozes, settings and
    ///   self check-ins only where the store has none (for that person, key or day).
    public func merge(people: [Person], groups: [(group: Group, members: [Int64])], moments: [Moment],
                      reminders: [Reminder], snoozes: Snoozes, settings: [String: String], selfCheckins: [SelfCheckin] = [],
                      createdAt: Int, dryRun: Bool = false) throws(StoreError) -> MergeReport {
        try write(commit: !dryRun) { db in
            var report = MergeReport()
            var byUID: [String: Int64] = [:], byName: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name, uid FROM people") {
                if let uid: String = row["uid"] { byUID[uid] = row["id"] }
                byName[Folding.fold(row["name"])] = row["id"]
            }
            var personMap: [Int64: Int64] = [:]
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
            var groupMap: [Int64: Int64] = [:]
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
            var existing = Set<String>()
            for m in try Store.fetchMoments(db, sql: "SELECT * FROM moments") {
                existing.insert(Store.mergeKey(m))
            }
            for m in moments.sorted(by: { $0.id < $1.id }) {
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
                try db.execute(sql: """
                    INSERT INTO moments (day, minute, group_id, channel, initiator, kinds, uplift, depth, received, note, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [m.day.ordinal, m.time?.minutes, mapped.groupID, m.channel.rawValue, m.initiator.rawValue,
                                     MomentKind.mask(m.kinds), m.uplift, m.depth.rawValue, m.received?.rawValue, m.note, createdAt])
                mapped.id = db.lastInsertedRowID
                try Store.insertParts(db, mapped)
                report.momentsAdded += 1
            }

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
            return report
        }
    }
}

extension Store {
    /// Everything that makes a moment itself, but its id: what merging compares.
    static func mergeKey(_ m: Moment) -> String {
        let emotions: String = m.emotions.map { "\($0.word):\($0.intensity)" }.sorted().joined(separator: ",")
        let people: String = m.people.sorted().map { String($0) }.joined(separator: ",")
        var parts: [String] = [String(m.day.ordinal), m.time.map { String($0.minutes) } ?? "-", people]
        parts.append(m.groupID.map { String($0) } ?? "-")
        parts += [m.channel.rawValue, m.initiator.rawValue, String(MomentKind.mask(m.kinds)), emotions]
        parts += [m.uplift.map { String($0) } ?? "-", m.depth.rawValue, m.received?.rawValue ?? "-", m.note]
        return parts.joined(separator: "\u{1F}")
    }
}
