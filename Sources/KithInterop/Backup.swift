import Foundation
import KithCore

/// Everything in a store, as one JSON document: a backup that restores to an identical
/// store (a second export of the restored store gives the same bytes).
public struct Backup: Sendable {
    public static let format = "kith-backup"
    /// 2 added each person's vCard UID; version 1 backups still restore (new UIDs).
    public static let version = 2

    public var people: [Person] = []
    public var groups: [(group: Group, members: [Int64])] = []
    public var moments: [Moment] = []
    public var reminders: [Reminder] = []
    public var snoozes: [(subject: Subject, until: Day)] = []
    public var settings: [String: String] = [:]
    public var selfCheckins: [SelfCheckin] = []

    public init() {}

    // MARK: writing

    public func json() -> String {
        JSON.object([
            ("format", .string(Backup.format)),
            ("version", .int(Backup.version)),
            ("people", .array(people.sorted { $0.id < $1.id }.map { p in
                .object([
                    ("id", .int(Int(p.id))), ("name", .string(p.name)), ("nickname", .optional(p.nickname)),
                    ("circle", .string(p.circle.rawValue)), ("cadenceDays", .optional(p.cadenceDays)),
                    ("birthday", .optional(p.birthday?.description)), ("for", .optional(p.bond?.rawValue)),
                    ("notes", .string(p.notes)), ("archived", .bool(p.archived)), ("added", .string(p.addedOn.iso)),
                    ("uid", .optional(p.uid)), ("cardName", .optional(p.card?.name)), ("cardN", .optional(p.card?.structuredName)),
                ])
            })),
            ("groups", .array(groups.sorted { $0.group.id < $1.group.id }.map { g, members in
                .object([
                    ("id", .int(Int(g.id))), ("name", .string(g.name)), ("cadenceDays", .optional(g.cadenceDays)),
                    ("notes", .string(g.notes)), ("added", .string(g.addedOn.iso)),
                    ("members", .array(members.sorted().map { .int(Int($0)) })),
                ])
            })),
            ("moments", .array(moments.sorted { $0.id < $1.id }.map { m in
                .object([
                    ("id", .int(Int(m.id))), ("date", .string(m.day.iso)), ("time", .optional(m.time?.description)),
                    ("people", .array(m.people.sorted().map { .int(Int($0)) })), ("group", .optional(m.groupID.map { Int($0) })),
                    ("via", .string(m.channel.rawValue)), ("reachedOut", .string(m.initiator.rawValue)),
                    ("kinds", .array(m.kinds.map { .string($0.rawValue) })),
                    ("emotions", .array(m.emotions.map { .object([("word", .string($0.word)), ("intensity", .int($0.intensity))]) })),
                    ("uplift", .optional(m.uplift)), ("depth", .string(m.depth.rawValue)),
                    ("received", .optional(m.received?.rawValue)), ("note", .string(m.note)),
                ])
            })),
            ("reminders", .array(reminders.sorted { $0.id < $1.id }.map { r in
                .object([
                    ("id", .int(Int(r.id))), ("person", .optional(r.personID.map { Int($0) })),
                    ("group", .optional(r.groupID.map { Int($0) })), ("text", .string(r.text)),
                    ("date", .string(r.on.iso)), ("state", .string(r.state.rawValue)),
                ])
            })),
            ("snoozes", .array(snoozes.sorted { key($0.subject) < key($1.subject) }.map { s in
                switch s.subject {
                case .person(let id): .object([("person", .int(Int(id))), ("until", .string(s.until.iso))])
                case .group(let id): .object([("group", .int(Int(id))), ("until", .string(s.until.iso))])
                }
            })),
            ("settings", .object(settings.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("selfCheckins", .array(selfCheckins.sorted { $0.day < $1.day }.map { c in
                .object([
                    ("date", .string(c.day.iso)), ("closeness", .optional(c.closeness)),
                    ("emotions", .array(c.emotions.map { .object([("word", .string($0.word)), ("intensity", .int($0.intensity))]) })),
                    ("loneliness", c.loneliness.map { l in .array(l.answers.map { .int($0.rawValue) }) } ?? .null),
                ])
            })),
        ]).render() + "\n"
    }

    private func key(_ s: Subject) -> String {
        switch s {
        case .person(let id): "p\(id)"
        case .group(let id): "g\(id)"
        }
    }

    // MARK: reading

    /// Reads a backup; any problem is one line naming where in the file it is. Dates
    /// follow the CLI's rules, seen from `today`: moments, check-ins, birthdays and the
    /// days people and groups were added are not in the future (nor moments before 1900,
    /// birthdays before 1850); reminders and snoozes are at most 200 years ahead.
    public static func read(_ data: Data, file: String, today: Day) throws -> Backup {
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data) } catch {
            throw InputError("\(file) is not valid JSON (cut short, or not a kith backup)")
        }
        guard let root = parsed as? [String: Any] else { throw InputError("\(file) is not a JSON object (not a kith backup)") }
        guard root["format"] as? String == format else { throw InputError("\(file) is not a kith backup (no \"format\": \"\(format)\")") }
        guard let v = root["version"] as? Int else {
            throw InputError("\(file): version: must be a whole number, as kith writes it (not a kith backup, or edited)")
        }
        guard v <= version else {
            throw InputError("\(file) was written by a newer kith (backup version \(v)); upgrade kith")
        }
        var b = Backup()
        let r = Reader(file: file, today: today)
        for (i, p) in try r.list(root, "people").enumerated() {
            let at = "people[\(i)]"
            let birthday = try r.optionalString(p, "birthday", at).map { text -> Birthday in
                do { return try Parse.birthday(text, today: today) } catch let e as InputError {
                    throw InputError("\(file): \(at).birthday: \(e.message)")
                }
            }
            b.people.append(Person(
                id: try r.id(p, "id", at), name: try r.string(p, "name", at), nickname: try r.optionalString(p, "nickname", at),
                circle: try r.choice(p, "circle", at), cadenceDays: try r.optionalInt(p, "cadenceDays", at, 1...3650),
                birthday: birthday, bond: try r.optionalString(p, "for", at).map { try r.parsed($0, "for", at) },
                notes: try r.note(p, "notes", at), archived: p["archived"] as? Bool ?? false, addedOn: try r.day(p, "added", at, r.past),
                uid: try r.optionalString(p, "uid", at),
                card: try r.optionalString(p, "cardName", at).map { CardOrigin(name: $0, structuredName: try r.optionalString(p, "cardN", at)) }))
        }
        for (i, g) in try r.list(root, "groups").enumerated() {
            let at = "groups[\(i)]"
            let group = Group(id: try r.id(g, "id", at), name: try r.string(g, "name", at),
                              cadenceDays: try r.optionalInt(g, "cadenceDays", at, 1...3650), notes: try r.note(g, "notes", at),
                              addedOn: try r.day(g, "added", at, r.past))
            b.groups.append((group, try r.ids(g, "members", at)))
        }
        for (i, m) in try r.list(root, "moments").enumerated() {
            let at = "moments[\(i)]"
            let time = try r.optionalString(m, "time", at).map { t -> TimeOfDay in
                guard let tod = try? Parse.time(t) else { throw InputError("\(file): \(at).time: \"\(t)\" is not a time") }
                return tod
            }
            let emotions = try (m["emotions"] as? [[String: Any]] ?? []).enumerated().map { j, e in
                EmotionTag(word: try r.string(e, "word", "\(at).emotions[\(j)]"),
                           intensity: try r.optionalInt(e, "intensity", "\(at).emotions[\(j)]", 1...3) ?? 1)
            }
            let moment = Moment(
                id: try r.id(m, "id", at), day: try r.day(m, "date", at, r.past), time: time, people: try r.ids(m, "people", at),
                groupID: try r.optionalInt(m, "group", at, 1...Int.max).map { Int64($0) },
                channel: try r.choice(m, "via", at), initiator: try r.choice(m, "reachedOut", at),
                kinds: try (m["kinds"] as? [String] ?? []).map { try r.parsed($0, "kinds", at) }, emotions: emotions,
                uplift: try r.optionalInt(m, "uplift", at, -2...2), depth: try r.choice(m, "depth", at),
                received: try r.optionalString(m, "received", at).map { try r.parsed($0, "received", at) },
                note: try r.note(m, "note", at))
            do { try moment.validate() } catch { throw InputError("\(file): \(at): \(error.message)") }
            b.moments.append(moment)
        }
        for (i, x) in try r.list(root, "reminders").enumerated() {
            let at = "reminders[\(i)]"
            b.reminders.append(Reminder(
                id: try r.id(x, "id", at), personID: try r.optionalInt(x, "person", at, 1...Int.max).map { Int64($0) },
                groupID: try r.optionalInt(x, "group", at, 1...Int.max).map { Int64($0) }, text: try r.note(x, "text", at),
                on: try r.day(x, "date", at, r.ahead), state: try r.parsed(try r.string(x, "state", at), "state", at)))
        }
        for (i, s) in try r.list(root, "snoozes").enumerated() {
            let at = "snoozes[\(i)]"
            let until = try r.day(s, "until", at, r.ahead)
            if let p = try r.optionalInt(s, "person", at, 1...Int.max) { b.snoozes.append((.person(Int64(p)), until)) }
            else if let g = try r.optionalInt(s, "group", at, 1...Int.max) { b.snoozes.append((.group(Int64(g)), until)) }
            else { throw InputError("\(file): \(at): needs a person or a group") }
        }
        b.settings = root["settings"] as? [String: String] ?? [:]
        for (i, c) in try r.list(root, "selfCheckins").enumerated() {
            let at = "selfCheckins[\(i)]"
            let emotions = try (c["emotions"] as? [[String: Any]] ?? []).enumerated().map { j, e in
                EmotionTag(word: try r.string(e, "word", "\(at).emotions[\(j)]"),
                           intensity: try r.optionalInt(e, "intensity", "\(at).emotions[\(j)]", 1...3) ?? 1)
            }
            var loneliness: Loneliness? = nil
            if let answers = c["loneliness"], !(answers is NSNull) {
                guard let list = answers as? [Int], list.count == 3,
                      let a = Loneliness.Answer(rawValue: list[0]), let b = Loneliness.Answer(rawValue: list[1]),
                      let d = Loneliness.Answer(rawValue: list[2]) else {
                    throw InputError("\(file): \(at).loneliness: must be three answers from 1 to 3")
                }
                loneliness = Loneliness(lackCompanionship: a, leftOut: b, isolated: d)
            }
            let checkin = SelfCheckin(day: try r.day(c, "date", at, r.past), closeness: try r.optionalInt(c, "closeness", at, 1...7),
                                      emotions: emotions, loneliness: loneliness)
            do { try checkin.validate() } catch { throw InputError("\(file): \(at): \(error.message)") }
            b.selfCheckins.append(checkin)
        }
        // After everything is read: the check covers the self check-ins too.
        try b.checkConsistency(file: file)
        return b
    }
}

