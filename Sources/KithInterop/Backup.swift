import KithCore

/// Everything in a store, as one JSON document: a backup that restores to an identical
/// store (a second export of the restored store gives the same bytes).
public struct Backup: Sendable {
    public static let format = "kith-backup"
    /// 2 added each person's vCard UID, then the UIDs of groups, moments and reminders
    /// (optional: a backup without them restores with new ones, as version 1 does).
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
        var text = ""
        let sorted = moments.sorted { $0.id < $1.id }
        // Neither closure throws: the text is built in memory.
        try! write(moments: { each in try each(sorted) }, to: { text += $0 })
        return text
    }

    /// The backup as `json()` writes it, handed to `out` in pieces, with the moments
    /// from `moments` (in id order, a page at a time, given to the function it is
    /// passed) instead of `self.moments`: an export of a million moments never holds
    /// them, nor the text, whole. Returns how many moments were written.
    @discardableResult
    public func write(moments: (_ each: ([Moment]) throws -> Void) throws -> Void, to out: (String) throws -> Void) throws -> Int {
        // Kith's order: what moments refer to comes before them, so a reader can check
        // and store each moment as it comes.
        var text = "{\n"
        for (key, value) in head { text += "  \"\(key)\": " + value.render(indent: 1) + ",\n" }
        text += "  \"moments\": "
        try out(text)
        var count = 0
        // `out` is called only while `moments` runs, never after.
        try withoutActuallyEscaping(out) { out in
            try moments { page in
                var chunk = ""
                for m in page {
                    chunk += (count == 0 ? "[\n    " : ",\n    ") + Backup.json(m).render(indent: 2)
                    count += 1
                }
                try out(chunk)
            }
        }
        text = (count == 0 ? "[]" : "\n  ]") + ",\n"
        let tail = self.tail
        for (i, (key, value)) in tail.enumerated() {
            text += "  \"\(key)\": " + value.render(indent: 1) + (i < tail.count - 1 ? ",\n" : "\n")
        }
        try out(text + "}\n")
        return count
    }

    private var head: [(String, JSON)] {
        [
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
                    ("members", .array(members.sorted().map { .int(Int($0)) })), ("uid", .optional(g.uid)),
                ])
            })),
        ]
    }

    static func json(_ m: Moment) -> JSON {
        .object([
            ("id", .int(Int(m.id))), ("date", .string(m.day.iso)), ("time", .optional(m.time?.description)),
            ("people", .array(m.people.sorted().map { .int(Int($0)) })), ("group", .optional(m.groupID.map { Int($0) })),
            ("via", .string(m.channel.rawValue)), ("reachedOut", .string(m.initiator.rawValue)),
            ("kinds", .array(m.kinds.map { .string($0.rawValue) })),
            ("emotions", .array(m.emotions.map { .object([("word", .string($0.word)), ("intensity", .int($0.intensity))]) })),
            ("uplift", .optional(m.uplift)), ("depth", .string(m.depth.rawValue)),
            ("received", .optional(m.received?.rawValue)), ("note", .string(m.note)), ("uid", .optional(m.uid)),
        ])
    }

    private var tail: [(String, JSON)] {
        [
            ("reminders", .array(reminders.sorted { $0.id < $1.id }.map { r in
                .object([
                    ("id", .int(Int(r.id))), ("person", .optional(r.personID.map { Int($0) })),
                    ("group", .optional(r.groupID.map { Int($0) })), ("text", .string(r.text)),
                    ("date", .string(r.on.iso)), ("state", .string(r.state.rawValue)), ("uid", .optional(r.uid)),
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
        ]
    }

    private func key(_ s: Subject) -> String {
        switch s {
        case .person(let id): "p\(id)"
        case .group(let id): "g\(id)"
        }
    }
}

extension Backup {
    /// What the store would refuse among people and groups, found before anything is
    /// written and named by its place in the file: names that only differ in case or
    /// accents, names kith could never show on one line, anything the store keeps once
    /// that appears twice (ids, UIDs, a person in one group), members the backup lacks.
    /// Moments are checked one by one as they are read (`BackupStream.moment`).
    func checkPeopleAndGroups(file: String) throws {
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
    }

    /// The same for reminders, snoozes and self check-ins, against the backup's people
    /// and groups (`ids`, `groupIDs`).
    func checkRest(file: String, people ids: Set<Int64>, groups groupIDs: Set<Int64>) throws {
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
