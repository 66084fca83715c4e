import KithCore

/// An all-day calendar entry.
public struct CalendarEvent: Sendable, Equatable {
    /// Stable across exports, so that a calendar updates an entry instead of adding a twin.
    public var uid: String
    public var day: Day
    public var summary: String
    public var description: String
    /// Yearly, for birthdays.
    public var yearly = false
    /// For 29 February birthdays: the last day of February every year (28th in common years).
    public var lastDayOfFebruary = false

    public init(uid: String, day: Day, summary: String, description: String = "", yearly: Bool = false,
                lastDayOfFebruary: Bool = false) {
        self.uid = uid
        self.day = day
        self.summary = summary
        self.description = description
        self.yearly = yearly
        self.lastDayOfFebruary = lastDayOfFebruary
    }
}

/// Writes RFC 5545 iCalendar: CRLF line ends, lines folded at 75 octets without
/// splitting a UTF-8 sequence, text escaped.
public enum ICalendar {
    public static func write(_ events: [CalendarEvent], stamp: Day) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kith//kith//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:kith"]
        let dtstamp = "DTSTAMP:\(compact(stamp))T000000Z"
        for e in events {
            lines += ["BEGIN:VEVENT", "UID:\(escape(e.uid))", dtstamp, "DTSTART;VALUE=DATE:\(compact(e.day))"]
            // The day after 9999-12-31 has no four-digit year; without DTEND an all-day
            // entry lasts its one day anyway (RFC 5545, 3.6.1), so a store from before
            // kith refused such days still exports a valid calendar.
            let end = e.day.adding(days: 1)
            if end.year <= 9999 { lines.append("DTEND;VALUE=DATE:\(compact(end))") }
            lines.append("SUMMARY:\(escape(e.summary))")
            if !e.description.isEmpty { lines.append("DESCRIPTION:\(escape(e.description))") }
            if e.lastDayOfFebruary { lines.append("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1") }
            else if e.yearly { lines.append("RRULE:FREQ=YEARLY") }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ d: Day) -> String { String(d.iso.filter { $0 != "-" }) }

    static func escape(_ s: String) -> String { ContentLine.escape(s) }
    static func fold(_ line: String) -> String { ContentLine.fold(line) }
}
