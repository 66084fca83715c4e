import KithCore

/// One block of the insights: a title, and observations in plain words with their
/// numbers. Never a verdict: "you reached out 9 of the last 11 times", not "this
/// friendship is one-sided".
public struct InsightSection: Sendable, Equatable {
    public enum Kind: String, Sendable { case glance, overview, cadence, reciprocity, types, emotions, depth, belonging, circles, selfTrend }
    public var kind: Kind
    public var title: String
    public var lines: [String]
}

extension Insights {
    /// What the period is called in sentences: "the last 12 months" for the default.
    public var periodName: String {
        if period == Period.lastTwelveMonths(endingOn: today) { return "the last 12 months" }
        return "since \(DateText.long(period.start))"
    }

    /// "in the last 12 months", "since Sun 1 Nov 2026": the period inside a sentence.
    var inPeriod: String { periodName.hasPrefix("since") ? periodName : "in " + periodName }

    public var previousName: String {
        if period == Period.lastTwelveMonths(endingOn: today) { return "the 12 months before" }
        return "the \(period.days) days before"
    }

    /// Who "they" are in sentences.
    var other: String {
        switch scope {
        case .person(let p): p.nickname ?? p.name
        case .group: "others in the group"
        case .everyone: "others"
        }
    }

    public var sections: [InsightSection] {
        var out: [InsightSection] = [glance, overview]
        if let c = cadenceSection { out.append(c) }
        out += [reciprocitySection, typesSection, emotionsSection, depthSection, belongingSection]
        if case .everyone = scope {
            out.append(circlesSection)
            out.append(selfSection)
        }
        return out
    }

    /// The four questions people bring, answered in a line each, so that the first
    /// screen says it all; the sections below hold the detail and the charts.
    var glance: InsightSection {
        var lines: [String] = []
        let r = reciprocity
        let mine = r.recent.filter { $0 == .me }.count, theirs = r.recent.count - mine
        switch r.lean {
        case .me?: lines.append("Who reaches out: you, \(mine) of the last \(r.recent.count) times one side did.")
        case .them?: lines.append("Who reaches out: \(other), \(theirs) of the last \(r.recent.count) times one side did.")
        case .shared?: lines.append("Who reaches out: both, you \(mine) and \(other) \(theirs) of the last \(r.recent.count) times.")
        case nil: lines.append("Who reaches out: you \(r.me.count), \(other) \(r.them.count), together \(r.mutual.count) (too few to say more).")
        }
        if moments.isEmpty {
            lines.append("How moments feel: no moments \(inPeriod).")
        } else {
            let most = ConnectionType.allCases.map { types[$0]?.count ?? 0 }.max() ?? 0
            // A tie is said as one: "joyful most often" of three kinds met once each would
            // be a coin toss presented as a finding.
            let top = ConnectionType.allCases.filter { (types[$0]?.count ?? 0) == most }.map(\.rawValue)
            let felt = emotions.top.prefix(3).map(\.word).joined(separator: ", ")
            let which = top.count == 1 ? "\(top[0]) most often (\(most) of \(moments.count))"
                : "\(top.dropLast().joined(separator: ", ")) and \(top.last!) equally often (\(most) each of \(moments.count))"
            lines.append("How moments feel: \(which)" + (felt.isEmpty ? "." : "; felt most: \(felt)."))
        }
        let d = depth
        if d.vulnerable.isEmpty {
            lines.append("Hard things shared: none \(inPeriod) (\(previousDepth.vulnerable.count) in \(previousName)).")
        } else {
            lines.append("Hard things shared: \(times(d.vulnerable.count)); received safe \(d.safe.count), mixed \(d.mixed.count), hurtful \(d.hurtful.count).")
        }
        let overdue = belonging.groups.filter(\.overdue)
        switch (scope, belonging.groups.count) {
        case (.group, _):
            lines.append("The group: \(belonging.groups.first.map { count($0.members, "member") } ?? "no members"), \(count(belonging.together, "moment")) together.")
        case (_, 0):
            lines.append("A group: none yet; \(count(belonging.together, "moment")) with several people.")
        default:
            let names = belonging.groups.prefix(3).map(\.name).joined(separator: ", ")
            lines.append("A group: \(count(belonging.groups.count, "group")) (\(names)\(belonging.groups.count > 3 ? ", …" : "")); "
                         + "\(count(belonging.together, "moment")) together, \(overdue.count) not met within \(overdue.count == 1 ? "its" : "their") cadence.")
        }
        return InsightSection(kind: .glance, title: "At a glance", lines: lines)
    }

