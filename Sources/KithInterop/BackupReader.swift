import Foundation
import KithCore

/// Where a backup goes as it is read: a store fills up while the file streams past, so
/// a backup of a million moments never sits in memory whole.
public protocol BackupSink {
    /// Once, before any moment: every person and group, checked against each other.
    mutating func start(people: [Person], groups: [(group: Group, members: [Int64])]) throws
    /// The moments in the file's order, a batch at a time, each checked (its people and
    /// group are in the backup, its id is new).
    mutating func moments(_ batch: [Moment]) throws
    /// Once, at the end: the backup without its moments, everything in it checked.
    mutating func finish(_ rest: Backup) throws
}

extension Backup {
    /// Moments handed to a sink at a time: large enough that each call is cheap, small
    /// enough that a batch is a few hundred KB.
    public static let momentBatch = 1_000

    /// Reads a backup, handing it to `sink` as it goes; any problem is one line naming
    /// where in the file it is, and may come after part of the backup went to the sink
    /// (which therefore writes in one transaction). Dates follow the CLI's rules, seen
    /// from `today`: moments, check-ins, birthdays and the days people and groups were
    /// added are not in the future (nor moments before 1900, birthdays before 1850);
    /// reminders and snoozes are at most 200 years ahead.
    ///
    /// `open` gives the file from its start. Kith writes `format`, `version`, `people`
    /// and `groups` before `moments`, and such a file is read once; a file whose keys
    /// were reordered (`jq -S`) is read again for the parts that came too early.
    /// Returns how many moments were read.
    @discardableResult
    public static func read(open: () throws -> JSONPull.Source, file: String, today: Day, into sink: inout some BackupSink) throws -> Int {
        var stream = BackupStream(file: file, today: today)
        return try stream.run(open: open, sink: &sink)
    }

    /// Reads a backup held in memory, whole: for tests and small files.
    public static func read(_ data: Data, file: String, today: Day) throws -> Backup {
        var sink = Collect()
        let bytes = [UInt8](data)
        try read(open: { var given = false; return { defer { given = true }; return given ? [] : bytes } },
                 file: file, today: today, into: &sink)
        return sink.backup
    }

    /// Keeps everything: what `read(_:file:today:)` returns.
    private struct Collect: BackupSink {
        var backup = Backup()
        var moments: [Moment] = []
        mutating func start(people: [Person], groups: [(group: Group, members: [Int64])]) {}
        mutating func moments(_ batch: [Moment]) { moments += batch }
        mutating func finish(_ rest: Backup) {
            backup = rest
            backup.moments = moments
        }
    }
}

/// One reading of a backup: the top-level keys in the file's order, each section
/// element by element, checked as it comes.
private struct BackupStream {
    let file: String
    let r: Reader
    var b = Backup()
    var sawFormat = false
    var version: Int?
    /// Top-level keys seen in the first pass; sections read, and sections left for a
    /// later pass because what they need came after them.
    var present = Set<String>()
    var done = Set<String>()
    var deferred = Set<String>()
    var started = false
    var passes = 0
    // What a moment is checked against, and what it must not repeat.
    var personIDs = Set<Int64>(), groupIDs = Set<Int64>(), momentIDs = Set<Int64>()
    var momentCount = 0

    static let sections: Set<String> = ["people", "groups", "moments", "reminders", "snoozes", "settings", "selfCheckins"]

    init(file: String, today: Day) {
        self.file = file
        r = Reader(file: file, today: today)
    }

    mutating func run(open: () throws -> JSONPull.Source, sink: inout some BackupSink) throws -> Int {
        repeat {
            passes += 1
            try pass(try open(), sink: &sink)
            guard sawFormat else { throw InputError("\(file) is not a kith backup (no \"format\": \"\(Backup.format)\")") }
            guard version != nil else {
                throw InputError("\(file): version: must be a whole number, as kith writes it (not a kith backup, or edited)")
            }
        } while !deferred.isEmpty
        try startIfNeeded(&sink)
        try checkRest()
        try sink.finish(b)
        return momentCount
    }

