import Testing
@testable import KithCore

@Suite struct DayTests {
    @Test func knownDates() {
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
        #expect(Day(year: 2000, month: 3, day: 1)!.ordinal == 11017)
        #expect(Day(year: 2026, month: 11, day: 22)!.iso == "2026-11-22")
        #expect(Day(year: 2026, month: 11, day: 22)!.weekday == 0) // a Sunday
        #expect(Day(year: 1969, month: 12, day: 31)!.ordinal == -1)
        #expect(DateText.long(Day(year: 2026, month: 11, day: 20)!) == "Fri 20 Nov 2026")
    }

    @Test func impossibleDatesAreRejected() {
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 2026, month: 4, day: 31) == nil)
        #expect(Day(year: 2026, month: 13, day: 1) == nil)
        #expect(Day(year: 2026, month: 0, day: 1) == nil)
    }

    /// Every day for four centuries survives the round trip to an ordinal and back, and
    /// consecutive days have consecutive ordinals and weekdays.
    @Test func roundTripOverFourCenturies() {
        var previous: Day?
        for year in 1800...2200 {
            for month in 1...12 {
                for d in 1...Day.daysIn(month: month, year: year) {
                    let day = Day(year: year, month: month, day: d)!
                    #expect(day.year == year && day.month == month && day.day == d)
                    if let p = previous {
                        #expect(day.ordinal == p.ordinal + 1)
                        #expect(day.weekday == (p.weekday + 1) % 7)
                    }
                    previous = day
                }
            }
        }
    }

    @Test func relativeText() {
        let today = Day(year: 2026, month: 11, day: 22)!
        #expect(DateText.relative(today, today: today) == "today")
        #expect(DateText.relative(today.adding(days: -1), today: today) == "yesterday")
        #expect(DateText.relative(today.adding(days: -9), today: today) == "9 days ago")
        #expect(DateText.relative(today.adding(days: 4), today: today) == "in 4 days")
        #expect(DateText.relative(today.adding(days: -45), today: today) == "45 days ago")
        #expect(DateText.relative(today.adding(days: -150), today: today) == "5 months ago")
        #expect(DateText.relative(today.adding(days: -46346), today: today) == "126 years ago")
        #expect(DateText.relative(today.adding(days: 400), today: today) == "in 13 months")
    }
}

@Suite struct ParseTests {
    let today = Day(year: 2026, month: 11, day: 22)! // Sunday

    @Test func dates() throws {
        #expect(try Parse.day("2026-11-20", today: today).iso == "2026-11-20")
        #expect(try Parse.day("today", today: today) == today)
        #expect(try Parse.day("Yesterday", today: today).iso == "2026-11-21")
        #expect(try Parse.day("3d", today: today).iso == "2026-11-19")
        #expect(try Parse.day("2w", today: today).iso == "2026-11-08")
        #expect(try Parse.day("friday", today: today).iso == "2026-11-20")
        #expect(try Parse.day("fri", today: today).iso == "2026-11-20")
        #expect(try Parse.day("sunday", today: today) == today)
        #expect(try Parse.day("2026-1-5", today: today).iso == "2026-01-05")
        #expect(try Parse.day("3d ago", today: today).iso == "2026-11-19")
        #expect(try Parse.day("3 days ago", today: today).iso == "2026-11-19")
        #expect(try Parse.day("1 week", today: today).iso == "2026-11-15")
        #expect(try Parse.day("1m", today: today).iso == "2026-10-22")
        #expect(try Parse.day("1y", today: today).iso == "2025-11-22")
        #expect(try Parse.day("1 month ago", today: Day(year: 2026, month: 3, day: 31)!).iso == "2026-02-28")
        #expect(try Parse.day("13m", today: Day(year: 2024, month: 3, day: 31)!).iso == "2023-02-28")
    }

    @Test func outOfRangeDates() {
        #expect(throws: InputError("date \"1899-12-31\" is before 1900")) { try Parse.day("1899-12-31", today: today) }
        #expect(throws: InputError("\"800000d\" is too far back")) { try Parse.day("800000d", today: today) }
        #expect(throws: InputError.self) { try Parse.day("200y", today: today) }
    }

