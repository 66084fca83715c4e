import KithCore
import Testing
@testable import KithInsights

private func day(_ s: String) -> Day { (try! Parse.isoDay(s))! }
private func tag(_ w: String, _ i: Int = 1) -> EmotionTag { EmotionTag(word: w, intensity: i) }

/// A year with Zoë, written out so that every expected figure can be counted by hand.
enum Zoe {
    static let today = day("2026-11-22")
    static let zoe = Person(id: 1, name: "Zoë", circle: .close, addedOn: day("2025-01-01"))     // every 14 days
    static let bo = Person(id: 2, name: "Bo", addedOn: day("2025-01-01"))
    static let climbers = Group(id: 1, name: "Climbers", addedOn: day("2025-01-01"))          // every 30 days

    static let moments: [Moment] = [
        Moment(id: 1, day: day("2026-11-20"), people: [1], initiator: .me, emotions: [tag("happy", 2), tag("grateful")], uplift: 2),
        Moment(id: 2, day: day("2026-11-10"), people: [1], initiator: .me, kinds: [.heartToHeart],
               emotions: [tag("sad", 2), tag("relieved")], uplift: 1, depth: .vulnerable, received: .safe),
        Moment(id: 3, day: day("2026-10-28"), people: [1], initiator: .them, kinds: [.fun], emotions: [tag("amused")], uplift: 1),
        Moment(id: 4, day: day("2026-10-01"), people: [1], channel: .message, initiator: .me),
        Moment(id: 5, day: day("2026-09-15"), people: [1], initiator: .me, kinds: [.iSupported],
               emotions: [tag("compassionate"), tag("sad")], uplift: 0),
        Moment(id: 6, day: day("2026-08-02"), people: [1, 2], groupID: 1, initiator: .mutual, kinds: [.fun], emotions: [tag("happy")]),
        Moment(id: 7, day: day("2026-07-07"), people: [1], initiator: .me, emotions: [tag("anxious"), tag("appreciative")],
               depth: .vulnerable, received: .mixed),
        Moment(id: 8, day: day("2026-05-05"), people: [1], initiator: .me),
        Moment(id: 9, day: day("2026-03-03"), people: [1], initiator: .them, emotions: [tag("happy")]),
        Moment(id: 10, day: day("2026-01-10"), people: [1], initiator: .me, emotions: [tag("grateful"), tag("happy")]),
        // The 12 months before:
        Moment(id: 11, day: day("2025-06-01"), people: [1], initiator: .me, depth: .vulnerable, received: .hurtful),
        Moment(id: 12, day: day("2025-02-02"), people: [1], initiator: .them),
        // Older than both: ignored.
        Moment(id: 13, day: day("2024-06-01"), people: [1], initiator: .them),
    ]

    static var input: InsightInput {
        InsightInput(scope: .person(zoe), period: .lastTwelveMonths(endingOn: today), moments: moments,
                     lastMoment: day("2026-11-20"), people: [zoe, bo], groups: [climbers],
                     groupLastMet: [1: day("2026-08-02")], memberships: [1: [1, 2]], today: today, catalog: .standard)
    }
}

@Suite struct InsightFiguresTests {
    let x = Insights.compute(Zoe.input)

    @Test func thePeriodIsTwelveCalendarMonthsAndTheOneBefore() {
        #expect(x.period == Period(start: day("2025-12-01"), end: day("2026-11-22")))
        #expect(x.previous == Period(start: day("2024-12-01"), end: day("2025-11-30")))
        #expect(x.moments.sorted() == Array(1...10))
        #expect(x.previousMoments == 2)                       // moments 11 and 12; 13 is older
    }

    @Test func monthByMonth() {
        // Dec 0, Jan 1 (10), Feb 0, Mar 1 (9), Apr 0, May 1 (8), Jun 0, Jul 1 (7), Aug 1 (6), Sep 1 (5), Oct 2 (3, 4), Nov 2 (1, 2)
        #expect(x.monthly.map(\.moments) == [0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 2, 2])
        #expect(x.monthly.map(\.together) == [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0])   // only moment 6, with the group
        #expect(x.belonging.oneToOne == 9 && x.belonging.together == 1)
    }

