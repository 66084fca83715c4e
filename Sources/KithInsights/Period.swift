import KithCore

/// The days insights look at, and the same stretch just before, for comparison.
public struct Period: Hashable, Sendable {
    /// First and last day, both included.
    public let start: Day
    public let end: Day

    public init(start: Day, end: Day) {
        self.start = min(start, end)
        self.end = max(start, end)
    }

    /// The default: the current month and the eleven before it, up to today. Whole
    /// calendar months, so that the monthly chart has twelve honest bars.
    public static func lastTwelveMonths(endingOn today: Day) -> Period {
        let first = Day(year: today.year, month: today.month, day: 1)!.adding(months: -11)
        return Period(start: first, end: today)
    }

    public var days: Int { end.days(since: start) + 1 }

    /// The stretch right before this one: as many calendar months when the period starts
    /// on the first of a month ("the 12 months before"), as many days otherwise.
    public var previous: Period {
        if start.day == 1 {
            return Period(start: start.adding(months: -months.count), end: start.adding(days: -1))
        }
        return Period(start: start.adding(days: -days), end: start.adding(days: -1))
    }

    public func contains(_ day: Day) -> Bool { day >= start && day <= end }

    /// The calendar months the period touches, oldest first, as (year, month).
    public var months: [Month] {
        var out: [Month] = []
        var m = Month(start)
        let last = Month(end)
        while m <= last {
            out.append(m)
            m = m.next
        }
        return out
    }
}

/// A calendar month, for monthly charts.
public struct Month: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int

    public init(_ day: Day) {
        year = day.year
        month = day.month
    }

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public var next: Month { month == 12 ? Month(year: year + 1, month: 1) : Month(year: year, month: month + 1) }
    public var index: Int { year * 12 + month - 1 }
    public var iso: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public static func < (a: Month, b: Month) -> Bool { a.index < b.index }
}
