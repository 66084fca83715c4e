import GRDB
import GRDBSQLite
import KithCore

/// Which moments to read. Every field narrows; all nil reads everyone's history.
public struct MomentFilter: Sendable {
    public var person: Int64?
    public var group: Int64?
    public var since: Day?
    public var until: Day?
    /// Moments with at least one of these emotions, each felt at least at the tag's
    /// intensity (`sad:2` finds sad at 2 or 3).
    public var emotions: [EmotionTag]
    /// Moments with at least one of these kinds.
    public var kinds: [MomentKind]
    public var channels: [Channel]
    /// Text the note must contain, ignoring case and diacritics.
    public var text: String?

    /// Nothing but a person or group, if that: every moment of theirs.
    var isUnfiltered: Bool {
        group == nil && since == nil && until == nil && emotions.isEmpty && kinds.isEmpty && channels.isEmpty && (text ?? "").isEmpty
    }

    public init(person: Int64? = nil, group: Int64? = nil, since: Day? = nil, until: Day? = nil,
                emotions: [EmotionTag] = [], kinds: [MomentKind] = [], channels: [Channel] = [], text: String? = nil) {
        self.person = person
        self.group = group
        self.since = since
        self.until = until
        self.emotions = emotions
        self.kinds = kinds
        self.channels = channels
        self.text = text
    }
}

/// Counts that describe one person's history, for their card.
public struct PersonSummary: Sendable, Equatable {
    public var total: Int
    public var first: Day?
    public var last: Day?
    public var byInitiator: [Initiator: Int]
    public var lastMoment: Moment?
}

