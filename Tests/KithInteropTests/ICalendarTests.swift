import Foundation
import KithCore
import Testing
@testable import KithInterop

@Suite struct ICalendarTests {
    @Test func foldsAt75OctetsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "山田太郎🌱", count: 20)
        let folded = ICalendar.fold(line)
        for part in folded.components(separatedBy: "\r\n") {
            #expect(part.utf8.count <= 75)
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }

    @Test func escapesText() {
        #expect(ICalendar.escape("a,b;c\\d\ne\u{1B}") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func writesAValidSkeleton() {
        let day = Day(year: 2026, month: 11, day: 22)!
        let text = ICalendar.write([CalendarEvent(uid: "x@kith", day: day, summary: "Hi")], stamp: day)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20261122\r\nDTEND;VALUE=DATE:20261123\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    }

    /// The last day kith can hold (a reminder stored before kith refused such days): no
    /// DTEND of a five-digit year, just the one-day entry DTSTART alone makes.
    @Test func theLastDayHasNoEndPastTheYear9999() {
        let last = Day(year: 9999, month: 12, day: 31)!
        let text = ICalendar.write([CalendarEvent(uid: "x@kith", day: last, summary: "Hi")], stamp: last)
        #expect(text.contains("DTSTART;VALUE=DATE:99991231\r\nSUMMARY:Hi\r\n"))
        #expect(!text.contains("DTEND"))
    }
}