    var overview: InsightSection {
        var lines = ["\(count(moments.count, "moment")) \(inPeriod) (\(previousMoments) in \(previousName))."]
        if let last = lastMoment {
            lines.append("The last one was \(DateText.relative(last, today: today)), \(DateText.long(last)).")
        } else {
            lines.append("No moments yet.")
        }
        return InsightSection(kind: .overview, title: "Moments", lines: lines)
    }

    var cadenceSection: InsightSection? {
        guard let c = cadence else { return nil }
        let line: String
        if c.cycles == 0 {
            line = "Not a whole cycle yet \(inPeriod)."
        } else if case .everyone = scope {
            line = "Across everyone's cadences: a moment in \(c.met) of \(c.cycles) cycles."
        } else {
            line = "Every \(c.cadenceDays.map { Insights.span($0) } ?? "?"): a moment in \(c.met) of \(count(c.cycles, "cycle"))."
        }
        return InsightSection(kind: .cadence, title: "Cadence kept", lines: [line])
    }

    var reciprocitySection: InsightSection {
        let r = reciprocity
        var lines = ["You reached out \(times(r.me.count)), \(other) \(times(r.them.count)); \(r.mutual.count) planned together."]
        let recent = r.recent
        let mine = recent.filter { $0 == .me }.count, theirs = recent.count - mine
        switch r.lean {
        case .me?: lines.append("You reached out \(mine) of the last \(recent.count) times one side did.")
        case .them?: lines.append("\(capitalized(other)) reached out \(theirs) of the last \(recent.count) times one side did.")
        case .shared?: lines.append("Of the last \(recent.count) times one side reached out: you \(mine), \(other) \(theirs).")
        case nil:
            if !moments.isEmpty {
                lines.append("Too few moments where one side reached out (\(recent.count), fewer than \(Thresholds.reciprocityMinimum)) to say who usually does.")
            }
        }
        return InsightSection(kind: .reciprocity, title: "Who reached out", lines: lines)
    }

    var typesSection: InsightSection {
        let total = moments.count
        let parts = ConnectionType.allCases.map { "\($0.rawValue) \(types[$0]?.count ?? 0)" }.joined(separator: ", ")
        var lines = ["Connection types: \(parts)."]
        if total >= Thresholds.shares {
            let shares = ConnectionType.allCases.map { "\(percent(types[$0]?.count ?? 0, total)) \($0.rawValue)" }
            lines.append("Of \(total): \(shares.joined(separator: ", ")).")
        }
        lines.append("For context, in a survey of 341 people: 62% joyful, 17% vulnerable, 21% supportive.")
        return InsightSection(kind: .types, title: "How moments felt", lines: lines)
    }

    var emotionsSection: InsightSection {
        let e = emotions
        var lines: [String] = []
        if e.top.isEmpty {
            lines.append("No emotions tagged\(moments.isEmpty ? "" : " in these moments").")
        } else {
            lines.append("Felt most often: \(e.top.map { "\($0.word) (\($0.moments))" }.joined(separator: ", ")).")
            lines.append("Pleasant \(e.pleasant), unpleasant \(e.unpleasant) (emotions tagged, each once per moment).")
        }
        if moments.count >= Thresholds.shares {
            lines.append("Appreciation or gratitude in \(e.appreciation.count) of \(count(moments.count, "moment")).")
        }
        if let avg = e.upliftAverage {
            lines.append("Uplift afterwards: \(Insights.signed(avg)) on average over \(count(e.upliftCount, "moment")) (−2 to +2).")
        } else if e.upliftCount > 0 {
            lines.append("Uplift recorded for \(count(e.upliftCount, "moment")): too few for an average.")
        }
        return InsightSection(kind: .emotions, title: "Emotions", lines: lines)
    }

