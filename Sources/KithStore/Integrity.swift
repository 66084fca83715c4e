import GRDB

extension Store {
    /// What is wrong with the store, one line each; empty when it is sound. Checks the
    /// file (SQLite's integrity check), every reference, that each moment has someone
    /// and that the monthly counts and each person's last day agree with the moments. Used before a restore, after
    /// the fault-injection kills, and by `kith check`.
    public func integrityProblems() throws(StoreError) -> [String] {
        try read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.prefix(10).map { "integrity: \($0)" } }
            let broken = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            for r in broken.prefix(10) {
                problems.append("a row of \(r[0] as String? ?? "?") refers to a missing row of \(r[2] as String? ?? "?")")
            }
            let alone = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM moments m WHERE NOT EXISTS (SELECT 1 FROM moment_people mp WHERE mp.moment_id = m.id)
                    AND m.group_id IS NULL
                """) ?? 0
            if alone > 0 { problems.append("\(alone) moment\(alone == 1 ? " has" : "s have") neither people nor a group") }
            let mk = Schema.monthKey("day")
            func mismatches(_ table: String, _ key: String, _ source: String) throws -> Int {
                let counted = "SELECT \(mk) AS month, \(key), count(*) AS n FROM \(source) GROUP BY month, \(key)"
                let kept = "SELECT month, \(key), n FROM \(table)"
                return try Int.fetchOne(db, sql: """
                    SELECT (SELECT count(*) FROM (\(counted) EXCEPT \(kept))) + (SELECT count(*) FROM (\(kept) EXCEPT \(counted)))
                    """) ?? 0
            }
            let people = try mismatches("person_months", "person_id", "moment_people")
            let groups = try mismatches("group_months", "group_id", "moments WHERE group_id IS NOT NULL")
            if people + groups > 0 { problems.append("the monthly counts disagree with the moments in \(people + groups) places") }
            let lastDays = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM people p
                WHERE p.last_day IS NOT (SELECT max(mp.day) FROM moment_people mp WHERE mp.person_id = p.id)
                """) ?? 0
            if lastDays > 0 { problems.append("the last moment kept for \(lastDays) \(lastDays == 1 ? "person disagrees" : "people disagree") with the moments") }
            return problems
        }
    }
}
