import KithCore
import Testing
@testable import KithUI

/// The clock is an input: a new day reaches the update as a message, and everything
/// that depends on today follows it (issue 16, point 1).
@Suite struct NewDayTests {
    @Test func theHeaderTodayAndTheSelfCheckInFollowANewDay() throws {
        var s = Fixture.loaded()
        let next = Fixture.today.adding(days: 1)
        let effects = Update.update(&s, .newDay(next))
        #expect(s.today == next)
        #expect(effects == [.loadRoster, .promptSelf(manual: false)])
        #expect(s.message == "It is Mon 23 Nov 2026 now.")
        #expect(Update.update(&s, .newDay(next)).isEmpty, "the same day twice is no news")
    }

    /// A check-in opened before midnight keeps the day it was opened on, written out,
    /// and says so; saved after midnight it lands on that day, not silently on either.
    @Test func aFormOpenOverMidnightKeepsItsDayAndSaysSo() throws {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        _ = Update.update(&s, .newDay(Fixture.today.adding(days: 1)))
        #expect(s.form?.date.text == "2026-11-22")
        #expect(s.message?.contains("This check-in stays on Sun 22 Nov 2026") == true, "\(s.message ?? "")")
        guard case .saveMoment(let m)? = press(&s, .ctrl("s")).first else { Issue.record("no save"); return }
        #expect(m.day == Fixture.today)
    }

    /// A form opened after midnight logs on the new day.
    @Test func aFormOpenedAfterMidnightLogsOnTheNewDay() throws {
        var s = Fixture.loaded()
        _ = Update.update(&s, .newDay(Fixture.today.adding(days: 1)))
        _ = press(&s, .char("c"))
        guard case .saveMoment(let m)? = press(&s, .ctrl("s")).first else { Issue.record("no save"); return }
        #expect(m.day == Fixture.today.adding(days: 1))
    }
}