    @Test func addingMonthsClampsToTheMonthsEnd() {
        let jan31 = Day(year: 2024, month: 1, day: 31)!
        #expect(jan31.adding(months: 1).iso == "2024-02-29")
        #expect(jan31.adding(months: 13).iso == "2025-02-28")
        #expect(jan31.adding(months: -2).iso == "2023-11-30")
        #expect(jan31.adding(months: 0) == jan31)
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "2025-02-29", "2026-04-31"])
    func impossibleDates(_ text: String) {
        #expect(throws: InputError("\"\(text)\" is not a real date")) { try Parse.day(text, today: today) }
    }

    @Test(arguments: ["", "tomorrowish", "20261120", "2026/11/20", "3x", "-3d", "fr", "2026-11-20-1", "3", "ago", "3 fortnights ago"])
    func unreadableDates(_ text: String) {
        #expect(throws: InputError.self) { try Parse.day(text, today: today) }
    }

    @Test func times() throws {
        #expect(try Parse.time("18:30").description == "18:30")
        #expect(try Parse.time("7:05").minutes == 425)
        #expect(try Parse.time("0000").minutes == 0)
        for bad in ["24:00", "12:60", "1230pm", "noon", "", "12:5"] {
            #expect(throws: InputError.self) { try Parse.time(bad) }
        }
    }

    @Test func cadences() throws {
        #expect(try Parse.cadence("14d") == 14)
        #expect(try Parse.cadence("3w") == 21)
        #expect(try Parse.cadence("2m") == 60)
        #expect(try Parse.cadence("1y") == 365)
        #expect(try Parse.cadence("10") == 10)
        #expect(try Parse.cadence(" 10D ") == 10)
        for bad in ["0d", "-3d", "w", "3x", "", "11y", "1.5w", "99999999999999999999d"] {
            #expect(throws: InputError.self) { try Parse.cadence(bad) }
        }
    }

    @Test func birthdays() throws {
        #expect(try Parse.birthday("1990-04-15", today: today) == Birthday(month: 4, day: 15, year: 1990))
        #expect(try Parse.birthday("--04-15", today: today) == Birthday(month: 4, day: 15, year: nil))
        #expect(try Parse.birthday("04-15", today: today) == Birthday(month: 4, day: 15, year: nil))
        #expect(try Parse.birthday("--02-29", today: today) == Birthday(month: 2, day: 29, year: nil))
        #expect(try Parse.birthday("2000-02-29", today: today).year == 2000)
        #expect(throws: InputError.self) { try Parse.birthday("1990-02-29", today: today) }
        #expect(throws: InputError.self) { try Parse.birthday("--02-30", today: today) }
        #expect(throws: InputError.self) { try Parse.birthday("--13-01", today: today) }
        #expect(throws: InputError.self) { try Parse.birthday("April 15", today: today) }
        #expect(throws: InputError("birthday \"2027-05-01\" is in the future")) { try Parse.birthday("2027-05-01", today: today) }
        #expect(throws: InputError("birthday \"0001-01-01\" is before 1850")) { try Parse.birthday("0001-01-01", today: today) }
        #expect(Birthday(month: 4, day: 15, year: 1990)!.description == "1990-04-15")
        #expect(Birthday(month: 4, day: 15, year: nil)!.description == "--04-15")
    }

    @Test func ages() {
        let b = Birthday(month: 11, day: 23, year: 1990)!
        #expect(b.age(on: today) == 35)
        #expect(b.age(on: today.adding(days: 1)) == 36)
        #expect(Birthday(month: 11, day: 23, year: nil)!.age(on: today) == nil)
    }

    @Test func upliftAndChoices() throws {
        #expect(try Parse.uplift("-2") == -2)
        #expect(try Parse.uplift("+1") == 1)
        #expect(throws: InputError.self) { try Parse.uplift("3") }
        #expect(try parseChoice("In Person", as: "channel", aliases: Channel.aliases) == Channel.inPerson)
        #expect(try parseChoice("phone", as: "channel", aliases: Channel.aliases) == Channel.call)
        #expect(throws: InputError("unknown circle \"bestie\": use one of inner, close, friends, wider")) {
            let _: Circle = try parseChoice("bestie", as: "circle")
        }
    }
}
