/// A value the user typed that kith cannot read. The message is one line, names the
/// bad text and says what would be accepted: it is printed as is.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Parsers for the small languages of the command line: dates, times, durations,
/// birthdays. Pure: "today" is passed in, never read from a clock.
public enum Parse {
    /// The most a note (a person's, a group's, a moment's) can hold, in UTF-8 bytes: the
    /// same 10 MB whether it comes from `--note -`, a vCard or a JSON backup.
    public static let noteLimit = 10_000_000

    /// The earliest year a moment can have: anything before is a typo.
    public static let earliestYear = 1900
    /// The earliest year a birthday can have.
    public static let earliestBirthYear = 1850
    /// How far ahead a reminder or a snooze can be: as far as the longest span an age
    /// can name (200 × 366 days, so `200y` fits); anything later is a typo.
    public static let farthestAheadYears = 200

    /// The last day a reminder or snooze can have, seen from `today`: 200 × 366 days on,
    /// and never the last day kith can write (9999-12-31), whose next day a calendar needs.
    public static func latestDay(after today: Day) -> Day {
        min(today.adding(days: 366 * farthestAheadYears), Day(year: 9999, month: 12, day: 30)!)
    }

    /// The last day that is not "in the future", seen from `today`: tomorrow, a day's
    /// grace. Somewhere on Earth it is already tomorrow: a moment logged at UTC+14 and
    /// read at UTC−11, or a backup carried across the date line, is not a typo.
    public static func latestPast(_ today: Day) -> Day { today.adding(days: 1) }

    /// Why a birthday with this year cannot be (after tomorrow, or before 1850), or nil.
    public static func birthdayProblem(_ d: Day, today: Day) -> String? {
        if d > latestPast(today) { return "is in the future" }
        if d.year < earliestBirthYear { return "is before \(earliestBirthYear)" }
        return nil
    }

    /// Accepts `2026-11-20`, `today`, `yesterday`, a weekday name (`friday`, `fri`: the
    /// most recent such day, today included), `this week` and `last week` (the first day
    /// of this week or the one before, by `weekStart`) and an age: `3d`, `2w`, `1m`,
    /// `1y`, with or without "ago", in short or long words (`3 days ago`). Months and
    /// years are calendar ones: `1m` on 31 March is the last day of February.
    public static func day(_ text: String, today: Day, weekStart: WeekStart = Rules.current.weekStart) throws -> Day {
        let day = try anyDay(text, today: today, weekStart: weekStart)
        // Every way of naming a day meets the same floor: `yesterday` on 1900-01-01 too.
        guard day.year >= earliestYear else { throw InputError("date \"\(text)\" is before \(earliestYear)") }
        return day
    }

    private static func anyDay(_ text: String, today: Day, weekStart: WeekStart) throws -> Day {
        var t = words(text)
        switch t {
        case "today", "now": return today
        case "yesterday": return today.adding(days: -1)
        case "this week": return today.startOfWeek(weekStart)
        case "last week": return today.startOfWeek(weekStart).adding(days: -7)
        default: break
        }
        if let weekday = weekdayIndex(t) {
            let back = (today.weekday - weekday + 7) % 7
            return today.adding(days: -back)
        }
        if t.hasSuffix(" ago") { t = String(t.dropLast(4)).trimmingSpaces }
        if let d = try age(t, today: today) { return d }
        if let d = try isoDay(t) { return d }
        throw InputError("cannot read date \"\(text)\": use YYYY-MM-DD, today, yesterday, a weekday, this week, last week, or an age like 3d, 2w, 1m")
    }

    private static let ageUnits: [String: Character] = [
        "d": "d", "day": "d", "days": "d", "w": "w", "week": "w", "weeks": "w",
        "m": "m", "month": "m", "months": "m", "y": "y", "year": "y", "years": "y",
    ]

    /// `3d`, `2 weeks`, `1m`: that long before today; nil when the text is not an age.
    private static func age(_ t: String, today: Day) throws -> Day? {
        let digits = t.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, let unit = ageUnits[t.dropFirst(digits.count).trimmingSpaces] else { return nil }
        guard digits.count <= 6, let n = Int(digits), n <= 366 * farthestAheadYears else {
            throw InputError("\"\(t)\" is too far back")
        }
        switch unit {
        case "d": return today.adding(days: -n)
        case "w": return today.adding(days: -7 * n)
        case "m": return today.adding(months: -n)
        default: return today.adding(months: -12 * n)
        }
    }

    /// A day ahead, for snoozes and reminders: `2026-12-01`, `today`, `tomorrow`, a
    /// weekday (the next one, today excluded: "friday" on a Friday is a week away),
    /// `next week` (its first day, by `weekStart`), or a span ahead: `3d`, `2w`, `1m`,
    /// `in 3 days`.
    public static func futureDay(_ text: String, today: Day, weekStart: WeekStart = Rules.current.weekStart) throws -> Day {
        var t = words(text)
        switch t {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        case "next week": return today.startOfWeek(weekStart).adding(days: 7)
        default: break
        }
        if let weekday = weekdayIndex(t) {
            let ahead = (weekday - today.weekday + 7) % 7
            return today.adding(days: ahead == 0 ? 7 : ahead)
        }
        if t.hasPrefix("in ") { t = String(t.dropFirst(3)).trimmingSpaces }
        let d: Day
        if let back = try age(t, today: today) {
            d = today.adding(days: today.days(since: back))
        } else if let day = try isoDay(t) {
            guard day >= today else { throw InputError("\(day.iso) is in the past; give today or a later day") }
            d = day
        } else {
            throw InputError("cannot read date \"\(text)\": use YYYY-MM-DD, tomorrow, a weekday, next week, or a span like 3d, 2w, 1m")
        }
        guard d <= latestDay(after: today) else {
            throw InputError("date \"\(text)\" is too far ahead: at most \(farthestAheadYears) years from today")
        }
        return d
    }