    /// Whether a section can be read now: after the format and version are known, and
    /// for moments after the people and groups they refer to.
    func ready(_ key: String) -> Bool {
        guard sawFormat, version != nil else { return false }
        guard key == "moments" else { return true }
        return ["people", "groups"].allSatisfy { done.contains($0) || (passes > 1 && !present.contains($0)) }
    }

    mutating func pass(_ source: @escaping JSONPull.Source, sink: inout some BackupSink) throws {
        var p = JSONPull(maxString: Parse.noteLimit, source: source)
        do {
            guard try p.peekKind() == .object else {
                // Valid JSON, or not: read it through to tell which.
                try p.skip()
                try p.end()
                throw InputError("\(file) is not a JSON object (not a kith backup)")
            }
            try p.beginObject()
            var first = true, seen = Set<String>()
            while let key = try p.nextKey(first: &first) {
                guard seen.insert(key).inserted else { throw InputError("\(file): the key \"\(key)\" appears twice") }
                if passes == 1 { present.insert(key) }
                switch key {
                case "format" where passes == 1:
                    guard try element(&p, key) == .string(Backup.format) else {
                        throw InputError("\(file) is not a kith backup (no \"format\": \"\(Backup.format)\")")
                    }
                    sawFormat = true
                case "version" where passes == 1:
                    guard case .int(let v) = try element(&p, key) else {
                        throw InputError("\(file): version: must be a whole number, as kith writes it (not a kith backup, or edited)")
                    }
                    guard v <= Backup.version else { throw InputError("\(file) was written by a newer kith (backup version \(v)); upgrade kith") }
                    version = v
                case _ where BackupStream.sections.contains(key) && !done.contains(key):
                    if ready(key) { try section(key, &p, &sink) } else { deferred.insert(key); try p.skip() }
                default: try p.skip()
                }
            }
            try p.end()
        } catch let f as JSONPull.Failure {
            throw describe(f, at: "")
        }
    }

