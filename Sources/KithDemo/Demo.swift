import KithCore

/// A deterministic made-up world for trying kith (`kith --demo`) and for benchmarks:
/// people in every circle with names in many scripts, groups, and years of varied
/// moments whose emotions follow the three profiles the product is built on. The same
/// seed and day always give the same data.
public struct DemoWorld: Sendable {
    public var people: [Person] = []
    /// Groups with the ids of their members.
    public var groups: [(group: Group, members: [Int64])] = []
    public var moments: [Moment] = []
    /// One-off reminders, some still open, some done or dismissed.
    public var reminders: [Reminder] = []
    /// Bonds not to nudge about until a day.
    public var snoozes: [(subject: Subject, until: Day)] = []

    public struct Size: Sendable {
        public var people: Int
        public var groups: Int
        public var moments: Int
        public var years: Int
        public init(people: Int, groups: Int, moments: Int, years: Int) {
            self.people = people
            self.groups = groups
            self.moments = moments
            self.years = years
        }
        /// A few dozen people and two years: for looking around.
        public static let small = Size(people: 36, groups: 5, moments: 900, years: 2)
        /// A heavy user of twenty years: for benchmarks.
        public static let heavy = Size(people: 1000, groups: 50, moments: 100_000, years: 20)
        public static let huge = Size(people: 1000, groups: 50, moments: 1_000_000, years: 20)
    }

    public static func generate(_ size: Size, today: Day, seed: UInt64 = 2026) -> DemoWorld {
        var rng = SplitMix64(seed: seed)
        var world = DemoWorld()
        let start = today.adding(days: -365 * size.years)

        // People: the named ones first, then combinations for larger worlds.
        var names: [String] = []
        var used = Set<String>()
        func addName(_ n: String) { if used.insert(Folding.fold(n)).inserted { names.append(n) } }
        for n in Names.featured { addName(n) }
        var k = 0
        while names.count < size.people {
            let first = Names.given[k % Names.given.count]
            let last = Names.family[(k / Names.given.count + k * 7) % Names.family.count]
            addName(k < Names.given.count * Names.family.count ? "\(first) \(last)" : "\(first) \(last) \(k)")
            k += 1
        }
        names = Array(names.prefix(size.people))
        // Dunbar's proportions: 5 : 15 : 50 : 150, scaled to the world.
        let total = 5 + 15 + 50 + 150
        for (i, name) in names.enumerated() {
            let position = i * total / max(1, size.people)
            let circle: Circle = position < 5 ? .inner : position < 20 ? .close : position < 70 ? .friends : .wider
            let birthday: Birthday? = rng.chance(0.7)
                ? Birthday(month: rng.int(1...12), day: rng.int(1...28), year: rng.chance(0.6) ? rng.int(1950...2004) : nil) : nil
            let bond: BondPurpose? = rng.chance(0.6) ? [.fun, .support, .both][rng.int(0...2)] : nil
            let added = start.adding(days: -rng.int(0...200))
            world.people.append(Person(id: Int64(i + 1), name: name, nickname: rng.chance(0.15) ? Names.nicknames[rng.int(0...Names.nicknames.count - 1)] + "\(i)" : nil,
                                       circle: circle, cadenceDays: rng.chance(0.1) ? rng.int(5...60) : nil, birthday: birthday,
                                       bond: bond, notes: rng.chance(0.3) ? Notes.person[rng.int(0...Notes.person.count - 1)] : "",
                                       archived: i > 3 && rng.chance(0.03), addedOn: added))
        }
        // Groups of 3-12 people, members drawn from the nearer circles more often.
        for g in 0..<size.groups {
            let name = g < Names.groups.count ? Names.groups[g] : "\(Names.groups[g % Names.groups.count]) \(g / Names.groups.count + 1)"
            var members = Set<Int64>()
            let want = min(world.people.count, rng.int(3...12))
            while members.count < want {
                let bias = rng.int(0...3) == 0 ? world.people.count : max(1, world.people.count / 4)
                members.insert(Int64(rng.int(1...max(1, bias))))
            }
            world.groups.append((Group(id: Int64(g + 1), name: name, cadenceDays: [14, 30, 30, 60][rng.int(0...3)],
                                       addedOn: start), members.sorted()))
        }
        // Moments: each person gets a share by circle, spread over the years with a
        // recent gap that makes some of them due.
        let weights = world.people.map { p -> Double in
            switch p.circle {
            case .inner: 12
            case .close: 5
            case .friends: 2
            case .wider: 0.6
            }
        }
        let weightSum = weights.reduce(0, +)
        let groupShare = size.groups > 0 ? 0.08 : 0
        let span = today.days(since: start)
        var id: Int64 = 1
        for (i, p) in world.people.enumerated() {
            let count = Int((Double(size.moments) * (1 - groupShare) * weights[i] / weightSum).rounded())
            // Most people are within their cadence; a few have drifted.
            let gap = rng.chance(0.25) ? rng.int(0...(p.effectiveCadenceDays * 2)) : rng.int(0...p.effectiveCadenceDays)
            for _ in 0..<count {
                let day = start.adding(days: rng.int(0...max(0, span - gap)))
                world.moments.append(moment(id: id, day: day, people: [p.id], group: nil, bond: p.bond, rng: &rng))
                id += 1
            }
        }
        let perGroup = size.groups > 0 ? Int(Double(size.moments) * groupShare) / size.groups : 0
        for (g, members) in world.groups {
            for _ in 0..<perGroup {
                let day = start.adding(days: rng.int(0...span))
                let present = members.filter { _ in rng.chance(0.8) }
                world.moments.append(moment(id: id, day: day, people: present.isEmpty ? [members[0]] : present,
                                            group: g.id, bond: nil, rng: &rng))
                id += 1
            }
        }
        world.moments.sort { ($0.day, $0.id) < ($1.day, $1.id) }

        // Reminders and snoozes, drawn last so that the moments above stay the same.
        let reminderCount = max(2, size.people / 5)
        for r in 0..<reminderCount {
            let about: Int64 = Int64(rng.int(1...world.people.count))
            let on = today.adding(days: rng.int(-30...60))
            let state: Reminder.State = on > today || rng.chance(0.7) ? .open : (rng.chance(0.65) ? .done : .dismissed)
            let group = size.groups > 0 && rng.chance(0.1) ? world.groups[rng.int(0...world.groups.count - 1)].group.id : nil
            world.reminders.append(Reminder(id: Int64(r + 1), personID: group == nil ? about : nil, groupID: group,
                                            text: Notes.reminders[rng.int(0...Notes.reminders.count - 1)], on: on, state: state))
        }
        var snoozed = Set<Int64>()
        for _ in 0..<max(1, size.people / 20) {
            let p = Int64(rng.int(1...world.people.count))
            if snoozed.insert(p).inserted { world.snoozes.append((.person(p), today.adding(days: rng.int(1...30)))) }
        }
        return world
    }