    @Test func reciprocity() {
        // me: 1 2 4 5 7 8 10; them: 3 9; mutual: 6.
        #expect(x.reciprocity.me.sorted() == [1, 2, 4, 5, 7, 8, 10])
        #expect(x.reciprocity.them.sorted() == [3, 9])
        #expect(x.reciprocity.mutual == [6])
        // One-sided moments, newest first: 1 2 3 4 5 7 8 9 10 → 9 of them, 7 mine: 7/9 = 0.78 ≥ 0.75.
        #expect(x.reciprocity.recent.count == 9)
        #expect(x.reciprocity.lean == .me)
    }

    @Test func connectionTypes() {
        // 1 happy+grateful: joyful. 2 vulnerable. 3 fun+amused: joyful. 4 nothing: mixed. 5 I supported: supportive.
        // 6 fun+happy: joyful. 7 vulnerable. 8 nothing: mixed. 9 happy: joyful. 10 grateful+happy: joyful.
        #expect(x.types[.joyful]?.sorted() == [1, 3, 6, 9, 10])
        #expect(x.types[.vulnerable]?.sorted() == [2, 7])
        #expect(x.types[.supportive] == [5])
        #expect(x.types[.mixed]?.sorted() == [4, 8])
    }

    @Test func emotions() {
        // happy in 1 6 9 10 = 4; grateful 1 10 = 2; sad 2 5 = 2; then the ones felt once, alphabetically.
        #expect(x.emotions.top.map(\.word) == ["happy", "grateful", "sad", "amused", "anxious"])
        #expect(x.emotions.top.map(\.moments) == [4, 2, 2, 1, 1])
        // Pleasant tags: 1 (2) + 2 relieved + 3 amused + 5 compassionate + 6 happy + 7 appreciative + 9 happy + 10 (2) = 10.
        // Unpleasant: sad in 2 and 5, anxious in 7 = 3.
        #expect(x.emotions.pleasant == 10 && x.emotions.unpleasant == 3)
        #expect(x.emotions.tagged == 8)                        // all but 4 and 8
        #expect(x.emotions.appreciation == [10, 7, 1])          // grateful in 10 and 1, appreciative in 7; oldest first
        // Uplift: 2 + 1 + 1 + 0 over 4 moments = 1.0.
        #expect(x.emotions.upliftSum == 4 && x.emotions.upliftCount == 4)
        #expect(x.emotions.upliftAverage == 1.0)
    }

    @Test func depthAndSafety() {
        #expect(x.depth.vulnerable.sorted() == [2, 7])
        #expect(x.depth.safe == [2] && x.depth.mixed == [7] && x.depth.hurtful.isEmpty)
        #expect(x.depth.light.count == 8 && x.depth.personal.isEmpty)
        #expect(x.previousDepth.vulnerable == [11] && x.previousDepth.hurtful == [11])
    }

    @Test func cadenceKept() {
        // 1 Dec 2025 to 22 Nov 2026 is 357 days: 25 whole cycles of 14 days, counted back from 22 Nov.
        // Days back (cycle): 2 (0), 12 (0), 25 (1), 52 (3), 68 (4), 112 (8), 138 (9), 201 (14), 264 (18), 316 (22).
        #expect(x.cadence == CadenceKept(cadenceDays: 14, cycles: 25, met: 9))
    }

    @Test func belonging() {
        // Climbers last met 2 Aug: 112 days ago, longer than its 30-day cadence.
        #expect(x.belonging.groups == [GroupStanding(name: "Climbers", members: 2, lastMet: day("2026-08-02"), cadenceDays: 30, overdue: true)])
    }

