import ArgumentParser
import KithCore
import KithStore

/// A moment's fields as `kith log` sets them and `kith moment edit` changes them: one set
/// of options, read and checked in one place, so that the two commands take the same
/// values and refuse the same mistakes.
struct MomentOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Who was there: NAME, or NAME,NAME…", valueName: "names"))
    var names: [String] = []
    @Option(help: ArgumentHelp("A group moment: counts for the group and each member present.", valueName: "group"))
    var group: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("YYYY-MM-DD, today, yesterday, a weekday, or 3d / 2w ago.", valueName: "date"))
    var date: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("HH:MM.", valueName: "time"))
    var time: String?
    @Option(help: ArgumentHelp("in-person, call, video, message or other.", valueName: "channel"))
    var via: String?
    @Option(name: .customLong("reached-out"), help: ArgumentHelp("me, them or mutual.", valueName: "who"))
    var reachedOut: String?
    @Option(help: ArgumentHelp("fun, heart-to-heart, i-supported, they-supported, practical, affection, news, conflict (comma list).", valueName: "kinds"))
    var kind: [String] = []
    @Option(help: ArgumentHelp("Emotions felt, each with intensity 1-3: happy,sad:2 (`kith emotions` lists them).", valueName: "emotions"))
    var feel: [String] = []
    @Option(parsing: .unconditional, help: ArgumentHelp("How you felt afterwards, -2 to 2.", valueName: "n"))
    var uplift: String?
    @Option(help: ArgumentHelp("light, personal or vulnerable.", valueName: "depth"))
    var depth: String?
    @Option(help: ArgumentHelp("For a vulnerable moment, how it was received: safe, mixed or hurtful.", valueName: "how"))
    var received: String?
    @Option(help: ArgumentHelp("A note; - reads it from standard input.", valueName: "text"))
    var note: String?

    /// No field given: for an edit that is a mistake to report, not a change to save.
    var isEmpty: Bool {
        names.isEmpty && group == nil && date == nil && time == nil && via == nil && reachedOut == nil && kind.isEmpty
            && feel.isEmpty && uplift == nil && depth == nil && received == nil && note == nil
    }

    /// Reads and checks every value, before any store is opened: a typo changes nothing.
    /// `clearing`: the word `none` unsets an optional field (an edit has something to
    /// clear; for `log` it is a value like any other, and refused as one).
    func read(today: Day, clearing: Bool) throws -> MomentChanges {
        func cleared(_ s: String) -> Bool { clearing && s.trimmingSpaces.lowercased() == "none" }
        func optional<T>(_ s: String?, _ parse: (String) throws -> T) throws -> T?? {
            guard let s else { return nil }
            return cleared(s) ? .some(nil) : .some(try parse(s))
        }
        func list<T>(_ items: [String], _ parse: ([String]) throws -> [T]) throws -> [T]? {
            if items.isEmpty { return nil }
            if items.count == 1 && cleared(items[0]) { return [] }
            return try parse(items.flatMap { $0.split(separator: ",").map(String.init) })
        }
        var c = MomentChanges()
        c.names = names.isEmpty ? nil : names
        c.group = try optional(group) { $0 }
        c.day = try date.map { try MomentOptions.day($0, today: today) }
        c.time = try optional(time, Parse.time)
        c.channel = try via.map { try parseChoice($0, as: "channel (--via)", aliases: Channel.aliases) }
        c.initiator = try reachedOut.map { try parseChoice($0, as: "value for --reached-out", aliases: Initiator.aliases) }
        c.kinds = try list(kind, MomentOptions.kinds)
        c.emotions = try list(feel) { try EmotionCatalog.current.parseTags($0.joined(separator: ",")) }
        c.uplift = try optional(uplift, Parse.uplift)
        c.depth = try depth.map { try parseChoice($0, as: "depth") }
        c.received = try optional(received) { try parseChoice($0, as: "value for --received") }
        if case .some(.some) = c.received {
            // How it was received describes a vulnerable moment: saying it says the depth.
            if c.depth == nil { c.depth = .vulnerable } else if c.depth != .vulnerable {
                throw InputError("--received describes a vulnerable moment; use it with --depth vulnerable")
            }
        }
        c.note = try note.map(readText)
        return c
    }

    /// A moment's day: never later than today (with the day's grace for time zones).
    static func day(_ text: String, today: Day) throws -> Day {
        let day = try Parse.day(text, today: today)
        if day > Parse.latestPast(today) {
            throw InputError("\(day.iso) is in the future; moments are logged for today or earlier")
        }
        return day
    }

    /// Kinds in the order given, each once.
    static func kinds(_ items: [String]) throws -> [MomentKind] {
        var kinds: [MomentKind] = []
        for item in items {
            let k: MomentKind = try parseChoice(item, as: "kind", aliases: MomentKind.aliases)
            if !kinds.contains(k) { kinds.append(k) }
        }
        return kinds
    }
}