    static func moment(id: Int64, day: Day, people: [Int64], group: Int64?, bond: BondPurpose?, rng: inout SplitMix64) -> Moment {
        // The three profiles of connection (62% joyful, 17% vulnerable, 21% supportive).
        let roll = rng.int(0...99)
        var emotions: [EmotionTag] = []
        var kinds: [MomentKind] = []
        var depth: Depth = .light
        var received: Reception?
        func pick(_ words: [String], _ n: Int) {
            for w in words.shuffled(using: &rng).prefix(n) where !emotions.contains(where: { $0.word == w }) {
                emotions.append(EmotionTag(word: w, intensity: rng.int(1...3)))
            }
        }
        if roll < 62 {
            pick(["happy", "appreciative", "amused", "grateful", "uplifted", "excited", "calm", "loved", "playful", "content"], rng.int(1...3))
            if rng.chance(0.2) { pick(["tired", "nostalgic"], 1) }
            kinds = [[.fun], [.news], [.affection], [.fun, .news], [.practical]][rng.int(0...4)]
            depth = rng.chance(0.3) ? .personal : .light
        } else if roll < 79 {
            pick(["sad", "anxious", "hurt", "vulnerable", "angry", "lonely"], rng.int(1...2))
            pick(["relieved", "happy", "compassionate", "grateful", "understood"], rng.int(1...2))
            kinds = [[.theySupported], [.heartToHeart], [.conflict], [.heartToHeart, .theySupported]][rng.int(0...3)]
            depth = rng.chance(0.6) ? .vulnerable : .personal
            if depth == .vulnerable { received = rng.chance(0.75) ? .safe : (rng.chance(0.6) ? .mixed : .hurtful) }
        } else {
            pick(["compassionate"], 1)
            pick(["sad", "worried", "appreciative", "tender", "tired"], rng.int(1...2))
            kinds = [.iSupported]
            depth = .personal
        }
        let channel: Channel = group != nil ? .inPerson : [.inPerson, .inPerson, .call, .message, .message, .video, .other][rng.int(0...6)]
        let initiator: Initiator = [.me, .me, .them, .them, .mutual][rng.int(0...4)]
        let note = rng.chance(0.7) ? Notes.moment[rng.int(0...Notes.moment.count - 1)] : ""
        let time = rng.chance(0.4) ? TimeOfDay(hour: rng.int(7...22), minute: [0, 15, 30, 45][rng.int(0...3)]) : nil
        return Moment(id: id, day: day, time: time, people: people, groupID: group, channel: channel, initiator: initiator,
                      kinds: kinds, emotions: emotions, uplift: rng.chance(0.6) ? rng.int(-1...2) : nil, depth: depth,
                      received: received, note: note)
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed, the same world.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}

extension Notes {
    static let reminders = [
        "ask how the interview went", "send the photos from the trip", "return the book", "call about the move",
        "ask about her dad's surgery", "plan the birthday dinner", "check in after the exam", "share the recipe",
        "congratulate on the new job", "ask how the new flat feels",
    ]
}

enum Names {
    static let featured = [
        "Zoë Ångström", "山田太郎", "최유림", "José Álvarez", "Małgorzata Nowak", "Ayşe Yılmaz", "Nguyễn Thị Lan",
        "Олег Петров", "Σοφία Παππά", "Priya Raman", "Chidi Okafor", "Sven Ødegaard", "Léa Dubois", "Björn Sigurðsson",
        "Aroha Ngata", "Kwame Mensah", "陈美玲", "Tomás Ó Briain", "Fatima Zahra", "Noa Levi", "Inès 🌻", "Raj 🎸 Patel",
        "田中花子", "김민준", "Ana Lima", "Mateo Rossi", "Hannah Becker", "Ingrid Solberg", "Yusuf Demir", "Amara Eze",
        "Lucía Fernández", "Kenji Watanabe", "Elif Şahin", "Dmitri Ivanov", "Grace O'Neill", "Mina 🌱 Park",
    ]
    static let given = ["Alex", "Sam", "Maya", "Leo", "Nora", "Omar", "Ivy", "Jonas", "Lina", "Theo", "Zara", "Ravi",
                        "Elena", "Hugo", "Aiko", "Femi", "Greta", "Tariq", "Selin", "Pablo", "Yara", "Emil", "Chloé", "Sora"]
    static let family = ["Berg", "Costa", "Dahl", "Ek", "Fischer", "García", "Haas", "Ito", "Jensen", "Kowalski", "Lund",
                         "Moreau", "Novák", "Ortiz", "Park", "Quinn", "Rossi", "Silva", "Tanaka", "Ueda", "Vogel", "Weiß"]
    static let nicknames = ["Jo", "Bear", "Kiki", "Max", "Bee", "Sunny"]
    static let groups = ["Book club", "Family", "Climbing crew", "Old flatmates", "Team Lisbon", "Choir", "Sunday football",
                         "Neighbours", "Uni friends", "Parents at school"]
}

enum Notes {
    static let person = ["Met at university.", "Loves hiking; allergic to cats.", "Moved to Osaka in 2024.",
                         "Ask about the new job.", "Kids: Mia and Jonas.", "Best listener I know."]
    static let moment = [
        "Coffee at the corner café, talked about her new job.",
        "Long call about his dad's surgery. He sounded relieved it went well.",
        "Sent photos from the hike; she replied with a voice note.",
        "Dinner at ours. Laughed about the flat we shared in 2015.",
        "She told me about the breakup. I mostly listened.",
        "Helped him move the sofa; pizza afterwards.",
        "Quick message to say congrats on the promotion 🎉",
        "Walked by the river, 山田さんと散歩。",
        "Argued about the trip, then made up over tea.",
        "He asked how I was really doing. I told him.",
        "Birthday call; sang badly on purpose.",
        "Video call with the kids waving in the background.",
        "Read the draft of her thesis and sent notes.",
        "Bumped into each other at the market and talked for an hour.",
        "A hard day for her; I brought soup.",
        "Shared the news about the baby! Tears all round.",
    ]
}