    /// Kinds of moment met equally often are named together, not one picked at random.
    @Test func aTieIsSaidAsOne() {
        var tied = x
        tied.types = [.joyful: [1], .vulnerable: [2], .supportive: [3]]
        let line = tied.sections.flatMap(\.lines).first { $0.hasPrefix("How moments feel: ") } ?? ""
        #expect(line.contains("equally often (1 each of 10)") && line.contains("joyful") && line.contains("vulnerable")
                && line.contains("supportive") && !line.contains("most often ("), "\(line)")
    }

    @Test func theWordsSayNumbersNotVerdicts() {
        let text = x.sections.flatMap(\.lines)
        // At a glance, the four questions:
        #expect(text.contains("Who reaches out: you, 7 of the last 9 times one side did."))
        #expect(text.contains("How moments feel: joyful most often (5 of 10); felt most: happy, grateful, sad."))
        #expect(text.contains("Hard things shared: twice; received safe 1, mixed 1, hurtful 0."))
        #expect(text.contains("A group: 1 group (Climbers); 1 moment together, 1 not met within its cadence."))
        #expect(text.contains("10 moments in the last 12 months (2 in the 12 months before)."))
        #expect(text.contains("Every 2 weeks: a moment in 9 of 25 cycles."))
        #expect(text.contains("You reached out 7 times, Zoë twice; 1 planned together."))
        #expect(text.contains("You reached out 7 of the last 9 times one side did."))
        #expect(text.contains("Of 10: 50% joyful, 20% vulnerable, 10% supportive, 20% mixed."))
        #expect(text.contains("Felt most often: happy (4), grateful (2), sad (2), amused (1), anxious (1)."))
        #expect(text.contains("Appreciation or gratitude in 3 of 10 moments."))
        #expect(text.contains("Uplift afterwards: +1.0 on average over 4 moments (−2 to +2)."))
        #expect(text.contains("Something hard was shared twice in the last 12 months (1 in the 12 months before)."))
        #expect(text.contains("Received: safe 1, mixed 1, hurtful 0."))
        #expect(text.contains("1 of 2 received safely."))
        #expect(text.contains("Climbers: 2 members, met 112 days ago (every 30 days, longer than its cadence)."))
        for verdict in ["one-sided", "unhealthy", "toxic", "bad", "should"] {
            #expect(!text.joined(separator: " ").lowercased().contains(verdict))
        }
    }
}

@Suite struct InsightEdgeCaseTests {
    let today = day("2026-11-22")

    @Test func noMomentsAtAll() {
        let x = Insights.compute(InsightInput(scope: .everyone, period: .lastTwelveMonths(endingOn: today), moments: [],
                                              lastMoment: nil, today: today, catalog: .standard))
        let text = x.sections.flatMap(\.lines)
        #expect(text.contains("0 moments in the last 12 months (0 in the 12 months before)."))
        #expect(text.contains("No moments yet."))
        #expect(x.reciprocity.lean == nil)
        #expect(!text.contains { $0.contains("%") && !$0.hasPrefix("For context") })
        #expect(text.contains("No groups yet."))
        #expect(x.circles.map(\.people) == [0, 0, 0, 0])
    }

    @Test func oneMomentShowsCountsButNoShares() {
        let p = Person(id: 1, name: "Ana", addedOn: day("2026-01-01"))
        let m = Moment(id: 1, day: day("2026-11-01"), people: [1], initiator: .them, emotions: [tag("happy")], uplift: 2)
        let x = Insights.compute(InsightInput(scope: .person(p), period: .lastTwelveMonths(endingOn: today), moments: [m],
                                              lastMoment: m.day, people: [p], today: today, catalog: .standard))
        let text = x.sections.flatMap(\.lines)
        #expect(x.reciprocity.lean == nil)
        #expect(text.contains("Too few moments where one side reached out (1, fewer than 6) to say who usually does."))
        #expect(text.contains("Uplift recorded for 1 moment: too few for an average."))
        #expect(!text.contains { $0.hasPrefix("Of 1:") })
        #expect(!text.contains { $0.hasPrefix("Appreciation") })
    }

