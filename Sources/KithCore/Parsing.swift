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
    /// Accepts `2026-11-20`, `today`, `yesterday`, `3d` / `2w` (that long ago) and a
    /// weekday name (`friday`, `fri`: the most recent such day, today included).
    public static func day(_ text: String, today: Day) throws -> Day {
        let t = text.trimmingSpaces.lowercased()
        switch t {
        case "today", "now": return today
        case "yesterday": return today.adding(days: -1)
        default: break
        }
        if let weekday = weekdayIndex(t) {
            let back = (today.weekday - weekday + 7) % 7
            return today.adding(days: -back)
        }
        if let days = try? relativeDays(t) {
            return today.adding(days: -days)
        }
        if let d = try isoDay(t) { return d }
        throw InputError("cannot read date \"\(text)\": use YYYY-MM-DD, today, yesterday, a weekday, or an age like 3d or 2w")
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

    private static func relativeDays(_ t: String) throws -> Int {
        guard let unit = t.last, let n = Int(t.dropLast()), n >= 0, n <= 36500 else { throw InputError("") }
        switch unit {
        case "d": return n
        case "w": return n * 7
        default: throw InputError("")
        }
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
    public static func birthday(_ text: String) throws -> Birthday {
        let t = text.trimmingSpaces
        let bad = InputError("cannot read birthday \"\(text)\": use YYYY-MM-DD, or --MM-DD when the year is unknown")
        if !t.hasPrefix("-"), t.split(separator: "-").first?.count == 4 {
            let d: Day?
            do { d = try isoDay(t) } catch { throw InputError("birthday \"\(text)\" is not a real date") }
            guard let d else { throw bad }
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
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