extension Backup {
    /// What the store would refuse, found before anything is written and named by its
    /// place in the file: names that only differ in case or accents, names kith could
    /// never show on one line, references to people or groups the backup lacks, and
    /// anything the store keeps once that appears twice (ids, UIDs, a person in one
    /// moment or group, an emotion word in one moment or check-in, a snooze).
    func checkConsistency(file: String) throws {
        var names: [String: String] = [:], ids = Set<Int64>(), uids: [String: Int] = [:]
        for (i, p) in people.enumerated() {
            if let uid = p.uid, let first = uids.updateValue(i, forKey: uid) {
                throw InputError("\(file): people[\(i)].uid: \"\(uid)\" appears twice (also people[\(first)].uid)")
            }
            do { _ = try Names.validate(p.name) } catch let e as InputError { throw InputError("\(file): people[\(i)].name: \(e.message)") }
            if let other = names.updateValue(p.name, forKey: Folding.fold(p.name)) {
                throw InputError("\(file): people[\(i)].name: \"\(p.name)\" is the same name as \"\(other)\" ignoring case and accents")
            }
            guard ids.insert(p.id).inserted else { throw InputError("\(file): people[\(i)].id: #\(p.id) appears twice") }
        }
        var groupNames: [String: String] = [:], groupIDs = Set<Int64>()
        for (i, (g, members)) in groups.enumerated() {
            do { _ = try Names.validate(g.name, what: "group name") } catch let e as InputError { throw InputError("\(file): groups[\(i)].name: \(e.message)") }
            if let other = groupNames.updateValue(g.name, forKey: Folding.fold(g.name)) {
                throw InputError("\(file): groups[\(i)].name: \"\(g.name)\" is the same name as \"\(other)\" ignoring case and accents")
            }
            guard groupIDs.insert(g.id).inserted else { throw InputError("\(file): groups[\(i)].id: #\(g.id) appears twice") }
            for (j, m) in members.enumerated() where !ids.contains(m) {
                throw InputError("\(file): groups[\(i)].members[\(j)]: no person #\(m) in the backup")
            }
            try Backup.once(members, file: file, at: "groups[\(i)].members") { "#\($0)" }
        }
        var momentIDs = Set<Int64>()
        for (i, m) in moments.enumerated() {
            guard momentIDs.insert(m.id).inserted else { throw InputError("\(file): moments[\(i)].id: #\(m.id) appears twice") }
            for (j, p) in m.people.enumerated() where !ids.contains(p) {
                throw InputError("\(file): moments[\(i)].people[\(j)]: no person #\(p) in the backup")
            }
            if let g = m.groupID, !groupIDs.contains(g) { throw InputError("\(file): moments[\(i)].group: no group #\(g) in the backup") }
            try Backup.once(m.people, file: file, at: "moments[\(i)].people") { "#\($0)" }
            try Backup.once(m.emotions.map(\.word), file: file, at: "moments[\(i)].emotions", key: ".word") { "\"\($0)\"" }
        }
        var reminderIDs = Set<Int64>()
        for (i, r) in reminders.enumerated() {
            guard reminderIDs.insert(r.id).inserted else { throw InputError("\(file): reminders[\(i)].id: #\(r.id) appears twice") }
            if let p = r.personID, !ids.contains(p) { throw InputError("\(file): reminders[\(i)].person: no person #\(p) in the backup") }
            if let g = r.groupID, !groupIDs.contains(g) { throw InputError("\(file): reminders[\(i)].group: no group #\(g) in the backup") }
            if (r.personID == nil) == (r.groupID == nil) { throw InputError("\(file): reminders[\(i)]: needs a person or a group") }
        }
        var snoozed = Set<Subject>()
        for (i, s) in snoozes.enumerated() {
            guard snoozed.insert(s.subject).inserted else {
                switch s.subject {
                case .person(let p): throw InputError("\(file): snoozes[\(i)].person: #\(p) has a snooze already")
                case .group(let g): throw InputError("\(file): snoozes[\(i)].group: #\(g) has a snooze already")
                }
            }
            switch s.subject {
            case .person(let p) where !ids.contains(p): throw InputError("\(file): snoozes[\(i)].person: no person #\(p) in the backup")
            case .group(let g) where !groupIDs.contains(g): throw InputError("\(file): snoozes[\(i)].group: no group #\(g) in the backup")
            default: break
            }
        }
        var days = Set<Day>()
        for (i, c) in selfCheckins.enumerated() {
            guard days.insert(c.day).inserted else { throw InputError("\(file): selfCheckins[\(i)].date: \(c.day.iso) appears twice") }
            try Backup.once(c.emotions.map(\.word), file: file, at: "selfCheckins[\(i)].emotions", key: ".word") { "\"\($0)\"" }
        }
    }