    mutating func section(_ key: String, _ p: inout JSONPull, _ sink: inout some BackupSink) throws {
        done.insert(key)
        deferred.remove(key)
        if key == "settings" { return try settings(try element(&p, key)) }
        guard try p.peekKind() == .array else { throw InputError("\(file): \(key) must be a list of objects") }
        if key == "moments" { try startIfNeeded(&sink) }
        try p.beginArray()
        var first = true, i = 0
        var batch: [Moment] = []
        while try p.nextElement(first: &first) {
            let at = "\(key)[\(i)]"
            let v = try element(&p, at)
            guard case .object = v else { throw InputError("\(file): \(key) must be a list of objects") }
            switch key {
            case "people": b.people.append(try r.person(v, at))
            case "groups": b.groups.append(try r.group(v, at))
            case "moments":
                batch.append(try moment(v, at))
                if batch.count == Backup.momentBatch {
                    try sink.moments(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            case "reminders": b.reminders.append(try r.reminder(v, at))
            case "snoozes": b.snoozes.append(try r.snooze(v, at))
            default: b.selfCheckins.append(try r.selfCheckin(v, at))
            }
            i += 1
        }
        if !batch.isEmpty { try sink.moments(batch) }
    }

    /// The next value whole, its faults named from `at`.
    func element(_ p: inout JSONPull, _ at: String) throws -> JSONValue {
        do { return try p.value() } catch let f as JSONPull.Failure { throw describe(f, at: at) }
    }

    func describe(_ f: JSONPull.Failure, at: String) -> InputError {
        let place = { (path: String) in "\(file): \(at.isEmpty && path.isEmpty ? "the top level" : at + path)" }
        switch f {
        case let .syntax(what, line, column):
            return InputError("\(file) is not valid JSON (cut short, or not a kith backup): line \(line), column \(column): \(what)")
        case let .tooDeep(path, limit): return InputError("\(place(path)): nested more than \(limit) levels deep; a kith backup never is")
        case let .tooLong(path): return InputError("\(place(path)): is over 10 MB; a note is text, not a file")
        case let .duplicateKey(path, key): return InputError("\(place(path)): the key \"\(key)\" appears twice")
        case let .notUTF8(path): return InputError("\(place(path)): is not UTF-8 text")
        }
    }

    mutating func settings(_ v: JSONValue) throws {
        guard case .object(let members) = v else { throw InputError("\(file): settings must be an object of text values") }
        for (k, value) in members {
            guard case .string(let s) = value else { throw InputError("\(file): settings.\(k): must be text") }
            try r.clean(s, "settings", k)
            b.settings[k] = s
        }
    }

    /// People and groups are whole once moments begin (or at the end): check them
    /// against each other, and hand them over.
    mutating func startIfNeeded(_ sink: inout some BackupSink) throws {
        guard !started else { return }
        started = true
        try b.checkPeopleAndGroups(file: file)
        personIDs = Set(b.people.map(\.id))
        groupIDs = Set(b.groups.map(\.group.id))
        try sink.start(people: b.people, groups: b.groups)
    }

    /// A moment, checked alone and against the people, groups and moments before it.
    mutating func moment(_ v: JSONValue, _ at: String) throws -> Moment {
        let m = try r.moment(v, at)
        guard momentIDs.insert(m.id).inserted else { throw InputError("\(file): \(at).id: #\(m.id) appears twice") }
        for (j, p) in m.people.enumerated() where !personIDs.contains(p) {
            throw InputError("\(file): \(at).people[\(j)]: no person #\(p) in the backup")
        }
        if let g = m.groupID, !groupIDs.contains(g) { throw InputError("\(file): \(at).group: no group #\(g) in the backup") }
        try Backup.once(m.people, file: file, at: "\(at).people") { "#\($0)" }
        try Backup.once(m.emotions.map(\.word), file: file, at: "\(at).emotions", key: ".word") { "\"\($0)\"" }
        momentCount += 1
        return m
    }

    func checkRest() throws {
        try b.checkRest(file: file, people: personIDs, groups: groupIDs)
    }
}

/// Typed reads from one parsed element, each failure naming the file, the place and
/// the key. A value of the wrong type is refused, never taken as a default.
struct Reader {
    let file: String
    let today: Day

    /// Days of what happened (moments, check-ins, additions): from 1900 to today.
    var past: ClosedRange<Day> { Day(year: Parse.earliestYear, month: 1, day: 1)!...Parse.latestPast(today) }
    /// Days of what is to come (reminders, snoozes): from 1900 to 200 years on.
    var ahead: ClosedRange<Day> { Day(year: Parse.earliestYear, month: 1, day: 1)!...Parse.latestDay(after: today) }

    func fail(_ at: String, _ key: String, _ why: String) -> InputError { InputError("\(file): \(at).\(key): \(why)") }

    // MARK: elements

    func person(_ p: JSONValue, _ at: String) throws -> Person {
        let birthday = try optionalString(p, "birthday", at).map { text -> Birthday in
            do { return try Parse.birthday(text, today: today) } catch let e as InputError {
                throw InputError("\(file): \(at).birthday: \(e.message)")
            }
        }
        return Person(
            id: try id(p, "id", at), name: try string(p, "name", at), nickname: try optionalString(p, "nickname", at),
            circle: try choice(p, "circle", at), cadenceDays: try optionalInt(p, "cadenceDays", at, 1...3650),
            birthday: birthday, bond: try optionalString(p, "for", at).map { try parsed($0, "for", at) },
            notes: try note(p, "notes", at), archived: try bool(p, "archived", at), addedOn: try day(p, "added", at, past),
            uid: try optionalString(p, "uid", at),
            card: try optionalString(p, "cardName", at).map { CardOrigin(name: $0, structuredName: try optionalString(p, "cardN", at)) })
    }

    func group(_ g: JSONValue, _ at: String) throws -> (group: Group, members: [Int64]) {
        let group = Group(id: try id(g, "id", at), name: try string(g, "name", at),
                          cadenceDays: try optionalInt(g, "cadenceDays", at, 1...3650), notes: try note(g, "notes", at),
                          addedOn: try day(g, "added", at, past), uid: try optionalString(g, "uid", at))
        return (group, try ids(g, "members", at))
    }

    func moment(_ m: JSONValue, _ at: String) throws -> Moment {
        let time = try optionalString(m, "time", at).map { t -> TimeOfDay in
            guard let tod = try? Parse.time(t) else { throw InputError("\(file): \(at).time: \"\(t)\" is not a time") }
            return tod
        }
        let moment = Moment(
            id: try id(m, "id", at), day: try day(m, "date", at, past), time: time, people: try ids(m, "people", at),
            groupID: try optionalInt(m, "group", at, 1...Int.max).map { Int64($0) },
            channel: try choice(m, "via", at), initiator: try choice(m, "reachedOut", at),
            kinds: try strings(m, "kinds", at).map { try parsed($0, "kinds", at) }, emotions: try emotions(m, at),
            uplift: try optionalInt(m, "uplift", at, -2...2), depth: try choice(m, "depth", at),
            received: try optionalString(m, "received", at).map { try parsed($0, "received", at) },
            note: try note(m, "note", at), uid: try optionalString(m, "uid", at))
        do { try moment.validate() } catch { throw InputError("\(file): \(at): \(error.message)") }
        return moment
    }

    func reminder(_ x: JSONValue, _ at: String) throws -> Reminder {
        Reminder(id: try id(x, "id", at), personID: try optionalInt(x, "person", at, 1...Int.max).map { Int64($0) },
                 groupID: try optionalInt(x, "group", at, 1...Int.max).map { Int64($0) }, text: try note(x, "text", at),
                 on: try day(x, "date", at, ahead), state: try parsed(try string(x, "state", at), "state", at),
                 uid: try optionalString(x, "uid", at))
    }

    func snooze(_ s: JSONValue, _ at: String) throws -> (subject: Subject, until: Day) {
        let until = try day(s, "until", at, ahead)
        if let p = try optionalInt(s, "person", at, 1...Int.max) { return (.person(Int64(p)), until) }
        if let g = try optionalInt(s, "group", at, 1...Int.max) { return (.group(Int64(g)), until) }
        throw InputError("\(file): \(at): needs a person or a group")
    }

    func selfCheckin(_ c: JSONValue, _ at: String) throws -> SelfCheckin {
        var loneliness: Loneliness? = nil
        if let answers = c["loneliness"], answers != .null {
            guard case .array(let list) = answers, list.count == 3,
                  case .int(let x) = list[0], case .int(let y) = list[1], case .int(let z) = list[2],
                  let a = Loneliness.Answer(rawValue: x), let b = Loneliness.Answer(rawValue: y),
                  let d = Loneliness.Answer(rawValue: z) else {
                throw InputError("\(file): \(at).loneliness: must be three answers from 1 to 3")
            }
            loneliness = Loneliness(lackCompanionship: a, leftOut: b, isolated: d)
        }
        let checkin = SelfCheckin(day: try day(c, "date", at, past), closeness: try optionalInt(c, "closeness", at, 1...7),
                                  emotions: try emotions(c, at), loneliness: loneliness)
        do { try checkin.validate() } catch { throw InputError("\(file): \(at): \(error.message)") }
        return checkin
    }

    /// A moment's or check-in's feelings: each word one kith could show as a word (no
    /// escape codes, no spaces), intensity 1 to 3.
    func emotions(_ o: JSONValue, _ at: String) throws -> [EmotionTag] {
        try objects(o, "emotions", at).enumerated().map { j, e in
            let place = "\(at).emotions[\(j)]"
            let word = try string(e, "word", place)
            if let why = EmotionCatalog.problem(with: word) { throw fail(place, "word", why) }
            return EmotionTag(word: word, intensity: try optionalInt(e, "intensity", place, 1...3) ?? 1)
        }
    }

    // MARK: values

    /// No text kith stores holds a NUL: SQLite would cut it there, silently.
    func clean(_ s: String, _ at: String, _ key: String) throws {
        if s.utf8.contains(0) { throw fail(at, key, "holds a NUL character") }
    }

    func string(_ o: JSONValue, _ key: String, _ at: String) throws -> String {
        guard case .string(let s)? = o[key] else { throw fail(at, key, "missing or not text") }
        try clean(s, at, key)
        return s
    }

    /// Text a user wrote (a note, a reminder): at most what `--note -` takes.
    func note(_ o: JSONValue, _ key: String, _ at: String) throws -> String {
        let s = try string(o, key, at)
        guard s.utf8.count <= Parse.noteLimit else { throw fail(at, key, "is over 10 MB; a note is text, not a file") }
        return s
    }

    func optionalString(_ o: JSONValue, _ key: String, _ at: String) throws -> String? {
        guard let v = o[key], v != .null else { return nil }
        guard case .string(let s) = v else { throw fail(at, key, "must be text or null") }
        try clean(s, at, key)
        return s
    }

    /// A flag kith always writes; absent means false, as before flags existed.
    func bool(_ o: JSONValue, _ key: String, _ at: String) throws -> Bool {
        guard let v = o[key] else { return false }
        guard case .bool(let b) = v else { throw fail(at, key, "must be true or false") }
        return b
    }

    func optionalInt(_ o: JSONValue, _ key: String, _ at: String, _ range: ClosedRange<Int>) throws -> Int? {
        guard let v = o[key], v != .null else { return nil }
        guard case .int(let n) = v, range.contains(n) else { throw fail(at, key, "must be a whole number in \(range)") }
        return n
    }

    func id(_ o: JSONValue, _ key: String, _ at: String) throws -> Int64 {
        guard let n = try optionalInt(o, key, at, 1...Int.max) else { throw fail(at, key, "missing") }
        return Int64(n)
    }

    func ids(_ o: JSONValue, _ key: String, _ at: String) throws -> [Int64] {
        guard case .array(let items)? = o[key] else { throw fail(at, key, "must be a list of ids") }
        return try items.map { v in
            guard case .int(let n) = v else { throw fail(at, key, "must be a list of ids") }
            return Int64(n)
        }
    }

    /// A list of text; absent means empty.
    func strings(_ o: JSONValue, _ key: String, _ at: String) throws -> [String] {
        guard let v = o[key] else { return [] }
        guard case .array(let items) = v else { throw fail(at, key, "must be a list of text") }
        return try items.map { item in
            guard case .string(let s) = item else { throw fail(at, key, "must be a list of text") }
            return s
        }
    }

    /// A list of objects; absent means empty.
    func objects(_ o: JSONValue, _ key: String, _ at: String) throws -> [JSONValue] {
        guard let v = o[key] else { return [] }
        guard case .array(let items) = v, items.allSatisfy({ if case .object = $0 { true } else { false } }) else {
            throw fail(at, key, "must be a list of objects")
        }
        return items
    }

    func day(_ o: JSONValue, _ key: String, _ at: String, _ range: ClosedRange<Day>) throws -> Day {
        let s = try string(o, key, at)
        guard let d = try? Parse.isoDay(s) else { throw fail(at, key, "\"\(s)\" is not a YYYY-MM-DD date") }
        if d < range.lowerBound { throw fail(at, key, "\(d.iso) is before \(Parse.earliestYear)") }
        if d > range.upperBound {
            throw fail(at, key, range.upperBound == Parse.latestPast(today) ? "\(d.iso) is in the future (today is \(today.iso))"
                                                          : "\(d.iso) is more than \(Parse.farthestAheadYears) years ahead")
        }
        return d
    }

    func choice<T: RawRepresentable & CaseIterable>(_ o: JSONValue, _ key: String, _ at: String) throws -> T where T.RawValue == String {
        try parsed(try string(o, key, at), key, at)
    }

    func parsed<T: RawRepresentable & CaseIterable>(_ s: String, _ key: String, _ at: String) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: s) else {
            throw fail(at, key, "\"\(s)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }
}
