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

/// `week_start` and `date_format`, given explicitly: tests never change `Rules.current`,
/// which every test in the process shares.
@Suite struct WeekAndDateStyleTests {
    let sunday = Day(year: 2026, month: 11, day: 22)!

    @Test func weeksStartOnTheConfiguredDay() {
        // Sun 22 Nov 2026: the week began on Monday the 16th, on Sunday the 22nd itself,
        // or on Saturday the 21st.
        #expect(sunday.startOfWeek(.monday).iso == "2026-11-16")
        #expect(sunday.startOfWeek(.sunday) == sunday)
        #expect(sunday.startOfWeek(.saturday).iso == "2026-11-21")
        // Every day of a fortnight, for every start: the start is that weekday, at most
        // six days back, and the day itself when it is that weekday.
        for offset in 0..<14 {
            let day = sunday.adding(days: offset)
            for start in WeekStart.allCases {
                let first = day.startOfWeek(start)
                #expect(first.weekday == start.weekday)
                #expect((0...6).contains(day.days(since: first)))
                if day.weekday == start.weekday { #expect(first == day) }
            }
        }
    }

    @Test func thisWeekAndLastWeek() throws {
        #expect(try Parse.day("this week", today: sunday, weekStart: .monday).iso == "2026-11-16")
        #expect(try Parse.day("last week", today: sunday, weekStart: .monday).iso == "2026-11-09")
        #expect(try Parse.day("this week", today: sunday, weekStart: .sunday) == sunday)
        #expect(try Parse.day("Last  Week", today: sunday, weekStart: .sunday).iso == "2026-11-15")
        #expect(try Parse.day("this week", today: sunday, weekStart: .saturday).iso == "2026-11-21")
        #expect(try Parse.day("last week", today: sunday, weekStart: .saturday).iso == "2026-11-14")
        // Across a year's end: Fri 1 Jan 2027's week began in 2026.
        let newYear = Day(year: 2027, month: 1, day: 1)!
        #expect(try Parse.day("this week", today: newYear, weekStart: .monday).iso == "2026-12-28")
        #expect(try Parse.day("last week", today: newYear, weekStart: .sunday).iso == "2026-12-20")
        // The words that were there before still mean what they meant.
        #expect(try Parse.day("monday", today: sunday, weekStart: .sunday).iso == "2026-11-16")
        #expect(throws: InputError.self) { try Parse.day("next week", today: sunday) }
        #expect(throws: InputError.self) { try Parse.day("this weak", today: sunday) }
    }

    @Test func nextWeekIsAhead() throws {
        #expect(try Parse.futureDay("next week", today: sunday, weekStart: .monday).iso == "2026-11-23")
        #expect(try Parse.futureDay("next week", today: sunday, weekStart: .sunday).iso == "2026-11-29")
        #expect(try Parse.futureDay("next week", today: sunday, weekStart: .saturday).iso == "2026-11-28")
        let saturday = sunday.adding(days: -1)
        #expect(try Parse.futureDay("next week", today: saturday, weekStart: .saturday).iso == "2026-11-28")
        #expect(try Parse.futureDay("next week", today: saturday, weekStart: .sunday) == sunday)
        #expect(throws: InputError.self) { try Parse.futureDay("last week", today: sunday) }
    }

    @Test func dateStyles() {
        let d = sunday, first = Day(year: 2026, month: 3, day: 1)!
        #expect(DateText.long(d, style: .dmy) == "Sun 22 Nov 2026")
        #expect(DateText.long(d, style: .mdy) == "Sun Nov 22, 2026")
        #expect(DateText.long(d, style: .iso) == "2026-11-22")
        #expect(DateText.long(first, style: .dmy) == "Sun 1 Mar 2026")
        #expect(DateText.long(first, style: .mdy) == "Sun Mar 1, 2026")
        #expect(DateText.short(first, style: .dmy) == "Sun 01 Mar")
        #expect(DateText.short(first, style: .mdy) == "Sun Mar 01")
        #expect(DateText.short(first, style: .iso) == "2026-03-01")
        #expect(DateText.monthHeading(d, style: .dmy) == "November 2026")
        #expect(DateText.monthHeading(d, style: .mdy) == "November 2026")
        #expect(DateText.monthHeading(d, style: .iso) == "2026-11")
        let b = Birthday(month: 4, day: 5, year: 1990)!, noYear = Birthday(month: 4, day: 5, year: nil)!
        #expect(DateText.birthday(b, style: .dmy) == "5 Apr 1990" && DateText.birthday(noYear, style: .dmy) == "5 Apr")
        #expect(DateText.birthday(b, style: .mdy) == "Apr 5, 1990" && DateText.birthday(noYear, style: .mdy) == "Apr 5")
        #expect(DateText.birthday(b, style: .iso) == "1990-04-05" && DateText.birthday(noYear, style: .iso) == "--04-05")
        #expect(DateStyle.mdy.example == "Sun Nov 22, 2026")
    }

    /// Lists put the short date in a column of its own: it is ten cells wide every day
    /// of the year, in every style, so whatever follows it lines up.
    @Test func shortDatesAreOneWidthInEveryStyle() {
        for style in DateStyle.allCases {
            for offset in 0..<366 {
                #expect(TerminalText.width(DateText.short(sunday.adding(days: offset), style: style)) == 10)
            }
        }
    }
}
