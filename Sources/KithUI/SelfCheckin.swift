import KithCore

/// The daily question, "how connected do you feel today?", answered on the 1–7
/// Inclusion-of-Other-in-the-Self scale, with emotions if the user likes; every few
/// weeks followed by the three loneliness questions. Optional at every step: Esc means
/// "not today" and kith does not ask again that day.
public struct SelfCheckinForm: Equatable, Sendable {
    public enum Step: Equatable, Sendable {
        case closeness
        /// The loneliness question with this index (0…2).
        case loneliness(Int)
    }

    public var day: Day
    public var step: Step = .closeness
    public var closeness = 4
    public var emotions: [EmotionTag] = []
    public var picker: PickerState?
    /// Whether the loneliness questions follow this time.
    public var askLoneliness: Bool
    public var answers: [Loneliness.Answer] = [.hardlyEver, .hardlyEver, .hardlyEver]
    public var saving = false
    public var error: String?
    /// Today was already answered (C again): the form starts from that answer, and
    /// leaving it keeps it.
    public var revising = false

    public init(day: Day, askLoneliness: Bool, answered: SelfCheckin? = nil) {
        self.day = day
        self.askLoneliness = askLoneliness
        if let answered {
            revising = true
            closeness = answered.closeness ?? closeness
            emotions = answered.emotions
        }
    }

    /// What is saved: the loneliness answers only once all three were stepped through.
    func checkin(withLoneliness: Bool) -> SelfCheckin {
        SelfCheckin(day: day, closeness: closeness, emotions: emotions,
                    loneliness: withLoneliness ? Loneliness(lackCompanionship: answers[0], leftOut: answers[1], isolated: answers[2]) : nil)
    }
}

/// The Inclusion-of-Other-in-the-Self picture: two circles, "you" and "others", from
/// apart (1) to almost one (7), drawn with a different glyph for each circle and for
/// their overlap, so it reads without colour.
public enum IOSPicture {
    /// Distance between the centres, in radii, for each step of the scale.
    static let distances: [Double] = [2.5, 2.0, 1.6, 1.2, 0.8, 0.45, 0.15]
    public static let width = 28
    public static let height = 5

    public static func lines(level: Int) -> [String] {
        let d = distances[max(0, min(6, level - 1))]
        let rx = 6.0, ry = 2.45
        let cx = Double(width) / 2, cy = Double(height) / 2
        let ax = cx - d * rx / 2, bx = cx + d * rx / 2
        return (0..<height).map { row in
            String((0..<width).map { col -> Character in
                let x = Double(col) + 0.5, y = Double(row) + 0.5
                let inA = pow2((x - ax) / rx) + pow2((y - cy) / ry) <= 1
                let inB = pow2((x - bx) / rx) + pow2((y - cy) / ry) <= 1
                switch (inA, inB) {
                case (true, true): return "█"
                case (true, false): return "▓"
                case (false, true): return "░"
                case (false, false): return " "
                }
            })
        }
    }

    private static func pow2(_ v: Double) -> Double { v * v }

    public static let captions = ["apart", "barely touching", "a little close", "close", "quite close", "very close", "almost one"]
}