    var depthSection: InsightSection {
        let d = depth, p = previousDepth
        var lines = ["Light \(d.light.count), personal \(d.personal.count), vulnerable \(d.vulnerable.count)."]
        if d.vulnerable.isEmpty && p.vulnerable.isEmpty {
            lines.append("Nothing vulnerable shared \(inPeriod), nor in \(previousName).")
        } else {
            lines.append("Something hard was shared \(times(d.vulnerable.count)) \(inPeriod) (\(p.vulnerable.count) in \(previousName)).")
            if !d.vulnerable.isEmpty {
                var how = "Received: safe \(d.safe.count), mixed \(d.mixed.count), hurtful \(d.hurtful.count)"
                if d.unrecorded > 0 { how += ", not noted \(d.unrecorded)" }
                lines.append(how + ".")
            }
            if d.vulnerable.count >= Thresholds.safety {
                let before = p.vulnerable.count >= Thresholds.safety
                    ? " (\(p.safe.count) of \(p.vulnerable.count) in \(previousName))" : ""
                lines.append("\(d.safe.count) of \(d.vulnerable.count) received safely\(before).")
            }
        }
        return InsightSection(kind: .depth, title: "Depth and safety", lines: lines)
    }

    var belongingSection: InsightSection {
        let b = belonging
        var lines = ["One-to-one \(b.oneToOne), together (a group or several people) \(b.together)."]
        if b.groups.isEmpty {
            switch scope {
            case .person: lines.append("Not in any group.")
            default: lines.append("No groups yet.")
            }
        }
        for g in b.groups {
            let when = g.lastMet.map { last -> String in
                let n = today.days(since: last)
                return n == 0 ? "met today" : n == 1 ? "met yesterday" : "met \(n) days ago"
            } ?? "not met yet"
            let flag = g.overdue ? ", longer than its cadence" : ""
            lines.append("\(g.name): \(count(g.members, "member")), \(when) (every \(Insights.span(g.cadenceDays))\(flag)).")
        }
        return InsightSection(kind: .belonging, title: "Belonging", lines: lines)
    }

    var circlesSection: InsightSection {
        let parts = circles.map { "\($0.circle.rawValue) \($0.people) (about \($0.dunbar))" }
        return InsightSection(kind: .circles, title: "Circles", lines: [
            parts.joined(separator: ", ") + ".",
            "The sizes in brackets are Dunbar's rough layers, for information.",
        ])
    }

    var selfSection: InsightSection {
        var lines: [String] = []
        let answered = selfTrend.filter { $0.closenessTenths != nil }
        if answered.isEmpty {
            lines.append("No self check-ins \(inPeriod) (kith checkin --self 1-7, or the daily question in kith).")
        } else {
            lines.append("How connected you felt (1 apart, 7 very close), by month, beside your moments:")
            for m in answered.suffix(6) {
                let t = m.closenessTenths!
                lines.append("\(DateText.monthHeading(year: m.month.year, month: m.month.month)): \(t / 10).\(t % 10) over \(count(m.checkins, "check-in")); \(count(m.moments, "moment")).")
            }
        }
        if !loneliness.isEmpty {
            let list = loneliness.suffix(4).map { "\($0.score) on \(DateText.long($0.day))" }.joined(separator: ", ")
            lines.append("Loneliness questions (3 hardly ever … 9 often): \(list).")
        }
        return InsightSection(kind: .selfTrend, title: "You", lines: lines)
    }

    // MARK: words

    func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
    func times(_ n: Int) -> String { n == 1 ? "once" : n == 2 ? "twice" : "\(n) times" }
    func percent(_ n: Int, _ of: Int) -> String { "\((n * 100 + of / 2) / max(1, of))%" }
    func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    static func span(_ days: Int) -> String {
        if days % 7 == 0 && days < 60 { return days == 7 ? "week" : "\(days / 7) weeks" }
        return days == 1 ? "day" : "\(days) days"
    }

    static func signed(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        let sign = tenths > 0 ? "+" : tenths < 0 ? "−" : ""
        let a = abs(tenths)
        return "\(sign)\(a / 10).\(a % 10)"
    }
}
