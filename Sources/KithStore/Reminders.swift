import GRDB
import KithCore

/// Snoozes and one-off reminders: what the scheduler reads besides the moments.
public struct Snoozes: Sendable, Equatable {
    public var people: [Int64: Day] = [:]
    public var groups: [Int64: Day] = [:]
    public init(people: [Int64: Day] = [:], groups: [Int64: Day] = [:]) {
        self.people = people
        self.groups = groups
    }

    /// From a list of snoozed bonds, as a backup or a demo world holds them.
    public init(_ list: [(subject: Subject, until: Day)]) {
        for (subject, until) in list {
            switch subject {
            case .person(let id): people[id] = until
            case .group(let id): groups[id] = until
            }
        }
    }
}

extension Store {
    public func snoozes() throws(StoreError) -> Snoozes {
        try read { db in
            var out = Snoozes()
            for row in try Row.fetchAll(db, sql: "SELECT person_id, group_id, until_day FROM snoozes") {
                let day = Day(ordinal: row["until_day"])
                if let p: Int64 = row["person_id"] { out.people[p] = day }
                if let g: Int64 = row["group_id"] { out.groups[g] = day }
            }
            return out
        }
    }

    /// Not to be nudged before `until` (replacing any snooze); nil removes the snooze.
    public func snooze(person: Int64? = nil, group: Int64? = nil, until: Day?) throws(StoreError) {
        try write { db in
            if let person {
                _ = try Store.person(db, person)
                try db.execute(sql: "DELETE FROM snoozes WHERE person_id = ?", arguments: [person])
                if let until {
                    try db.execute(sql: "INSERT INTO snoozes (person_id, until_day) VALUES (?, ?)", arguments: [person, until.ordinal])
                }
            }
            if let group {
                _ = try Store.group(db, group)
                try db.execute(sql: "DELETE FROM snoozes WHERE group_id = ?", arguments: [group])
                if let until {
                    try db.execute(sql: "INSERT INTO snoozes (group_id, until_day) VALUES (?, ?)", arguments: [group, until.ordinal])
                }
            }
        }
    }

    /// Logging a moment resets the clock, so it lifts the snoozes of everyone in it.
    static func liftSnoozes(_ db: Database, _ m: Moment) throws {
        for p in m.people { try db.execute(sql: "DELETE FROM snoozes WHERE person_id = ?", arguments: [p]) }
        if let g = m.groupID { try db.execute(sql: "DELETE FROM snoozes WHERE group_id = ?", arguments: [g]) }
    }

    public func addReminder(_ r: Reminder, createdAt: Int) throws(StoreError) -> Reminder {
        try write { db in
            if let p = r.personID { _ = try Store.person(db, p) }
            if let g = r.groupID { _ = try Store.group(db, g) }
            try db.execute(sql: "INSERT INTO reminders (person_id, group_id, text, on_day, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [r.personID, r.groupID, r.text, r.on.ordinal, createdAt])
            var stored = r
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    /// Reminders, soonest first: the open ones, or all of them.
    public func reminders(includeClosed: Bool = false) throws(StoreError) -> [Reminder] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM reminders \(includeClosed ? "" : "WHERE state = 'open'") ORDER BY on_day, id
                """).map { row in
                Reminder(id: row["id"], personID: row["person_id"], groupID: row["group_id"], text: row["text"],
                         on: Day(ordinal: row["on_day"]), state: Reminder.State(rawValue: row["state"]) ?? .open)
            }
        }
    }

    /// Marks a reminder done or dismissed (or open again).
    public func setReminder(id: Int64, state: Reminder.State, on day: Day) throws(StoreError) -> Reminder {
        try write { db in
            _ = try Store.row(db, table: "reminders", id: id, what: "reminder")
            try db.execute(sql: "UPDATE reminders SET state = ?, closed_day = ? WHERE id = ?",
                           arguments: [state.rawValue, state == .open ? nil : day.ordinal, id])
            let row = try Store.row(db, table: "reminders", id: id, what: "reminder")
            return Reminder(id: id, personID: row["person_id"], groupID: row["group_id"], text: row["text"],
                            on: Day(ordinal: row["on_day"]), state: state)
        }
    }
}

extension Store {
    /// A small value kept in the store (the day of the last nudge, say).
    public func setting(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, _ value: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }
}