    @Test func onlyGroupMoments() {
        let g = Group(id: 3, name: "Book club", addedOn: day("2026-01-01"))
        let moments = (1...4).map { Moment(id: Int64($0), day: day("2026-0\($0 + 4)-01"), people: [1, 2], groupID: 3) }
        let x = Insights.compute(InsightInput(scope: .group(g), period: .lastTwelveMonths(endingOn: today), moments: moments,
                                              lastMoment: day("2026-08-01"), groups: [g], groupLastMet: [3: day("2026-08-01")],
                                              memberships: [3: [1, 2]], today: today, catalog: .standard))
        #expect(x.belonging.oneToOne == 0 && x.belonging.together == 4)
        // Added 1 Jan: 1 Jan to 22 Nov is 326 days, 10 whole 30-day cycles back from 22 Nov; moments in
        // cycles 3 (1 Aug, 113 days back), 4 (1 Jul, 144), 5 (1 Jun, 174) and 6 (1 May, 205).
        #expect(x.cadence == CadenceKept(cadenceDays: 30, cycles: 10, met: 4))
        #expect(x.sections.flatMap(\.lines).contains("You reached out 0 times, others in the group 0 times; 4 planned together."))
    }

    @Test func allOneSidedFromThem() {
        let p = Person(id: 1, name: "Ana", nickname: "Annie", addedOn: day("2026-01-01"))
        let moments = (1...6).map { Moment(id: Int64($0), day: day("2026-10-0\($0)"), people: [1], initiator: .them) }
            + [Moment(id: 7, day: day("2026-10-07"), people: [1], initiator: .mutual)]
        let x = Insights.compute(InsightInput(scope: .person(p), period: .lastTwelveMonths(endingOn: today), moments: moments,
                                              lastMoment: day("2026-10-07"), people: [p], today: today, catalog: .standard))
        #expect(x.reciprocity.lean == .them)
        #expect(x.sections.flatMap(\.lines).contains("Annie reached out 6 of the last 6 times one side did."))
    }

    @Test func balancedReciprocityIsSaidAsCounts() {
        let p = Person(id: 1, name: "Ana", addedOn: day("2026-01-01"))
        let sides: [Initiator] = [.me, .them, .me, .them, .me, .them, .me]
        let moments = sides.enumerated().map { i, s in Moment(id: Int64(i + 1), day: day("2026-10-1\(i)"), people: [1], initiator: s) }
        let x = Insights.compute(InsightInput(scope: .person(p), period: .lastTwelveMonths(endingOn: today), moments: moments,
                                              lastMoment: nil, people: [p], today: today, catalog: .standard))
        #expect(x.reciprocity.lean == .shared)
        #expect(x.sections.flatMap(\.lines).contains("Of the last 7 times one side reached out: you 4, Ana 3."))
    }

    @Test func aChosenPeriodIsComparedWithAsManyDaysBefore() {
        let p = Period(start: day("2026-09-15"), end: today)
        #expect(p.days == 69)
        #expect(p.previous == Period(start: day("2026-07-08"), end: day("2026-09-14")))
        #expect(p.months.map(\.iso) == ["2026-09", "2026-10", "2026-11"])
    }

    @Test func selfCheckinsAveragePerMonth() {
        let checkins = [
            SelfCheckin(day: day("2026-11-01"), closeness: 4),
            SelfCheckin(day: day("2026-11-02"), closeness: 5),
            SelfCheckin(day: day("2026-11-03"), closeness: 5),       // (4 + 5 + 5) / 3 = 4.67 → 4.7
            SelfCheckin(day: day("2026-10-01"), loneliness: Loneliness(lackCompanionship: .often, leftOut: .someOfTheTime, isolated: .hardlyEver)),
        ]
        let x = Insights.compute(InsightInput(scope: .everyone, period: .lastTwelveMonths(endingOn: today), moments: [],
                                              lastMoment: nil, selfCheckins: checkins, today: today, catalog: .standard))
        #expect(x.selfTrend.last == SelfMonth(month: Month(year: 2026, month: 11), checkins: 3, closenessTenths: 47, moments: 0))
        #expect(x.loneliness.map(\.score) == [6])                  // 3 + 2 + 1
        let text = x.sections.flatMap(\.lines)
        #expect(text.contains { $0.hasSuffix(": 4.7 over 3 check-ins; 0 moments.") })
    }
}