extension Store {
    /// Stores a moment with its people and emotions in one transaction and returns it
    /// with its id.
    public func addMoment(_ m: Moment, createdAt: Int) throws(StoreError) -> Moment {
        do { try m.validate() } catch { throw .conflict(error.message) }
        return try write { db in
            let people = try Store.checkParts(db, m)
            try db.execute(sql: """
                INSERT INTO moments (day, minute, group_id, channel, initiator, kinds, uplift, depth, received, note, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [m.day.ordinal, m.time?.minutes, m.groupID, m.channel.rawValue, m.initiator.rawValue,
                                 MomentKind.mask(m.kinds), m.uplift, m.depth.rawValue, m.received?.rawValue, m.note,
                                 createdAt])
            var stored = m
            stored.id = db.lastInsertedRowID
            stored.people = people
            try Store.insertParts(db, stored)
            try Store.liftSnoozes(db, stored)
            return stored
        }
    }

    /// Replaces a stored moment (by `m.id`) with `m`, people and emotions included, in
    /// one transaction.
    public func updateMoment(_ m: Moment) throws(StoreError) -> Moment {
        do { try m.validate() } catch { throw .conflict(error.message) }
        return try write { db in
            _ = try Store.row(db, table: "moments", id: m.id, what: "moment")
            let people = try Store.checkParts(db, m)
            try db.execute(sql: """
                UPDATE moments SET day = ?, minute = ?, group_id = ?, channel = ?, initiator = ?, kinds = ?, uplift = ?,
                    depth = ?, received = ?, note = ? WHERE id = ?
                """, arguments: [m.day.ordinal, m.time?.minutes, m.groupID, m.channel.rawValue, m.initiator.rawValue,
                                 MomentKind.mask(m.kinds), m.uplift, m.depth.rawValue, m.received?.rawValue, m.note, m.id])
            try db.execute(sql: "DELETE FROM moment_people WHERE moment_id = ?", arguments: [m.id])
            try db.execute(sql: "DELETE FROM moment_emotions WHERE moment_id = ?", arguments: [m.id])
            var stored = m
            stored.people = people
            try Store.insertParts(db, stored)
            try Store.liftSnoozes(db, stored)
            return stored
        }
    }

    /// The moment's people without repeats, each checked to exist, and its group.
    static func checkParts(_ db: Database, _ m: Moment) throws -> [Int64] {
        if let g = m.groupID { _ = try group(db, g) }
        var seen = Set<Int64>()
        let people = m.people.filter { seen.insert($0).inserted }
        for p in people { _ = try person(db, p) }
        return people
    }

    static func insertParts(_ db: Database, _ m: Moment) throws {
        for p in m.people {
            try db.execute(sql: "INSERT INTO moment_people (moment_id, person_id, day) VALUES (?, ?, ?)",
                           arguments: [m.id, p, m.day.ordinal])
        }
        for (i, e) in m.emotions.enumerated() {
            try db.execute(sql: "INSERT INTO moment_emotions (moment_id, word, intensity, position) VALUES (?, ?, ?, ?)",
                           arguments: [m.id, e.word, e.intensity, i])
        }
    }

    /// Moments matching `filter`, newest first (by day, then time, then entry order),
    /// at most `limit`, skipping `offset`. Reads one page: the cost follows the page,
    /// not the length of the history.
    /// `notes: false` leaves every note empty: figures over thousands of moments (the
    /// insights) never need the text, which is most of a moment's bytes.
    public func moments(_ filter: MomentFilter, limit: Int? = nil, offset: Int = 0, notes: Bool = true) throws(StoreError) -> [Moment] {
        try read { db in
            let (from, dayColumn, arguments) = Store.momentQuery(filter)
            var sql = (notes ? "SELECT m.* FROM moments m"
                : "SELECT m.id, m.day, m.minute, m.group_id, m.channel, m.initiator, m.kinds, m.uplift, m.depth, m.received, '' AS note FROM moments m")
                + from
            var args = arguments
            sql += " ORDER BY \(dayColumn) DESC, m.minute DESC, m.id DESC"
            if let limit {
                sql += " LIMIT ? OFFSET ?"
                args.append(max(0, limit))
                args.append(max(0, offset))
            }
            return try Store.fetchMoments(db, sql: sql, arguments: StatementArguments(args))
        }
    }

    /// How many moments match `filter`: where the last page starts (G in the timeline).
    /// A person's alone are counted on their own index, without touching the moments.
    public func momentCount(_ filter: MomentFilter) throws(StoreError) -> Int {
        try read { db in
            var plain = filter
            plain.person = nil
            if let p = filter.person, plain.isUnfiltered {
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM moment_people WHERE person_id = ?", arguments: [p]) ?? 0
            }
            let (from, _, args) = Store.momentQuery(filter)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM moments m" + from, arguments: StatementArguments(args)) ?? 0
        }
    }

    /// The oldest `limit` moments matching `filter`, newest first as every page is: the
    /// last page, read from its own end rather than past every moment above it.
    public func oldestMoments(_ filter: MomentFilter, limit: Int) throws(StoreError) -> [Moment] {
        try read { db in
            let (from, dayColumn, args) = Store.momentQuery(filter)
            let sql = "SELECT m.* FROM moments m" + from + " ORDER BY \(dayColumn) ASC, m.minute ASC, m.id ASC LIMIT ?"
            return try Store.fetchMoments(db, sql: sql, arguments: StatementArguments(args + [max(0, limit)])).reversed()
        }
    }

    /// The `limit` moments matching `filter` just newer than `moment` (the page above a
    /// stretch that does not start at the top), newest first. Found from `moment` on by
    /// the index, however deep in the history it is.
    public func moments(_ filter: MomentFilter, newerThan moment: Moment, limit: Int) throws(StoreError) -> [Moment] {
        try read { db in
            var (from, dayColumn, args) = Store.momentQuery(filter)
            // (day, minute, id) after the moment's, an untimed moment's minute counting as -1:
            // the order SQLite's index keeps, where NULL sorts first.
            let after = "(\(dayColumn) > ? OR (\(dayColumn) = ? AND (ifnull(m.minute, -1) > ? OR (ifnull(m.minute, -1) = ? AND m.id > ?))))"
            from += from.contains(" WHERE ") ? " AND " + after : " WHERE " + after
            let minute = moment.time?.minutes ?? -1
            args += [moment.day.ordinal, moment.day.ordinal, minute, minute, moment.id]
            let sql = "SELECT m.* FROM moments m" + from + " ORDER BY \(dayColumn) ASC, m.minute ASC, m.id ASC LIMIT ?"
            return try Store.fetchMoments(db, sql: sql, arguments: StatementArguments(args + [max(0, limit)])).reversed()
        }
    }

    /// The joins and conditions for `filter`, after `FROM moments m`, with the column that
    /// holds the day (a person's own copy of it when the filter is a person).
    static func momentQuery(_ filter: MomentFilter) -> (sql: String, dayColumn: String, args: [any DatabaseValueConvertible & Sendable]) {
        var sql = ""
        var conditions: [String] = []
        var args: [any DatabaseValueConvertible & Sendable] = []
        let dayColumn: String
        if let p = filter.person {
            sql += " JOIN moment_people mp ON mp.moment_id = m.id AND mp.person_id = ?"
            args.append(p)
            dayColumn = "mp.day"
        } else {
            dayColumn = "m.day"
        }
        if let g = filter.group { conditions.append("m.group_id = ?"); args.append(g) }
        if let s = filter.since { conditions.append("\(dayColumn) >= ?"); args.append(s.ordinal) }
        if let u = filter.until { conditions.append("\(dayColumn) <= ?"); args.append(u.ordinal) }
        if !filter.kinds.isEmpty { conditions.append("(m.kinds & ?) != 0"); args.append(MomentKind.mask(filter.kinds)) }
        if !filter.channels.isEmpty {
            conditions.append("m.channel IN (\(filter.channels.map { _ in "?" }.joined(separator: ",")))")
            args += filter.channels.map(\.rawValue)
        }
        if !filter.emotions.isEmpty {
            let any = filter.emotions.map { _ in "(e.word = ? AND e.intensity >= ?)" }.joined(separator: " OR ")
            conditions.append("EXISTS (SELECT 1 FROM moment_emotions e WHERE e.moment_id = m.id AND (\(any)))")
            for tag in filter.emotions { args.append(tag.word); args.append(tag.intensity) }
        }
        if let t = filter.text, !t.isEmpty {
            conditions.append("instr(kith_fold(m.note), ?) > 0")
            args.append(Folding.fold(t))
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return (sql, dayColumn, args)
    }

    /// Moments for `sql` (which selects `m.*`, or the same first eleven columns), with
    /// their people and emotions read for the whole page in two more queries. Columns
    /// are read straight from SQLite: moving through the roster reads a page per key,
    /// and decoding through generic rows cost more than the queries themselves.
    /// `withUID`: the query selects `*`, and each moment gets its sync UID (column 12),
    /// as a backup writes it.
    static func fetchMoments(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments(),
                             withUID: Bool = false) throws -> [Moment] {
        var moments: [Moment] = []
        var index: [Int64: Int] = [:]
        try step(db, sql: sql, arguments: arguments) { s in
            let id = sqlite3_column_int64(s, 0)
            index[id] = moments.count
            moments.append(Moment(
                id: id, day: Day(ordinal: Int(sqlite3_column_int64(s, 1))),
                time: int(s, 2).flatMap { TimeOfDay(minutes: $0) },
                people: [], groupID: int(s, 3).map(Int64.init),
                channel: text(s, 4).flatMap(Channel.init(rawValue:)) ?? .other,
                initiator: text(s, 5).flatMap(Initiator.init(rawValue:)) ?? .mutual,
                kinds: MomentKind.kinds(mask: Int(sqlite3_column_int64(s, 6))), emotions: [],
                uplift: int(s, 7), depth: text(s, 8).flatMap(Depth.init(rawValue:)) ?? .light,
                received: text(s, 9).flatMap(Reception.init(rawValue:)), note: text(s, 10) ?? "",
                uid: withUID ? text(s, 12) : nil))
        }
        guard !moments.isEmpty else { return [] }
        // The page's ids go in as one JSON array, so these two statements are prepared
        // once per connection rather than once per page.
        let ids: StatementArguments = ["[" + moments.map { String($0.id) }.joined(separator: ",") + "]"]
        try step(db, sql: "SELECT moment_id, person_id FROM moment_people WHERE moment_id IN (SELECT value FROM json_each(?)) ORDER BY moment_id, person_id", arguments: ids) { s in
            if let i = index[sqlite3_column_int64(s, 0)] { moments[i].people.append(sqlite3_column_int64(s, 1)) }
        }
        try step(db, sql: "SELECT moment_id, word, intensity FROM moment_emotions WHERE moment_id IN (SELECT value FROM json_each(?)) ORDER BY moment_id, position", arguments: ids) { s in
            if let i = index[sqlite3_column_int64(s, 0)] {
                moments[i].emotions.append(EmotionTag(word: text(s, 1) ?? "", intensity: Int(sqlite3_column_int64(s, 2))))
            }
        }
        return moments
    }

    /// Runs a statement, handing each row's raw SQLite statement to `row`. Statements
    /// are cached by their text (callers keep values out of it), so a page per key
    /// skips parsing and planning.
    static func step(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments(),
                     _ row: (OpaquePointer) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        while true {
            let rc = sqlite3_step(s)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try row(s)
        }
    }

    @inline(__always)
    static func int(_ s: OpaquePointer, _ i: Int32) -> Int? {
        sqlite3_column_type(s, i) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(s, i))
    }

    /// Text as stored, NUL bytes and all (the length comes from SQLite, not a terminator).
    @inline(__always)
    static func text(_ s: OpaquePointer, _ i: Int32) -> String? {
        guard sqlite3_column_type(s, i) != SQLITE_NULL, let p = sqlite3_column_text(s, i) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i))), as: UTF8.self)
    }

    /// Counts for one person's card.
    public func summary(person: Int64) throws(StoreError) -> PersonSummary {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS n, min(day) AS first, max(day) AS last FROM moment_people WHERE person_id = ?
                """, arguments: [person])!
            var byInitiator: [Initiator: Int] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT m.initiator, count(*) FROM moment_people mp JOIN moments m ON m.id = mp.moment_id
                WHERE mp.person_id = ? GROUP BY m.initiator
                """, arguments: [person]) {
                if let i = Initiator(rawValue: r[0]) { byInitiator[i] = r[1] }
            }
            let latest = try Store.fetchMoments(db, sql: """
                SELECT m.* FROM moment_people mp JOIN moments m ON m.id = mp.moment_id
                WHERE mp.person_id = ? ORDER BY mp.day DESC, m.minute DESC, m.id DESC LIMIT 1
                """, arguments: [person])
            let first: Int? = row["first"], last: Int? = row["last"]
            return PersonSummary(total: row["n"], first: first.map(Day.init(ordinal:)), last: last.map(Day.init(ordinal:)),
                                 byInitiator: byInitiator, lastMoment: latest.first)
        }
    }
}

/// Days of recent moments, per person and per group: what the roster's sparklines
/// are drawn from. Read by index range, one person (or group) at a time.
/// Moments per month over the months a roster's sparklines show, oldest first, for each
/// person and group with any; and each group's last moment ever.
public struct RecentActivity: Sendable {
    public var people: [Int64: [Int]] = [:]
    public var groups: [Int64: [Int]] = [:]
    public var groupLast: [Int64: Day] = [:]
}

extension Store {
    /// Counts for the `months` calendar months ending with the one `until` falls in,
    /// read from the monthly counts the schema's triggers keep: a few thousand rows
    /// however long the history.
    public func recentActivity(months: Int = 12, until: Day) throws(StoreError) -> RecentActivity {
        let first = Day(year: until.year, month: until.month, day: 1)!.adding(months: -(months - 1))
        // Month keys (YYYYMM) in order: bucket i holds keys[i].
        var index: [Int: Int] = [:]
        for i in 0..<months {
            let d = first.adding(months: i)
            index[d.year * 100 + d.month] = i
        }
        let lo = first.year * 100 + first.month, hi = until.year * 100 + until.month
        return try read { db in
            var out = RecentActivity()
            try Store.step(db, sql: "SELECT month, person_id, n FROM person_months WHERE month BETWEEN ? AND ?",
                           arguments: [lo, hi]) { s in
                guard let i = index[Int(sqlite3_column_int64(s, 0))] else { return }
                out.people[sqlite3_column_int64(s, 1), default: [Int](repeating: 0, count: months)][i] += Int(sqlite3_column_int64(s, 2))
            }
            try Store.step(db, sql: "SELECT month, group_id, n FROM group_months WHERE month BETWEEN ? AND ?",
                           arguments: [lo, hi]) { s in
                guard let i = index[Int(sqlite3_column_int64(s, 0))] else { return }
                out.groups[sqlite3_column_int64(s, 1), default: [Int](repeating: 0, count: months)][i] += Int(sqlite3_column_int64(s, 2))
            }
            try Store.step(db, sql: "SELECT g.id, (SELECT max(day) FROM moments m WHERE m.group_id = g.id) FROM groups g") { s in
                if let d = Store.int(s, 1) { out.groupLast[sqlite3_column_int64(s, 0)] = Day(ordinal: d) }
            }
            return out
        }
    }

    /// One moment by its id (the id `kith history --json` shows), or nil when there is
    /// none: a command that edits or deletes by id must tell a wrong id from a failure.
    public func moment(id: Int64) throws(StoreError) -> Moment? {
        try read { db in try Store.fetchMoments(db, sql: "SELECT * FROM moments WHERE id = ?", arguments: [id]).first }
    }

    /// Deletes one moment with its people and emotions, in one transaction.
    public func deleteMoment(id: Int64) throws(StoreError) {
        try write { db in
            _ = try Store.row(db, table: "moments", id: id, what: "moment")
            try db.execute(sql: "DELETE FROM moments WHERE id = ?", arguments: [id])
        }
    }
}

extension Store {
    /// Fills an empty store in one transaction with people, groups and moments whose
    /// ids are already set (a demo world, later a backup being restored). Refuses a
    /// store that holds anything.
    public func insertAll(people: [Person], groups: [(group: Group, members: [Int64])], moments: [Moment],
                          reminders: [Reminder] = [], snoozes: Snoozes = Snoozes(), settings: [String: String] = [:],
                          selfCheckins: [SelfCheckin] = [], createdAt: Int) throws(StoreError) {
        do {
            _ = try restore(merging: false, createdAt: createdAt) { w in
                try w.start(people: people, groups: groups)
                try w.add(moments)
                try w.finish(reminders: reminders, snoozes: snoozes, settings: settings, selfCheckins: selfCheckins)
            }
        } catch {
            throw Store.oneError(error)
        }
    }

    /// Every moment, oldest first (by id): for a backup.
    public func allMoments() throws(StoreError) -> [Moment] {
        try read { db in try Store.fetchMoments(db, sql: "SELECT * FROM moments ORDER BY id") }
    }

    public func allSettings() throws(StoreError) -> [String: String] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM settings").map { ($0[0], $0[1]) })
        }
    }
}

extension Store {
    /// Each given person's most recent moment, as the suggestion reads it (its kinds,
    /// who reached out, how): one index seek each.
    public func lastMoments(people: [Int64]) throws(StoreError) -> [Int64: LastMoment] {
        try read { db in
            var out: [Int64: LastMoment] = [:]
            let statement = try db.makeStatement(sql: """
                SELECT m.kinds, m.initiator, m.channel FROM moment_people mp JOIN moments m ON m.id = mp.moment_id
                WHERE mp.person_id = ? ORDER BY mp.day DESC, mp.moment_id DESC LIMIT 1
                """)
            for p in people {
                guard let row = try Row.fetchOne(statement, arguments: [p]) else { continue }
                out[p] = LastMoment(kinds: MomentKind.kinds(mask: row[0]), initiator: Initiator(rawValue: row[1]),
                                    channel: Channel(rawValue: row[2]))
            }
            return out
        }
    }

    /// The distinct days each given person was met since `since` (oldest first): what a
    /// rhythm is judged by. One index range per person.
    public func meetingDays(people: [Int64], since: Day) throws(StoreError) -> [Int64: [Day]] {
        try read { db in
            var out: [Int64: [Day]] = [:]
            let statement = try db.makeStatement(sql: """
                SELECT DISTINCT day FROM moment_people WHERE person_id = ? AND day >= ? ORDER BY day
                """)
            for p in people {
                out[p] = try Int.fetchAll(statement, arguments: [p, since.ordinal]).map(Day.init(ordinal:))
            }
            return out
        }
    }
}
