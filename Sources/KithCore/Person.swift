/// A birthday, with or without the year.
public struct Birthday: Hashable, Sendable, CustomStringConvertible {
    public let month: Int
    public let day: Int
    public let year: Int?

    /// Nil for a day that never happens (30 February; 29 February of a common year).
    public init?(month: Int, day: Int, year: Int?) {
        guard (1...12).contains(month), day >= 1 else { return nil }
        if let year {
            guard Day(year: year, month: month, day: day) != nil else { return nil }
        } else {
            // Without a year, 29 February is allowed: someone was born on one.
            guard day <= Day.daysIn(month: month, year: 2000) else { return nil }
        }
        self.month = month
        self.day = day
        self.year = year
    }

    /// `1990-04-15` or `--04-15` (the vCard form for an unknown year).
    public var description: String {
        let md = "\(pad(month, 2))-\(pad(day, 2))"
        return year.map { "\(pad($0, 4))-\(md)" } ?? "--\(md)"
    }

    /// The age reached on `day`'s date, when the year is known.
    public func age(on today: Day) -> Int? {
        guard let year else { return nil }
        let hadBirthday = (today.month, today.day) >= (month, day)
        return today.year - year - (hadBirthday ? 0 : 1)
    }
}

/// Someone the user keeps. Archived people are kept with all their moments, never deleted.
public struct Person: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var nickname: String?
    public var circle: Circle
    /// Set only when this person's cadence differs from their circle's.
    public var cadenceDays: Int?
    public var birthday: Birthday?
    public var bond: BondPurpose?
    public var notes: String
    public var archived: Bool
    /// The day they were added: someone with no moments yet is due from then.
    public var addedOn: Day
    /// The vCard UID that names this person in address books (khard, a phone). The store
    /// assigns one when a person is created, so that exported cards keep their identity.
    public var uid: String?
    /// The card this person was last imported from, when they were: their `uid` is
    /// then the card's. Only people without one are matched to a new card by name,
    /// so that two contacts who share a name never merge.
    public var card: CardOrigin?

    public init(id: Int64, name: String, nickname: String? = nil, circle: Circle = .friends,
                cadenceDays: Int? = nil, birthday: Birthday? = nil, bond: BondPurpose? = nil,
                notes: String = "", archived: Bool = false, addedOn: Day,
                uid: String? = nil, card: CardOrigin? = nil) {
        self.id = id
        self.name = name
        self.nickname = nickname
        self.circle = circle
        self.cadenceDays = cadenceDays
        self.birthday = birthday
        self.bond = bond
        self.notes = notes
        self.archived = archived
        self.addedOn = addedOn
        self.uid = uid
        self.card = card
    }

    public var effectiveCadenceDays: Int { cadenceDays ?? circle.defaultCadenceDays }
}

/// What an imported card called someone: compared on the next import to tell whether
/// the address book renamed them (and kith should follow) or the user renamed them in
/// kith (and kith keeps that).
public struct CardOrigin: Hashable, Sendable {
    /// The card's formatted name (`FN`, or one made from `N`).
    public var name: String
    /// The card's structured name (`N`, as written), so that an export gives address
    /// books back the family and given names they had.
    public var structuredName: String?

    public init(name: String, structuredName: String? = nil) {
        self.name = name
        self.structuredName = structuredName
    }

    /// Whether `personName` is still what the card calls them: its name, or the name
    /// with the number kith adds to tell namesakes apart ("Emma Smith (2)"). When not,
    /// the user has renamed them in kith.
    public func isCalled(_ personName: String) -> Bool {
        guard personName != name else { return true }
        guard personName.hasPrefix(name + " ("), personName.hasSuffix(")") else { return false }
        let digits = personName.dropFirst(name.count + 2).dropLast()
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// People the user belongs with. Group moments count for every member present and for
/// the group itself: belonging is tracked beside one-to-one bonds.
public struct Group: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var cadenceDays: Int?
    public var notes: String
    public var addedOn: Day
    /// Its sync UID, when read for a backup (nil elsewhere: the store gives one).
    public var uid: String?

    public init(id: Int64, name: String, cadenceDays: Int? = nil, notes: String = "", addedOn: Day, uid: String? = nil) {
        self.id = id
        self.name = name
        self.cadenceDays = cadenceDays
        self.notes = notes
        self.addedOn = addedOn
        self.uid = uid
    }

    /// Groups meet less often than inner friends; a month unless set.
    public static var defaultCadenceDays: Int { Rules.current.groupCadence }
    public var effectiveCadenceDays: Int { cadenceDays ?? Group.defaultCadenceDays }
}

/// Names are what the user types to find people, so a few rules keep them findable.
public enum Names {
    /// Trims the ends and refuses what could never be typed back or shown on one line.
    /// (Text that arrives by import may still hold such characters: every view shows
    /// them defused.)
    public static func validate(_ raw: String, what: String = "name") throws -> String {
        let name = raw.trimmingSpaces
        guard !name.isEmpty else { throw InputError("a \(what) cannot be empty") }
        guard name.count <= 200, name.unicodeScalars.count <= 1000 else {
            throw InputError("a \(what) can be at most 200 characters")
        }
        if name.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
            throw InputError("a \(what) must fit on one line")
        }
        // Control characters (tabs, escape sequences, bidi overrides) would make a name
        // that looks like another and can never be typed back.
        if name.unicodeScalars.contains(where: TerminalText.isUnsafe) {
            throw InputError("a \(what) cannot contain control characters")
        }
        if Folding.fold(name).trimmingSpaces.isEmpty {
            throw InputError("a \(what) cannot be only invisible characters")
        }
        return name
    }
}
