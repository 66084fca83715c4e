/// How connected the user felt on a day, in their own words: the one-to-seven
/// Inclusion-of-Other-in-the-Self scale (1: two circles apart, 7: almost one), with
/// emotions if they like; and, every few weeks, the three-item loneliness scale. Both
/// are optional and about the user alone, so they sit beside the moments, not in them.
public struct SelfCheckin: Hashable, Sendable {
    public var day: Day
    /// 1…7, nil when only the loneliness questions were answered.
    public var closeness: Int?
    public var emotions: [EmotionTag]
    public var loneliness: Loneliness?

    public init(day: Day, closeness: Int? = nil, emotions: [EmotionTag] = [], loneliness: Loneliness? = nil) {
        self.day = day
        self.closeness = closeness
        self.emotions = emotions
        self.loneliness = loneliness
    }

    public static let closenessRange = 1...7

    public func validate() throws(InputError) {
        if let c = closeness, !SelfCheckin.closenessRange.contains(c) {
            throw InputError("how connected you feel is 1 (apart) to 7 (very close), not \(c)")
        }
        if closeness == nil && loneliness == nil && emotions.isEmpty {
            throw InputError("a self check-in needs a closeness (1-7), emotions or the loneliness answers")
        }
        for e in emotions where !(1...3).contains(e.intensity) {
            throw InputError("intensity of \"\(e.word)\" must be 1, 2 or 3")
        }
    }
}

/// The three-item loneliness scale (Hughes et al., 2004): how often do you feel that you
/// lack companionship, left out, isolated from others. Each answer scores 1–3; the sum
/// runs from 3 (hardly ever, on all three) to 9 (often, on all three).
public struct Loneliness: Hashable, Sendable {
    public enum Answer: Int, CaseIterable, Sendable {
        case hardlyEver = 1, someOfTheTime = 2, often = 3

        public var label: String {
            switch self {
            case .hardlyEver: "hardly ever"
            case .someOfTheTime: "some of the time"
            case .often: "often"
            }
        }

        /// `hardly-ever`, `some`, `often`, or the score 1–3.
        public static func parse(_ text: String) throws(InputError) -> Answer {
            switch text.trimmingSpaces.lowercased() {
            case "1", "hardly-ever", "hardly ever", "hardly", "never", "rarely": return .hardlyEver
            case "2", "some", "some-of-the-time", "some of the time", "sometimes": return .someOfTheTime
            case "3", "often": return .often
            default: throw InputError("cannot read \"\(text)\": answer hardly-ever, some or often (or 1, 2, 3)")
            }
        }
    }

    public static let questions = [
        "How often do you feel that you lack companionship?",
        "How often do you feel left out?",
        "How often do you feel isolated from others?",
    ]

    public var lackCompanionship: Answer
    public var leftOut: Answer
    public var isolated: Answer

    public init(lackCompanionship: Answer, leftOut: Answer, isolated: Answer) {
        self.lackCompanionship = lackCompanionship
        self.leftOut = leftOut
        self.isolated = isolated
    }

    public var answers: [Answer] { [lackCompanionship, leftOut, isolated] }
    public var score: Int { answers.reduce(0) { $0 + $1.rawValue } }

    /// "loneliness 5 of 9", and what the number means: a bare "5 of 9" read as a
    /// grade, and nothing said which end was the lonely one.
    public var summary: String {
        "loneliness \(score) of 9 (your three answers added: 3 is hardly ever lonely, 9 often on all three)"
    }
}
