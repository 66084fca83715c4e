/// Where a bond stands against its cadence today.
///
/// Due when the days since the last moment (or, with none yet, since the person was
/// added) reach the cadence; overdue from `overdueFactor` × cadence on. The reminder
/// scheduler ranks and nudges from this; views mark it.
public enum DueState: Int, Comparable, Sendable {
    case fine, due, overdue

    public static func of(last: Day?, since added: Day, cadenceDays: Int, today: Day,
                          overdueFactor: Double = Rules.current.overdueFactor) -> DueState {
        let days = today.days(since: last ?? added)
        if Double(days) >= Double(cadenceDays) * overdueFactor { return .overdue }
        if days >= cadenceDays { return .due }
        return .fine
    }

    public static func < (a: DueState, b: DueState) -> Bool { a.rawValue < b.rawValue }
}