    /// A list the store keeps as a set (a moment's people, a group's members, the emotion
    /// words of one moment): a value given twice is named by its second place.
    static func once<T: Hashable>(_ values: [T], file: String, at: String, key: String = "", show: (T) -> String) throws {
        var seen: [T: Int] = [:]
        for (j, v) in values.enumerated() {
            if let first = seen.updateValue(j, forKey: v) {
                throw InputError("\(file): \(at)[\(j)]\(key): \(show(v)) appears twice (also \(at)[\(first)]\(key))")
            }
        }
    }
}

/// Typed reads from parsed JSON, each failure naming the file, the place and the key.
private struct Reader {
    let file: String
    let today: Day

    /// Days of what happened (moments, check-ins, additions): from 1900 to today.
    var past: ClosedRange<Day> { Day(year: Parse.earliestYear, month: 1, day: 1)!...Parse.latestPast(today) }
    /// Days of what is to come (reminders, snoozes): from 1900 to 200 years on.
    var ahead: ClosedRange<Day> { Day(year: Parse.earliestYear, month: 1, day: 1)!...Parse.latestDay(after: today) }

    func fail(_ at: String, _ key: String, _ why: String) -> InputError { InputError("\(file): \(at).\(key): \(why)") }

    func list(_ o: [String: Any], _ key: String) throws -> [[String: Any]] {
        guard let v = o[key] else { return [] }
        guard let l = v as? [[String: Any]] else { throw InputError("\(file): \(key) must be a list of objects") }
        return l
    }

