import KithCore

/// Who a nudge is about.
public typealias BondID = Subject

/// What the scheduler needs to know about one bond: a person or a group.
public struct Bond: Sendable, Equatable {
    public var id: BondID
    public var name: String
    /// nil for a group.
    public var circle: Circle?
    public var cadenceDays: Int
    public var last: Day?
    public var added: Day
    public var purpose: BondPurpose?
    /// Kinds of the most recent moment, for the suggestion.
    public var lastKinds: [MomentKind]
    /// Who reached out, and how, the last time: the suggestion follows them too.
    public var lastInitiator: Initiator?
    public var lastChannel: Channel?
    /// A person's birthday: on and just before it, the occasion is the suggestion.
    public var birthday: Birthday?
    /// Not nudged before this day.
    public var snoozedUntil: Day?

    public init(id: BondID, name: String, circle: Circle?, cadenceDays: Int, last: Day?, added: Day,
                purpose: BondPurpose? = nil, lastKinds: [MomentKind] = [], snoozedUntil: Day? = nil,
                birthday: Birthday? = nil) {
        self.birthday = birthday
        self.id = id
        self.name = name
        self.circle = circle
        self.cadenceDays = cadenceDays
        self.last = last
        self.added = added
        self.purpose = purpose
        self.lastKinds = lastKinds
        self.snoozedUntil = snoozedUntil
    }

    public var isGroup: Bool { if case .group = id { true } else { false } }
}

/// A bond that is due or overdue today, with what the user might do about it.
public struct Nudge: Sendable, Equatable {
    public var bond: Bond
    public var state: DueState
    /// Days since the last moment (or since the person was added, with none yet).
    public var daysSince: Int
    /// The day it fell due.
    public var dueOn: Day
    /// How far past its cadence, weighted toward the inner circles: the ranking key.
    public var score: Double
    public var suggestion: String
}

public struct SchedulerSettings: Sendable, Equatable {
    /// Overdue from this many cadences on.
    public var overdueFactor = Rules.current.overdueFactor
    /// How many nudges the Today list shows unless asked for all.
    public var dailyCap = Rules.current.dailyCap
    public init() {}
    /// The settings these rules make (the full screen holds its rules in its state).
    public init(_ rules: Rules) {
        overdueFactor = rules.overdueFactor
        dailyCap = rules.dailyCap
    }
}

/// Decides who is due, in what order, and what to suggest. Pure: "today" is passed in,
/// and days are calendar days in the user's zone, so no clock or DST change can move a
/// due date.
public enum Scheduler {
    /// The day a bond falls due: its last moment (or when it was added) plus its cadence.
    public static func dueDay(_ b: Bond) -> Day { (b.last ?? b.added).adding(days: b.cadenceDays) }

    /// Every bond that is due or overdue today and not snoozed, most pressing first:
    /// by how many cadences late, weighted toward the inner circles, then by name.
    /// Deterministic for the same bonds and day.
    public static func due(_ bonds: [Bond], today: Day, settings: SchedulerSettings = SchedulerSettings()) -> [Nudge] {
        var out: [Nudge] = []
        for b in bonds {
            if let until = b.snoozedUntil, today < until { continue }
            let state = DueState.of(last: b.last, since: b.added, cadenceDays: b.cadenceDays, today: today,
                                    overdueFactor: settings.overdueFactor)
            guard state != .fine else { continue }
            let days = today.days(since: b.last ?? b.added)
            let lateness = Double(days) / Double(max(1, b.cadenceDays))
            out.append(Nudge(bond: b, state: state, daysSince: days, dueOn: dueDay(b), score: lateness * weight(b),
                             suggestion: suggestion(for: b, daysSince: days, today: today)))
        }
        // Names folded once each, not once per comparison.
        let folded = out.map { Folding.fold($0.bond.name) }
        return out.indices.sorted { i, j in
            let a = out[i], b = out[j]
            if a.score != b.score { return a.score > b.score }
            return folded[i] != folded[j] ? folded[i] < folded[j] : a.bond.name < b.bond.name
        }.map { out[$0] }
    }

    /// Inner circles weigh more: a week late with a partner matters more than a week
    /// late with an acquaintance.
    static func weight(_ b: Bond) -> Double {
        switch b.circle {
        case .inner: 1.6
        case .close: 1.3
        case .friends: 1.0
        case .wider: 0.8
        case nil: 1.1
        }
    }

