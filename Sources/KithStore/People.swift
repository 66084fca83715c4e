import Foundation
import GRDB
import GRDBSQLite
import KithCore

extension Person {
    /// The columns `init(row:)` reads, in its order. Read by position, not by name: a
    /// roster of a thousand people is decoded at every start, and looking each column up
    /// by name cost more than the query.
    static let columns = "id, name, nickname, circle, cadence_days, birthday_month, birthday_day, birthday_year, bond, notes, archived, added_day, uid, card_fn, card_n"

    init(row: Row) {
        let month: Int? = row[5], day: Int? = row[6]
        let cardName: String? = row[13]
        self.init(
            id: row[0], name: row[1], nickname: row[2],
            circle: Circle(rawValue: row[3]) ?? .friends,
            cadenceDays: row[4],
            birthday: month.flatMap { m in day.flatMap { Birthday(month: m, day: $0, year: row[7]) } },
            bond: (row[8] as String?).flatMap(BondPurpose.init(rawValue:)),
            notes: row[9], archived: row[10], addedOn: Day(ordinal: row[11]),
            uid: row[12], card: cardName.map { CardOrigin(name: $0, structuredName: row[14]) })
    }
}

extension Person {
    /// The same columns as `init(row:)`, from a statement positioned on a row.
    init(statement s: OpaquePointer) {
        let month = Store.int(s, 5), day = Store.int(s, 6)
        self.init(
            id: sqlite3_column_int64(s, 0), name: Store.text(s, 1) ?? "", nickname: Store.text(s, 2),
            circle: Store.text(s, 3).flatMap(Circle.init(rawValue:)) ?? .friends,
            cadenceDays: Store.int(s, 4),
            birthday: month.flatMap { m in day.flatMap { Birthday(month: m, day: $0, year: Store.int(s, 7)) } },
            bond: Store.text(s, 8).flatMap(BondPurpose.init(rawValue:)),
            notes: Store.text(s, 9) ?? "", archived: sqlite3_column_int64(s, 10) != 0,
            addedOn: Day(ordinal: Int(sqlite3_column_int64(s, 11))),
            uid: Store.text(s, 12), card: Store.text(s, 13).map { CardOrigin(name: $0, structuredName: Store.text(s, 14)) })
    }
}

extension Group {
    init(row: Row) {
        self.init(id: row["id"], name: row["name"], cadenceDays: row["cadence_days"],
                  notes: row["notes"], addedOn: Day(ordinal: row["added_day"]))
    }
}

extension Store {
    // MARK: people

    /// A fresh vCard UID, in the lowercase UUID form khard and vdirsyncer write.
    static func newUID() -> String { UUID().uuidString.lowercased() }

    /// Everyone, sorted by name. Decoded straight from SQLite: every start of the TUI
    /// and of `kith due` reads the whole roster, and building a generic row per person
    /// first cost some 50,000 instructions a person.
    public func people(includeArchived: Bool = false) throws(StoreError) -> [Person] {
        try read { db in
            var out: [Person] = []
            try Store.step(db, sql: "SELECT \(Person.columns) FROM people \(includeArchived ? "" : "WHERE archived = 0") ORDER BY name") { s in
                out.append(Person(statement: s))
            }
            return out
        }
    }

    public func person(id: Int64) throws(StoreError) -> Person {
        try read { db in try Store.person(db, id) }
    }

