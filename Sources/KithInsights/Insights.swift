import KithCore

/// Whose insights: one person, one group, or everyone.
public enum InsightScope: Hashable, Sendable {
    case everyone
    case person(Person)
    case group(Group)
}

/// What insights are computed from: the store's records for the scope, read by the
/// caller. Nothing here touches the store, the clock or the terminal.
public struct InsightInput: Sendable {
    public var scope: InsightScope
    public var period: Period
    /// The scope's moments in the period and in the one before (others are ignored).
    public var moments: [Moment]
    /// The scope's most recent moment ever, for recency.
    public var lastMoment: Day?
    /// People not archived (the circles; cadence kept, for everyone).
    public var people: [Person]
    public var groups: [Group]
    /// The day each group last met, for "groups not met within their cadence".
    public var groupLastMet: [Int64: Day]
    /// Members by group id (archived people included).
    public var memberships: [Int64: [Int64]]
    public var selfCheckins: [SelfCheckin]
    public var today: Day
    public var catalog: EmotionCatalog

    public init(scope: InsightScope, period: Period, moments: [Moment], lastMoment: Day?, people: [Person] = [],
                groups: [Group] = [], groupLastMet: [Int64: Day] = [:], memberships: [Int64: [Int64]] = [:],
                selfCheckins: [SelfCheckin] = [], today: Day, catalog: EmotionCatalog = .current) {
        self.scope = scope
        self.period = period
        self.moments = moments
        self.lastMoment = lastMoment
        self.people = people
        self.groups = groups
        self.groupLastMet = groupLastMet
        self.memberships = memberships
        self.selfCheckins = selfCheckins
        self.today = today
        self.catalog = catalog
    }
}

/// The thresholds below which kith shows counts but no share or note: a ratio of three
/// moments says nothing, and kith never says more than the moments can support.
public enum Thresholds {
    /// Moments needed before shares (types, depth, appreciation) are given as percentages.
    public static let shares = 5
    /// Moments with an uplift recorded before an average uplift is shown.
    public static let uplift = 3
    /// Reciprocity looks at the last this-many moments in which one side reached out…
    public static let reciprocityWindow = 12
    /// …needs at least this many of them…
    public static let reciprocityMinimum = 6
    /// …and notes it when one side reached out in at least this share of them.
    public static let reciprocityLean = 0.75
    /// Vulnerable moments needed before how they were received is summed up in words.
    public static let safety = 2
}

/// Every figure, with the ids of the moments behind it, so that each number can be
/// traced back (the JSON output lists them).
public struct Insights: Sendable {
    public var scope: InsightScope
    public var period: Period
    public var previous: Period
    public var today: Day

    public var moments: [Int64] = []
    public var previousMoments = 0
    public var lastMoment: Day?
    public var monthly: [MonthFigures] = []
    public var cadence: CadenceKept?
    public var reciprocity = Reciprocity()
    public var types: [ConnectionType: [Int64]] = [:]
    public var emotions = EmotionFigures()
    public var depth = DepthFigures()
    public var previousDepth = DepthFigures()
    public var belonging = Belonging()
    public var circles: [CircleCount] = []
    public var selfTrend: [SelfMonth] = []
    public var loneliness: [(day: Day, score: Int)] = []
    /// The figures in words, plain observations with their numbers.
    public var observations: [String] = []
}

public struct MonthFigures: Sendable, Equatable {
    public var month: Month
    public var moments = 0
    /// One person, no group.
    public var oneToOne = 0
    /// A group, or several people at once.
    public var together = 0
}

/// How many of the cadence's cycles in the period had at least one moment. Cycles are
/// counted back from the period's end, whole cycles only, from when the person (or
/// group) was added.
public struct CadenceKept: Sendable, Equatable {
    public var cadenceDays: Int?
    public var cycles = 0
    public var met = 0
    public var share: Double? { cycles == 0 ? nil : Double(met) / Double(cycles) }
}

public struct Reciprocity: Sendable, Equatable {
    public var me: [Int64] = []
    public var them: [Int64] = []
    public var mutual: [Int64] = []
    /// The last moments in which one side reached out (newest first), as the note reads them.
    public var recent: [Initiator] = []
    public enum Lean: String, Sendable { case me, them, shared }
    /// Set only with at least `Thresholds.reciprocityMinimum` recent one-sided moments.
    public var lean: Lean?
}

public struct EmotionFigures: Sendable, Equatable {
    /// Words by the number of moments they were felt in, most first (ties by word).
    public var top: [(word: String, moments: Int)] = []
    public var pleasant = 0
    public var unpleasant = 0
    public var upliftSum = 0
    public var upliftCount = 0
    /// Moments in which appreciation or gratitude was felt.
    public var appreciation: [Int64] = []
    public var tagged = 0

    public var upliftAverage: Double? {
        upliftCount >= Thresholds.uplift ? Double(upliftSum) / Double(upliftCount) : nil
    }

    public static func == (a: EmotionFigures, b: EmotionFigures) -> Bool {
        a.top.map(\.word) == b.top.map(\.word) && a.top.map(\.moments) == b.top.map(\.moments)
            && a.pleasant == b.pleasant && a.unpleasant == b.unpleasant && a.upliftSum == b.upliftSum
            && a.upliftCount == b.upliftCount && a.appreciation == b.appreciation && a.tagged == b.tagged
    }
}

public struct DepthFigures: Sendable, Equatable {
    public var light: [Int64] = []
    public var personal: [Int64] = []
    public var vulnerable: [Int64] = []
    public var safe: [Int64] = []
    public var mixed: [Int64] = []
    public var hurtful: [Int64] = []
    public var total: Int { light.count + personal.count + vulnerable.count }
    public var unrecorded: Int { vulnerable.count - safe.count - mixed.count - hurtful.count }
}

public struct Belonging: Sendable, Equatable {
    public var oneToOne = 0
    public var together = 0
    /// Groups (for a person: theirs) with how long since they met and their cadence,
    /// those not met within it first.
    public var groups: [GroupStanding] = []
}

public struct GroupStanding: Sendable, Equatable {
    public var name: String
    public var members: Int
    public var lastMet: Day?
    public var cadenceDays: Int
    public var overdue: Bool
}

public struct CircleCount: Sendable, Equatable {
    public var circle: Circle
    public var people: Int
    /// The rough size of that layer in Dunbar's numbers (5, 15, 50, 150), as information.
    public var dunbar: Int
}

public struct SelfMonth: Sendable, Equatable {
    public var month: Month
    public var checkins: Int
    /// The average closeness, 1–7, with one decimal kept as tenths (47 = 4.7).
    public var closenessTenths: Int?
    public var moments: Int
}