    /// A small next step drawn from what is known. Several may fit; which one is picked
    /// depends on the bond and the day only, so it stays put all day and changes the next.
    public static func suggestion(for b: Bond, daysSince: Int, today: Day) -> String {
        // The occasion comes first: nobody wants "tell them you appreciate them" on the
        // day of their birthday.
        if let birthday = b.birthday, let next = nextBirthday(birthday, from: today) {
            switch next.days(since: today) {
            case 0: return "it is their birthday today: call or write to wish them well"
            case 1...3: return "their birthday is in \(next.days(since: today)) day\(next.days(since: today) == 1 ? "" : "s"): plan to reach them on the day"
            default: break
            }
        }
        var options: [String] = []
        if b.isGroup {
            options = ["plan something with the group", "suggest a date for the next get-together",
                       "share something with the whole group"]
        } else {
            let long = daysSince >= 3 * b.cadenceDays
            if long { options.append("it has been a while: a short hello is enough to reconnect") }
            if b.purpose == .support || b.purpose == .both || b.circle == .inner {
                if !b.lastKinds.contains(.heartToHeart) { options.append("it has been a while since a heart-to-heart") }
                options.append("send a message to ask how they are, and mean it")
            }
            if b.purpose == .fun || b.purpose == .both { options.append("plan something fun together") }
            if b.lastKinds.contains(.iSupported) || b.lastKinds.contains(.conflict) {
                options.append("check in on how things are since you last talked")
            }
            if b.lastKinds.contains(.theySupported) { options.append("thank them for being there last time") }
            // What the last moment was says what this one could be.
            if b.lastInitiator == .them { options.append("they reached out last time: it is your turn") }
            if b.lastChannel == .message { options.append("call or meet this time, rather than another message") }
            if b.lastKinds.contains(.fun), !b.lastKinds.contains(.heartToHeart), b.circle == .inner || b.circle == .close {
                options.append("last time was fun: make room to talk about how they really are")
            }
            options.append("tell them you appreciate them")
            if b.circle == .wider || b.circle == .friends { options.append("send a photo or a link that made you think of them") }
            else { options.append("call instead of texting, if you can") }
        }
        var h = UInt64(bitPattern: Int64(today.ordinal)) &* 0x9E37_79B9_7F4A_7C15
        switch b.id {
        case .person(let id): h ^= UInt64(bitPattern: id) &* 0xBF58_476D_1CE4_E5B9
        case .group(let id): h ^= UInt64(bitPattern: id) &* 0x94D0_49BB_1331_11EB ^ 0xFF
        }
        // SplitMix64's finaliser: every bit of the day and the id reaches the low bits the
        // modulo reads (one shift left the pick stuck on two of four options for a month,
        // and one suggestion for a whole roster).
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return options[Int(h % UInt64(options.count))]
    }

    /// Birthdays from today to `days` ahead, soonest first. 29 February is kept on
    /// 28 February in common years. The age is given when the year is known.
    public static func birthdays(_ people: [(id: Int64, name: String, birthday: Birthday)], today: Day,
                                 within days: Int = Rules.current.birthdayDays) -> [(id: Int64, name: String, on: Day, age: Int?)] {
        var out: [(id: Int64, name: String, on: Day, age: Int?)] = []
        for p in people {
            guard let next = nextBirthday(p.birthday, from: today), next.days(since: today) <= days else { continue }
            out.append((p.id, p.name, next, p.birthday.year.map { next.year - $0 }))
        }
        let folded = out.map { Folding.fold($0.name) }
        return out.indices.sorted { (out[$0].on, folded[$0]) < (out[$1].on, folded[$1]) }.map { out[$0] }
    }

    /// The first day on or after `today` that celebrates `b`.
    public static func nextBirthday(_ b: Birthday, from today: Day) -> Day? {
        for year in today.year...(today.year + 1) {
            let day = min(b.day, Day.daysIn(month: b.month, year: year))
            if let d = Day(year: year, month: b.month, day: day), d >= today { return d }
        }
        return nil
    }
}

extension Scheduler {
    /// How often, in days, you met over the last year, from the distinct days you met
    /// (`days`, each at most once, within the year): the days from the first of them to
    /// today, over the gaps between them (the time since the last counts as one more
    /// gap in the making). Counting days, not moments: six moments on one day are one
    /// meeting (they once made "every ~3d"). nil until there is enough to judge by: four
    /// days of meeting spread over at least eight weeks. nil too once the time since the
    /// last meeting is more than twice that rhythm: a fortnight of daily meetings in
    /// September and nothing since is no longer "every ~6d", it is a bond gone quiet,
    /// which the due marks already say.
    public static func rhythm(days: [Day], today: Day) -> Int? {
        let distinct = Set(days.filter { $0 <= today && today.days(since: $0) < 366 })
        guard distinct.count >= rhythmMinimumDays, let first = distinct.min(), let last = distinct.max(),
              today.days(since: first) >= rhythmMinimumSpan else { return nil }
        let rhythm = max(1, today.days(since: first) / (distinct.count - 1))
        return today.days(since: last) > 2 * rhythm ? nil : rhythm
    }

    /// The least a rhythm is judged by: days of meeting, and the span they cover.
    public static let rhythmMinimumDays = 4
    public static let rhythmMinimumSpan = 56

    /// A cadence that matches how the bond actually goes, when that differs clearly
    /// (twice as long, or half) from the one set. kith only ever suggests it: a cadence
    /// may be a goal, so it is never changed silently.
    public static func cadenceHint(rhythm: Int?, cadence: Int) -> Int? {
        guard let rhythm, rhythm > 0 else { return nil }
        guard rhythm >= 2 * cadence || 2 * rhythm <= cadence else { return nil }
        return rhythm >= 14 ? (rhythm + 3) / 7 * 7 : rhythm
    }
}