    static func person(_ db: Database, _ id: Int64) throws -> Person {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Person.columns) FROM people WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("person #\(id) no longer exists")
        }
        return Person(row: row)
    }

    /// One row by id, or a not-found error naming what was looked for.
    static func row(_ db: Database, table: String, id: Int64, what: String) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("\(what) #\(id) no longer exists")
        }
        return row
    }

    /// Replaces a person's fields and adjusts memberships, in one transaction.
    /// Stores `f`'s fields (all but its id, archived flag and added day) on person `id`.
    public func updatePerson(id: Int64, _ f: Person, joining: [Int64] = [], newGroups: [String] = [],
                             leaving: [Int64] = [], today: Day) throws(StoreError) -> Person {
        try write { db in
            _ = try Store.person(db, id)
            try Store.checkPersonNameFree(db, f.name, except: id)
            try Store.checkNicknameFree(db, f.nickname, except: id)
            try db.execute(sql: """
                UPDATE people SET name = ?, nickname = ?, circle = ?,
                    cadence_days = ?, birthday_month = ?, birthday_day = ?, birthday_year = ?, bond = ?, notes = ? WHERE id = ?
                """, arguments: [f.name, f.nickname, f.circle.rawValue, f.cadenceDays, f.birthday?.month,
                                 f.birthday?.day, f.birthday?.year, f.bond?.rawValue, f.notes, id])
            try Store.join(db, person: id, groups: joining, newGroups: newGroups, addedOn: today)
            for g in leaving {
                try db.execute(sql: "DELETE FROM memberships WHERE group_id = ? AND person_id = ?", arguments: [g, id])
            }
            return try Store.person(db, id)
        }
    }

    public func setArchived(id: Int64, _ archived: Bool) throws(StoreError) {
        try write { db in
            _ = try Store.person(db, id)
            try db.execute(sql: "UPDATE people SET archived = ? WHERE id = ?", arguments: [archived, id])
        }
    }

    /// The day of each person's most recent moment, as kept on their row: one read of
    /// the people, however long the history.
    public func lastMomentDays() throws(StoreError) -> [Int64: Day] {
        try read { db in
            var out: [Int64: Day] = [:]
            // Kept on each person's row by the schema's triggers (v6).
            try Store.step(db, sql: "SELECT id, last_day FROM people WHERE last_day IS NOT NULL") { s in
                if let last = Store.int(s, 1) { out[sqlite3_column_int64(s, 0)] = Day(ordinal: last) }
            }
            return out
        }
    }

    /// Group names per person id, sorted by name.
    public func groupNamesByPerson() throws(StoreError) -> [Int64: [String]] {
        try read { db in
            var out: [Int64: [String]] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT m.person_id, g.name FROM memberships m JOIN groups g ON g.id = m.group_id ORDER BY kith_fold(g.name), g.name
                """)
            while let row = try rows.next() { out[row[0], default: []].append(row[1]) }
            return out
        }
    }

    // MARK: groups

    public func groups() throws(StoreError) -> [Group] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM groups ORDER BY kith_fold(name), name").map(Group.init(row:)) }
    }

    public func group(id: Int64) throws(StoreError) -> Group {
        try read { db in try Store.group(db, id) }
    }

    static func group(_ db: Database, _ id: Int64) throws -> Group {
        Group(row: try row(db, table: "groups", id: id, what: "group"))
    }

    /// Member ids of a group, archived people included.
    public func memberIDs(group: Int64) throws(StoreError) -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT person_id FROM memberships WHERE group_id = ?", arguments: [group])
        }
    }

    /// Member ids of every group, in one read.
    public func membersByGroup() throws(StoreError) -> [Int64: [Int64]] {
        try read { db in
            var out: [Int64: [Int64]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT group_id, person_id FROM memberships") {
                out[row[0], default: []].append(row[1])
            }
            return out
        }
    }

    /// Ids of the groups a person belongs to.
    public func memberIDs(person: Int64) throws(StoreError) -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT group_id FROM memberships WHERE person_id = ?", arguments: [person])
        }
    }

    /// Creates groups that do not exist yet and adds people to groups, in one transaction.
    public func addGroup(name: String, cadenceDays: Int?, notes: String, addedOn: Day,
                         members: [Int64] = []) throws(StoreError) -> Group {
        try write { db in
            let id = try Store.insertGroup(db, name: name, cadenceDays: cadenceDays, notes: notes, addedOn: addedOn)
            for p in members {
                try db.execute(sql: "INSERT OR IGNORE INTO memberships (group_id, person_id) VALUES (?, ?)", arguments: [id, p])
            }
            return try Store.group(db, id)
        }
    }

    /// `knownFree`: the caller has every group's folded name at hand (the contact
    /// importer does) and knows this one is free. The check here reads the whole table,
    /// so repeated for each of 10,000 new groups it took 16 s.
    static func insertGroup(_ db: Database, name: String, cadenceDays: Int?, notes: String, addedOn: Day,
                            knownFree: Bool = false) throws -> Int64 {
        if !knownFree { try checkGroupNameFree(db, name, except: nil) }
        try db.execute(sql: "INSERT INTO groups (name, cadence_days, notes, added_day) VALUES (?, ?, ?, ?)",
                       arguments: [name, cadenceDays, notes, addedOn.ordinal])
        return db.lastInsertedRowID
    }

    public func updateGroup(id: Int64, name: String, cadenceDays: Int?, notes: String,
                            adding: [Int64] = [], removing: [Int64] = []) throws(StoreError) -> Group {
        try write { db in
            _ = try Store.group(db, id)
            try Store.checkGroupNameFree(db, name, except: id)
            try db.execute(sql: "UPDATE groups SET name = ?, cadence_days = ?, notes = ? WHERE id = ?",
                           arguments: [name, cadenceDays, notes, id])
            for p in adding {
                try db.execute(sql: "INSERT OR IGNORE INTO memberships (group_id, person_id) VALUES (?, ?)", arguments: [id, p])
            }
            for p in removing {
                try db.execute(sql: "DELETE FROM memberships WHERE group_id = ? AND person_id = ?", arguments: [id, p])
            }
            return try Store.group(db, id)
        }
    }

    /// Removes a group. Its members stay; its moments stay with their people and lose
    /// only the link to the group.
    public func removeGroup(id: Int64) throws(StoreError) {
        try write { db in
            _ = try Store.group(db, id)
            // A group moment with nobody in it (older versions could save one) would be
            // left with neither people nor a group, which the store's check calls damage:
            // it goes with its group, the one thing it was about.
            try db.execute(sql: """
                DELETE FROM moments WHERE group_id = ? AND NOT EXISTS (SELECT 1 FROM moment_people mp WHERE mp.moment_id = moments.id)
                """, arguments: [id])
            try db.execute(sql: "DELETE FROM groups WHERE id = ?", arguments: [id])
        }
    }

    /// Every group with its active members' names and the day it last met.
    public func groupOverview() throws(StoreError) -> [GroupOverview] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT g.*, (SELECT max(day) FROM moments m WHERE m.group_id = g.id) AS last
                FROM groups g ORDER BY kith_fold(g.name), g.name
                """).map { row in
                let g = Group(row: row)
                let members = try String.fetchAll(db, sql: """
                    SELECT p.name FROM memberships m JOIN people p ON p.id = m.person_id
                    WHERE m.group_id = ? AND p.archived = 0 ORDER BY kith_fold(p.name), p.name
                    """, arguments: [g.id])
                let last: Int? = row["last"]
                return GroupOverview(group: g, members: members, last: last.map(Day.init(ordinal:)))
            }
        }
    }

    public func momentCount(group: Int64) throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM moments WHERE group_id = ?", arguments: [group]) ?? 0 }
    }

    /// Adds a person (their id is ignored and assigned) with their memberships, creating
    /// the groups named in `newGroups` first: all of it in one transaction, or none of it.
    public func addPerson(_ f: Person, groups: [Int64] = [],
                          newGroups: [String] = []) throws(StoreError) -> Person {
        try write { db in
            try Store.checkPersonNameFree(db, f.name, except: nil)
            try Store.checkNicknameFree(db, f.nickname, except: nil)
            try db.execute(sql: """
                INSERT INTO people (name, nickname, circle, cadence_days, birthday_month, birthday_day, birthday_year,
                                    bond, notes, archived, added_day, uid, card_fn, card_n)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
                """, arguments: [f.name, f.nickname, f.circle.rawValue, f.cadenceDays, f.birthday?.month,
                                 f.birthday?.day, f.birthday?.year, f.bond?.rawValue, f.notes, f.addedOn.ordinal,
                                 f.uid ?? Store.newUID(), f.card?.name, f.card?.structuredName])
            let id = db.lastInsertedRowID
            try Store.join(db, person: id, groups: groups, newGroups: newGroups, addedOn: f.addedOn)
            return try Store.person(db, id)
        }
    }

    /// Two people whose names differ only in case or accents could never be told apart
    /// by typing, so such a name counts as taken.
    /// A nickname that is someone else's name would shadow them when typed.
    static func checkNicknameFree(_ db: Database, _ nickname: String?, except id: Int64?) throws {
        guard let nickname else { return }
        if let other = try String.fetchOne(db, sql: "SELECT name FROM people WHERE kith_fold(name) = ? AND id IS NOT ?",
                                           arguments: [Folding.fold(nickname), id]) {
            throw StoreError.conflict("the nickname \"\(nickname)\" is the name of \(other); pick another")
        }
    }

    static func checkPersonNameFree(_ db: Database, _ name: String, except id: Int64?) throws {
        if let existing = try String.fetchOne(db, sql: "SELECT name FROM people WHERE kith_fold(name) = ? AND id IS NOT ?",
                                              arguments: [Folding.fold(name), id]) {
            let same = existing == name ? "" : " (the same name, ignoring case, accents and invisible characters)"
            throw StoreError.conflict("someone named \"\(existing)\" is already in kith\(same); use `kith edit` to change them")
        }
    }

    static func checkGroupNameFree(_ db: Database, _ name: String, except id: Int64?) throws {
        if let existing = try String.fetchOne(db, sql: "SELECT name FROM groups WHERE kith_fold(name) = ? AND id IS NOT ?",
                                              arguments: [Folding.fold(name), id]) {
            let same = existing == name ? "" : " (the same name, ignoring case, accents and invisible characters)"
            throw StoreError.conflict("a group named \"\(existing)\" already exists\(same)")
        }
    }

    static func join(_ db: Database, person: Int64, groups: [Int64], newGroups: [String], addedOn: Day) throws {
        var ids = groups
        for name in newGroups {
            ids.append(try insertGroup(db, name: name, cadenceDays: nil, notes: "", addedOn: addedOn))
        }
        for g in ids {
            try db.execute(sql: "INSERT OR IGNORE INTO memberships (group_id, person_id) VALUES (?, ?)", arguments: [g, person])
        }
    }
}

public struct GroupOverview: Sendable {
    public let group: Group
    public let members: [String]
    public let last: Day?
}