    func string(_ o: [String: Any], _ key: String, _ at: String) throws -> String {
        guard let s = o[key] as? String else { throw fail(at, key, "missing or not text") }
        return s
    }

    /// Text a user wrote (a note, a reminder): at most what `--note -` takes.
    func note(_ o: [String: Any], _ key: String, _ at: String) throws -> String {
        let s = try string(o, key, at)
        guard s.utf8.count <= Parse.noteLimit else { throw fail(at, key, "is over 10 MB; a note is text, not a file") }
        return s
    }

    func optionalString(_ o: [String: Any], _ key: String, _ at: String) throws -> String? {
        guard let v = o[key], !(v is NSNull) else { return nil }
        guard let s = v as? String else { throw fail(at, key, "must be text or null") }
        return s
    }

    func optionalInt(_ o: [String: Any], _ key: String, _ at: String, _ range: ClosedRange<Int>) throws -> Int? {
        guard let v = o[key], !(v is NSNull) else { return nil }
        guard let n = v as? Int, range.contains(n) else { throw fail(at, key, "must be a whole number in \(range)") }
        return n
    }

    func id(_ o: [String: Any], _ key: String, _ at: String) throws -> Int64 {
        guard let n = try optionalInt(o, key, at, 1...Int.max) else { throw fail(at, key, "missing") }
        return Int64(n)
    }