    /// Lowercased, trimmed, and with runs of spaces as one: "Last  Week" is "last week".
    private static func words(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Parses YYYY-MM-DD. Returns nil when the text does not have that shape and throws
    /// when it has the shape but names no real day (2026-02-30).
    public static func isoDay(_ t: String) throws -> Day? {
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        guard let day = Day(year: y, month: m, day: d) else {
            throw InputError("\"\(t)\" is not a real date")
        }
        return day
    }

    private static func weekdayIndex(_ t: String) -> Int? {
        guard t.count >= 3 else { return nil }
        return DateText.weekdayNames.firstIndex { $0.lowercased().hasPrefix(t) }
    }

    /// Accepts `18:30`, `7:05`, `1830`.
    public static func time(_ text: String) throws -> TimeOfDay {
        let t = text.trimmingSpaces
        var h: Int?, m: Int?
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2 {
            h = Int(parts[0]); m = Int(parts[1])
        } else if parts.count == 1, t.count == 4, t.allSatisfy(\.isASCIIDigit) {
            h = Int(t.prefix(2)); m = Int(t.suffix(2))
        }
        guard let hh = h, let mm = m, let time = TimeOfDay(hour: hh, minute: mm) else {
            throw InputError("cannot read time \"\(text)\": use HH:MM, 24-hour, e.g. 18:30")
        }
        return time
    }

    /// A cadence: `14d`, `3w`, `2m` (a month counts as 30 days), `1y` (365), or a bare
    /// number of days. Between 1 day and 10 years.
    public static func cadence(_ text: String) throws -> Int {
        let t = text.trimmingSpaces.lowercased()
        let bad = InputError("cannot read interval \"\(text)\": use a number with d, w, m or y, e.g. 14d, 3w, 2m")
        guard let last = t.last else { throw bad }
        let (digits, factor): (Substring, Int)
        switch last {
        case "d": (digits, factor) = (t.dropLast(), 1)
        case "w": (digits, factor) = (t.dropLast(), 7)
        case "m": (digits, factor) = (t.dropLast(), 30)
        case "y": (digits, factor) = (t.dropLast(), 365)
        case "0"..."9": (digits, factor) = (Substring(t), 1)
        default: throw bad
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let n = Int(digits) else { throw bad }
        guard n > 0, n <= 3650 / factor else {
            throw InputError("interval \"\(text)\" is out of range: between 1d and 10y")
        }
        return n * factor
    }

    /// `1990-04-15` or, when the year is unknown, `--04-15` (vCard's form) or `04-15`.
    /// A birthday cannot be after today, nor before 1850.
    public static func birthday(_ text: String, today: Day) throws -> Birthday {
        let t = text.trimmingSpaces
        let bad = InputError("cannot read birthday \"\(text)\": use YYYY-MM-DD, or --MM-DD when the year is unknown")
        if !t.hasPrefix("-"), t.split(separator: "-").first?.count == 4 {
            let d: Day?
            do { d = try isoDay(t) } catch { throw InputError("birthday \"\(text)\" is not a real date") }
            guard let d else { throw bad }
            if let why = birthdayProblem(d, today: today) { throw InputError("birthday \"\(text)\" \(why)") }
            return Birthday(month: d.month, day: d.day, year: d.year)!
        }
        var md = Substring(t)
        if md.hasPrefix("--") { md = md.dropFirst(2) }
        let parts = md.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
              let m = Int(parts[0]), let d = Int(parts[1]) else { throw bad }
        guard let b = Birthday(month: m, day: d, year: nil) else {
            throw InputError("birthday \"\(text)\" is not a real date")
        }
        return b
    }

    /// Uplift afterwards, −2 … +2.
    public static func uplift(_ text: String) throws -> Int {
        let t = text.trimmingSpaces
        guard let n = Int(t.hasPrefix("+") ? String(t.dropFirst()) : t), (-2...2).contains(n) else {
            throw InputError("uplift must be a whole number from -2 to 2, not \"\(text)\"")
        }
        return n
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// Trims spaces, tabs and newlines at both ends (Foundation-free).
    /// Without white space at either end, nor the invisible U+FEFF (a byte-order mark
    /// pasted from a file) and U+200B (zero-width space), which readers of other formats
    /// drop there too.
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        func blank(_ u: Unicode.Scalar) -> Bool { u.properties.isWhitespace || u == "\u{FEFF}" || u == "\u{200B}" }
        guard let first = scalars.firstIndex(where: { !blank($0) }),
              let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
