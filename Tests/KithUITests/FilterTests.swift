import KithCore
import Testing
@testable import KithUI

@Suite struct FilterTests {
    @Test func filterByEveryFieldThenClear() {
        var s = Fixture.loaded()
        _ = press(&s, .tab, .char("f"))
        #expect(s.context == .formText)
        type(&s, "lake")
        _ = press(&s, .tab, .enter)                        // felt: the picker
        type(&s, "sad")
        _ = press(&s, .char("2"), .enter)
        _ = press(&s, .tab, .right, .char(" "))            // kind: heart-to-heart
        _ = press(&s, .tab, .right, .char(" "))            // via: call
        _ = press(&s, .tab)
        type(&s, "2026-01-01")
        _ = press(&s, .tab)
        type(&s, "yesterday")
        let effects = press(&s, .ctrl("s"))
        var expected = TimelineFilter()
        expected.text = "lake"
        expected.emotions = [EmotionTag(word: "sad", intensity: 2)]
        expected.kinds = [.heartToHeart]
        expected.channels = [.call]
        expected.since = Day(year: 2026, month: 1, day: 1)
        expected.until = Fixture.today.adding(days: -1)
        #expect(effects == [.loadTimeline(.subject(.person(1)), filter: expected, offset: 0, limit: TimelineState.firstPageSize(lines: Layout(width: s.width, height: s.height).timelineLines))])
        #expect(s.filterForm == nil && s.filter == expected)
        // The filter follows the selection to the next person.
        #expect(press(&s, .backTab, .char("j")) == [.loadTimeline(.subject(.person(3)), filter: expected, offset: 0, limit: TimelineState.firstPageSize(lines: Layout(width: s.width, height: s.height).timelineLines))])
        // An answer for the unfiltered timeline is dropped.
        _ = Update.update(&s, .timelineLoaded(.subject(.person(3)), Fixture.moments(), offset: 0, exhausted: true))
        #expect(s.timeline.moments.isEmpty && s.timeline.loading)
        _ = Update.update(&s, .timelineLoaded(.subject(.person(3)), filter: expected, [], offset: 0, exhausted: true))
        check(Screen.render(s, keymap: .standard).text.contains("No moments match the filter"))
        _ = press(&s, .tab)
        #expect(press(&s, .char("F")) == [.loadTimeline(.subject(.person(3)), offset: 0, limit: TimelineState.firstPageSize(lines: Layout(width: s.width, height: s.height).timelineLines))])
    }

    func check(_ condition: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(condition, sourceLocation: sourceLocation)
    }

    @Test func badDatesStayInTheFilterForm() {
        var s = Fixture.loaded()
        _ = press(&s, .tab, .char("f"), .tab, .tab, .tab, .tab)
        type(&s, "2026-13-01")
        #expect(press(&s, .ctrl("s")).isEmpty)
        #expect(s.filterForm?.error == "\"2026-13-01\" is not a real date")
        _ = press(&s, .escape)
        #expect(s.filterForm == nil && s.filter.isEmpty)
    }
}
