/// A calendar day in the user's own calendar, with no time and no time zone.
///
/// Moments, birthdays and due dates are days, not instants: a moment logged at 23:30
/// belongs to that day wherever the user later travels, and daylight-saving changes
/// can never move it. Stored as the count of days since 1970-01-01 so that "days
/// between" is a subtraction and the value indexes well in SQLite.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Returns nil for an impossible date such as 2026-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((ordinal % 7) + 7 + 4) % 7 }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Calendar months later (or earlier), keeping the day of the month where it exists
    /// and using the month's last day where it does not (31 March − 1 month = 28/29 Feb).
    public func adding(months: Int) -> Day {
        let c = civil
        let index = c.year * 12 + (c.month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        let d = min(c.day, Day.daysIn(month: m, year: y))
        return Day(ordinal: Day.ordinal(year: y, month: m, day: d))
    }
    public func days(since other: Day) -> Int { ordinal - other.ordinal }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// ISO 8601, the form used in every machine-readable output.
    public var iso: String {
        let c = civil
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }
    public var description: String { iso }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days-from-civil / civil-from-days: exact for the proleptic
    // Gregorian calendar, no tables, no Foundation.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// A time of day in minutes after midnight, optional on a moment.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int
    public init?(minutes: Int) {
        guard (0..<1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }
    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.minutes = hour * 60 + minute
    }
    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }
    public var description: String { "\(pad(hour, 2)):\(pad(minute, 2))" }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// The day a week starts on (`week_start` in the config): what "this week" and "last
/// week" mean. Monday is ISO 8601's and most of the world's; Sunday and Saturday are the
/// other two in common use.
public enum WeekStart: String, CaseIterable, Sendable {
    case monday, sunday, saturday

    /// As `Day.weekday` counts: 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        switch self {
        case .sunday: 0
        case .monday: 1
        case .saturday: 6
        }
    }
}

extension Day {
    /// The first day of the week this day is in, the day itself when it is that day.
    public func startOfWeek(_ start: WeekStart) -> Day {
        adding(days: -((weekday - start.weekday + 7) % 7))
    }
}

/// How dates are shown to people (`date_format` in the config). Only shown dates change:
/// what kith reads stays ISO and words, and JSON, CSV and iCalendar stay ISO.
public enum DateStyle: String, CaseIterable, Sendable {
    /// "Sun 22 Nov 2026": unambiguous in every locale, which numeric forms are not.
    case dmy
    /// "Sun Nov 22, 2026", the American order.
    case mdy
    /// "2026-11-22", ISO 8601, the same form kith reads and exports.
    case iso

    /// One example, for messages and `kith config show`.
    public var example: String { DateText.long(Day(year: 2026, month: 11, day: 22)!, style: self) }
}

/// Dates for people to read, in the style the config chose (`Rules.current.dateStyle`
/// unless a caller, such as a view with its own state, passes one).
public enum DateText {
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]
    public static let monthAbbreviations = monthNames.map { String($0.prefix(3)) }
    public static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    public static let weekdayAbbreviations = weekdayNames.map { String($0.prefix(3)) }

    /// A day on its own: "Sun 22 Nov 2026", "Sun Nov 22, 2026" or "2026-11-22".
    public static func long(_ day: Day, style: DateStyle = Rules.current.dateStyle) -> String {
        let weekday = weekdayAbbreviations[day.weekday], month = monthAbbreviations[day.month - 1]
        switch style {
        case .dmy: return "\(weekday) \(day.day) \(month) \(day.year)"
        case .mdy: return "\(weekday) \(month) \(day.day), \(day.year)"
        case .iso: return day.iso
        }
    }

    /// For rows under a month heading, where the year is already shown: "Sun 22 Nov",
    /// "Sun Nov 22" or "2026-11-22". Ten columns in every style, so that whatever follows
    /// it in a list stays aligned.
    public static func short(_ day: Day, style: DateStyle = Rules.current.dateStyle) -> String {
        let weekday = weekdayAbbreviations[day.weekday], month = monthAbbreviations[day.month - 1]
        switch style {
        case .dmy: return "\(weekday) \(pad(day.day, 2)) \(month)"
        case .mdy: return "\(weekday) \(month) \(pad(day.day, 2))"
        case .iso: return day.iso
        }
    }

    /// "November 2026", or "2026-11" in the ISO style.
    public static func monthHeading(year: Int, month: Int, style: DateStyle = Rules.current.dateStyle) -> String {
        style == .iso ? "\(pad(year, 4))-\(pad(month, 2))" : "\(monthNames[month - 1]) \(year)"
    }

    public static func monthHeading(_ day: Day, style: DateStyle = Rules.current.dateStyle) -> String {
        monthHeading(year: day.year, month: day.month, style: style)
    }

    /// A birthday, with its year when known: "15 Apr 1990", "Apr 15, 1990" or
    /// "1990-04-15"; "15 Apr", "Apr 15" or "--04-15" (vCard's form) without it.
    public static func birthday(_ b: Birthday, style: DateStyle = Rules.current.dateStyle) -> String {
        let month = monthAbbreviations[b.month - 1]
        switch style {
        case .dmy: return "\(b.day) \(month)" + (b.year.map { " \($0)" } ?? "")
        case .mdy: return "\(month) \(b.day)" + (b.year.map { ", \($0)" } ?? "")
        case .iso: return b.description
        }
    }

    /// When a moment was, from where the user is: a day logged where it was already
    /// tomorrow (the day's grace of `Parse.latestPast`) reads "today", not "tomorrow".
    public static func relativePast(_ day: Day, today: Day) -> String {
        relative(min(day, today), today: today)
    }

    /// "today", "yesterday", "3 days ago", "in 4 days"; long spans in months or years
    /// ("5 months ago", "12 years ago") rather than thousands of days.
    public static func relative(_ day: Day, today: Day) -> String {
        let n = today.days(since: day)
        switch n {
        case 0: return "today"
        case 1: return "yesterday"
        case -1: return "tomorrow"
        default:
            let span = span(abs(n))
            return n > 0 ? "\(span) ago" : "in \(span)"
        }
    }

    static func span(_ days: Int) -> String {
        if days <= 45 { return "\(days) days" }
        if days < 730 { let m = days / 30; return m == 1 ? "1 month" : "\(m) months" }
        return "\(days / 365) years"
    }
}
