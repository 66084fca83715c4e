import GRDB
import GRDBSQLite
import KithCore

extension Store {
    /// Saves the user's check-in for its day. What it leaves out (nil closeness, no
    /// emotions, no loneliness answers) keeps what the day already had, so answering the
    /// loneliness questions after the daily question does not wipe the first answer.
    @discardableResult
    public func saveSelfCheckin(_ c: SelfCheckin, createdAt: Int) throws(StoreError) -> SelfCheckin {
        do { try c.validate() } catch { throw .conflict(error.message) }
        return try write { db in
            let l = c.loneliness
            try db.execute(sql: """
                INSERT INTO self_checkins (day, closeness, lack_companionship, left_out, isolated, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (day) DO UPDATE SET
                    closeness = coalesce(excluded.closeness, closeness),
                    lack_companionship = coalesce(excluded.lack_companionship, lack_companionship),
                    left_out = coalesce(excluded.left_out, left_out),
                    isolated = coalesce(excluded.isolated, isolated)
                """, arguments: [c.day.ordinal, c.closeness, l?.lackCompanionship.rawValue, l?.leftOut.rawValue,
                                 l?.isolated.rawValue, createdAt])
            if !c.emotions.isEmpty {
                try db.execute(sql: "DELETE FROM self_checkin_emotions WHERE day = ?", arguments: [c.day.ordinal])
                for (i, e) in c.emotions.enumerated() {
                    try db.execute(sql: "INSERT INTO self_checkin_emotions (day, word, intensity, position) VALUES (?, ?, ?, ?)",
                                   arguments: [c.day.ordinal, e.word, e.intensity, i])
                }
            }
            return try Store.selfCheckins(db, since: c.day, until: c.day).first!
        }
    }

    static func insertSelfCheckin(_ db: Database, _ c: SelfCheckin, createdAt: Int) throws {
        try c.validate()
        let l = c.loneliness
        try db.execute(sql: """
            INSERT INTO self_checkins (day, closeness, lack_companionship, left_out, isolated, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [c.day.ordinal, c.closeness, l?.lackCompanionship.rawValue, l?.leftOut.rawValue, l?.isolated.rawValue, createdAt])
        for (i, e) in c.emotions.enumerated() {
            try db.execute(sql: "INSERT INTO self_checkin_emotions (day, word, intensity, position) VALUES (?, ?, ?, ?)",
                           arguments: [c.day.ordinal, e.word, e.intensity, i])
        }
    }

    /// Check-ins from `since` on (all when nil), oldest first.
    public func selfCheckins(since: Day? = nil) throws(StoreError) -> [SelfCheckin] {
        try read { db in try Store.selfCheckins(db, since: since, until: nil) }
    }

    static func selfCheckins(_ db: Database, since: Day?, until: Day?) throws -> [SelfCheckin] {
        let from = since?.ordinal ?? Int.min, to = until?.ordinal ?? Int.max
        var emotions: [Int: [EmotionTag]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT day, word, intensity FROM self_checkin_emotions WHERE day BETWEEN ? AND ? ORDER BY day, position
            """, arguments: [from, to]) {
            emotions[row[0], default: []].append(EmotionTag(word: row[1], intensity: row[2]))
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM self_checkins WHERE day BETWEEN ? AND ? ORDER BY day",
                                arguments: [from, to]).map { row in
            let day: Int = row["day"]
            var loneliness: Loneliness? = nil
            if let a: Int = row["lack_companionship"], let b: Int = row["left_out"], let c: Int = row["isolated"],
               let x = Loneliness.Answer(rawValue: a), let y = Loneliness.Answer(rawValue: b), let z = Loneliness.Answer(rawValue: c) {
                loneliness = Loneliness(lackCompanionship: x, leftOut: y, isolated: z)
            }
            return SelfCheckin(day: Day(ordinal: day), closeness: row["closeness"], emotions: emotions[day] ?? [],
                               loneliness: loneliness)
        }
    }

    /// The most recent moment of a person, a group, or anyone.
    public func lastMomentDay(person: Int64? = nil, group: Int64? = nil) throws(StoreError) -> Day? {
        try read { db in
            let day: Int?
            if let person {
                day = try Int.fetchOne(db, sql: "SELECT max(day) FROM moment_people WHERE person_id = ?", arguments: [person])
            } else if let group {
                day = try Int.fetchOne(db, sql: "SELECT max(day) FROM moments WHERE group_id = ?", arguments: [group])
            } else {
                day = try Int.fetchOne(db, sql: "SELECT max(day) FROM moments")
            }
            return day.map(Day.init(ordinal:))
        }
    }

    /// The day each group last met, for groups that have.
    public func groupLastMet() throws(StoreError) -> [Int64: Day] {
        try read { db in
            // One index seek per group: grouping every group moment ever logged grew
            // with the history (a tenth of `kith due` at a million moments).
            var out: [Int64: Day] = [:]
            try Store.step(db, sql: "SELECT g.id, (SELECT max(day) FROM moments m WHERE m.group_id = g.id) FROM groups g") { s in
                if let d = Store.int(s, 1) { out[sqlite3_column_int64(s, 0)] = Day(ordinal: d) }
            }
            return out
        }
    }
}