    func ids(_ o: [String: Any], _ key: String, _ at: String) throws -> [Int64] {
        guard let l = o[key] as? [Int] else { throw fail(at, key, "must be a list of ids") }
        return l.map(Int64.init)
    }

    func day(_ o: [String: Any], _ key: String, _ at: String, _ range: ClosedRange<Day>) throws -> Day {
        let s = try string(o, key, at)
        guard let d = try? Parse.isoDay(s) else { throw fail(at, key, "\"\(s)\" is not a YYYY-MM-DD date") }
        if d < range.lowerBound { throw fail(at, key, "\(d.iso) is before \(Parse.earliestYear)") }
        if d > range.upperBound {
            throw fail(at, key, range.upperBound == Parse.latestPast(today) ? "\(d.iso) is in the future (today is \(today.iso))"
                                                          : "\(d.iso) is more than \(Parse.farthestAheadYears) years ahead")
        }
        return d
    }

    func choice<T: RawRepresentable & CaseIterable>(_ o: [String: Any], _ key: String, _ at: String) throws -> T where T.RawValue == String {
        try parsed(try string(o, key, at), key, at)
    }

    func parsed<T: RawRepresentable & CaseIterable>(_ s: String, _ key: String, _ at: String) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: s) else {
            throw fail(at, key, "\"\(s)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }
}