/// What the options said, each value read and checked; nil where an option was not
/// given, `.some(nil)` where `none` cleared an optional field.
struct MomentChanges {
    var names: [String]?
    var group: String??
    var day: Day?
    var time: TimeOfDay??
    var channel: Channel?
    var initiator: Initiator?
    var kinds: [MomentKind]?
    var emotions: [EmotionTag]?
    var uplift: Int??
    var depth: Depth?
    var received: Reception??
    var note: String?

    /// `m` with every change made that needs no store (who was there and the group need
    /// names resolved). A moment that is no longer vulnerable loses how it was received,
    /// as it does in the full screen: that describes vulnerable moments only.
    func applied(to m: Moment) -> Moment {
        var m = m
        if let day { m.day = day }
        if let time { m.time = time }
        if let channel { m.channel = channel }
        if let initiator { m.initiator = initiator }
        if let kinds { m.kinds = kinds }
        if let emotions { m.emotions = emotions }
        if let uplift { m.uplift = uplift }
        if let depth { m.depth = depth }
        if let received { m.received = received }
        if let note { m.note = note }
        if m.depth != .vulnerable { m.received = nil }
        return m
    }
}

/// Moments in sentences, for the lines log, edit, delete and show print.
enum MomentText {
    /// "Zoë, Ana", or "Book club (Zoë, Ana)" for a group moment.
    static func who(_ m: Moment, names: [Int64: String], groups: [Int64: String]) -> String {
        let s = TerminalText.sanitize
        let people = m.people.map { s(names[$0] ?? "#\($0)") }.joined(separator: ", ")
        guard let g = m.groupID.flatMap({ groups[$0] }) else { return people }
        return people.isEmpty ? s(g) : "\(s(g)) (\(people))"
    }

    /// "the moment of Sun 22 Nov 2026 at 18:30 with Zoë": which moment a line is about.
    static func title(_ m: Moment, names: [Int64: String], groups: [Int64: String]) -> String {
        "the moment of \(DateText.long(m.day))" + (m.time.map { " at \($0)" } ?? "") + " with \(who(m, names: names, groups: groups))"
    }

    /// The fields that differ between `old` and `new`, each in a few words with its new
    /// value: an edit's confirmation says what it did, not just that it did something.
    static func changes(from old: Moment, to new: Moment, names: [Int64: String], groups: [Int64: String]) -> [String] {
        let s = TerminalText.sanitize
        var out: [String] = []
        if old.day != new.day { out.append("moved from \(DateText.long(old.day))") }
        if old.time != new.time { out.append(new.time.map { "time \($0)" } ?? "no time") }
        // Who was there and the kinds are sets: the store keeps them in its own order.
        if Set(old.people) != Set(new.people) {
            out.append("who was there (before: \(old.people.map { s(names[$0] ?? "#\($0)") }.joined(separator: ", ")))")
        }
        if old.groupID != new.groupID { out.append(new.groupID.flatMap { groups[$0] }.map { "group \(s($0))" } ?? "no group") }
        if old.channel != new.channel { out.append("via \(new.channel.rawValue)") }
        if old.initiator != new.initiator { out.append(Format.reachedOut(new.initiator)) }
        if Set(old.kinds) != Set(new.kinds) { out.append(new.kinds.isEmpty ? "no kinds" : "kind \(new.kinds.map(\.rawValue).joined(separator: ", "))") }
        if old.emotions != new.emotions { out.append(new.emotions.isEmpty ? "no emotions" : "felt \(Format.emotions(new.emotions))") }
        if old.uplift != new.uplift { out.append(new.uplift.map { "uplift \($0 > 0 ? "+" : "")\($0)" } ?? "no uplift") }
        if old.depth != new.depth { out.append("depth \(new.depth.rawValue)") }
        if old.received != new.received { out.append(new.received.map { "received \($0.rawValue)" } ?? "no longer marked as received") }
        if old.note != new.note { out.append(new.note.isEmpty ? "note removed" : "note") }
        return out
    }

    /// Lines saying who among `people` is not a member of the moment's group, and how to
    /// add them: the moment is saved as asked, but the group's count may surprise.
    static func outsiders(_ people: [Int64], group: Group, members: Set<Int64>, names: [Int64: String]) -> [String] {
        let s = TerminalText.sanitize
        return people.filter { !members.contains($0) }.map { id in
            let name = s(names[id] ?? "#\(id)")
            return "Note: \(name) is not in \(s(group.name)); `kith edit \"\(name)\" --group \"\(s(group.name))\"` adds them."
        }
    }
}
