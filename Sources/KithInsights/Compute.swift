import KithCore

extension Insights {
    /// Every figure for the input's scope and period. One pass over the moments per
    /// figure family; no figure reads anything but the input.
    public static func compute(_ input: InsightInput) -> Insights {
        let period = input.period, previous = period.previous
        var x = Insights(scope: input.scope, period: period, previous: previous, today: input.today)
        let current = input.moments.filter { period.contains($0.day) }.sorted(by: chronological)
        let before = input.moments.filter { previous.contains($0.day) }
        x.moments = current.map(\.id)
        x.previousMoments = before.count
        x.lastMoment = input.lastMoment

        // Months and belonging.
        var months = Dictionary(uniqueKeysWithValues: period.months.map { ($0, MonthFigures(month: $0)) })
        for m in current {
            let key = Month(m.day)
            months[key]?.moments += 1
            if isOneToOne(m) {
                months[key]?.oneToOne += 1
                x.belonging.oneToOne += 1
            } else {
                months[key]?.together += 1
                x.belonging.together += 1
            }
        }
        x.monthly = period.months.map { months[$0]! }

        // Who reached out.
        for m in current {
            switch m.initiator {
            case .me: x.reciprocity.me.append(m.id)
            case .them: x.reciprocity.them.append(m.id)
            case .mutual: x.reciprocity.mutual.append(m.id)
            }
        }
        x.reciprocity.recent = Array(current.reversed().lazy.map(\.initiator).filter { $0 != .mutual }
            .prefix(Thresholds.reciprocityWindow))
        let recent = x.reciprocity.recent
        if recent.count >= Thresholds.reciprocityMinimum {
            let mine = Double(recent.filter { $0 == .me }.count) / Double(recent.count)
            x.reciprocity.lean = mine >= Thresholds.reciprocityLean ? .me
                : 1 - mine >= Thresholds.reciprocityLean ? .them : .shared
        }

        // Connection types, emotions, depth.
        for m in current {
            let type = ConnectionType.classify(emotions: m.emotions, kinds: m.kinds, depth: m.depth, catalog: input.catalog)
            x.types[type, default: []].append(m.id)
        }
        x.emotions = emotionFigures(current, input.catalog)
        x.depth = depthFigures(current)
        x.previousDepth = depthFigures(before)

        // Cadence kept.
        // Cycles count from when the bond began: the day they were added, or an earlier
        // moment logged after the fact.
        let earliest = input.moments.map(\.day).min()
        switch input.scope {
        case .person(let p):
            x.cadence = cadenceKept(days: current.map(\.day), cadence: p.effectiveCadenceDays,
                                    from: min(p.addedOn, earliest ?? p.addedOn), in: period)
        case .group(let g):
            x.cadence = cadenceKept(days: current.map(\.day), cadence: g.effectiveCadenceDays,
                                    from: min(g.addedOn, earliest ?? g.addedOn), in: period)
        case .everyone:
            var days: [Int64: [Day]] = [:], first: [Int64: Day] = [:]
            for m in input.moments {
                for p in m.people {
                    first[p] = min(first[p] ?? m.day, m.day)
                    if period.contains(m.day) { days[p, default: []].append(m.day) }
                }
            }
            var total = CadenceKept()
            for p in input.people where !p.archived {
                let kept = cadenceKept(days: days[p.id] ?? [], cadence: p.effectiveCadenceDays,
                                       from: min(p.addedOn, first[p.id] ?? p.addedOn), in: period)
                total.cycles += kept.cycles
                total.met += kept.met
            }
            x.cadence = total
        }

        // Groups, for belonging.
        let groups: [Group]
        switch input.scope {
        case .everyone: groups = input.groups
        case .person(let p): groups = input.groups.filter { input.memberships[$0.id]?.contains(p.id) ?? false }
        case .group(let g): groups = [g]
        }
        let active = Set(input.people.filter { !$0.archived }.map(\.id))
        x.belonging.groups = groups.map { g in
            let last = input.groupLastMet[g.id]
            let since = input.today.days(since: last ?? g.addedOn)
            return GroupStanding(name: g.name, members: (input.memberships[g.id] ?? []).filter(active.contains).count,
                                 lastMet: last, cadenceDays: g.effectiveCadenceDays, overdue: since > g.effectiveCadenceDays)
        }.sorted { ($0.overdue ? 0 : 1, Folding.fold($0.name)) < ($1.overdue ? 0 : 1, Folding.fold($1.name)) }

        if case .everyone = input.scope {
            x.circles = Circle.allCases.map { c in
                CircleCount(circle: c, people: input.people.filter { !$0.archived && $0.circle == c }.count, dunbar: c.dunbarSize)
            }
            var checkins: [Month: [Int]] = [:]
            for c in input.selfCheckins where period.contains(c.day) {
                if let closeness = c.closeness { checkins[Month(c.day), default: []].append(closeness) }
                if let l = c.loneliness { x.loneliness.append((c.day, l.score)) }
            }
            x.loneliness.sort { $0.day < $1.day }
            x.selfTrend = x.monthly.map { mf in
                let values = checkins[mf.month] ?? []
                let tenths = values.isEmpty ? nil : (values.reduce(0, +) * 10 + values.count / 2) / values.count
                return SelfMonth(month: mf.month, checkins: values.count, closenessTenths: tenths, moments: mf.moments)
            }
        }
        return x
    }

    /// Oldest first: by day, then time (untimed first), then entry order.
    static func chronological(_ a: Moment, _ b: Moment) -> Bool {
        (a.day.ordinal, a.time?.minutes ?? -1, a.id) < (b.day.ordinal, b.time?.minutes ?? -1, b.id)
    }

    /// One person and no group: a one-to-one moment. Anything else was shared with more.
    static func isOneToOne(_ m: Moment) -> Bool { m.groupID == nil && m.people.count == 1 }

    /// Whole cycles of `cadence` days counted back from the period's end, none starting
    /// before `from` (when they were added) or the period's start; a cycle is met when a
    /// moment falls in it.
    static func cadenceKept(days: [Day], cadence: Int, from added: Day, in period: Period) -> CadenceKept {
        let start = max(period.start, added)
        var kept = CadenceKept(cadenceDays: cadence)
        guard cadence > 0, start <= period.end else { return kept }
        kept.cycles = (period.end.days(since: start) + 1) / cadence
        guard kept.cycles > 0 else { return kept }
        var met = Set<Int>()
        for d in days where d <= period.end {
            let back = period.end.days(since: d) / cadence
            if back < kept.cycles { met.insert(back) }
        }
        kept.met = met.count
        return kept
    }

    static func emotionFigures(_ moments: [Moment], _ catalog: EmotionCatalog) -> EmotionFigures {
        var f = EmotionFigures()
        var counts: [String: Int] = [:]
        for m in moments {
            if !m.emotions.isEmpty { f.tagged += 1 }
            var seen = Set<String>()
            for e in m.emotions where seen.insert(e.word).inserted {
                counts[e.word, default: 0] += 1
                switch catalog.emotion(e.word)?.valence {
                case .pleasant: f.pleasant += 1
                case .unpleasant: f.unpleasant += 1
                case nil: break
                }
            }
            if seen.contains("appreciative") || seen.contains("grateful") { f.appreciation.append(m.id) }
            if let u = m.uplift {
                f.upliftSum += u
                f.upliftCount += 1
            }
        }
        f.top = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5).map { ($0.key, $0.value) }
        return f
    }

    static func depthFigures(_ moments: [Moment]) -> DepthFigures {
        var f = DepthFigures()
        for m in moments {
            switch m.depth {
            case .light: f.light.append(m.id)
            case .personal: f.personal.append(m.id)
            case .vulnerable:
                f.vulnerable.append(m.id)
                switch m.received {
                case .safe: f.safe.append(m.id)
                case .mixed: f.mixed.append(m.id)
                case .hurtful: f.hurtful.append(m.id)
                case nil: break
                }
            }
        }
        return f
    }
}

extension Circle {
    /// Dunbar's layers as the product names them: about 5, 15, 50 and 150 people.
    public var dunbarSize: Int {
        switch self {
        case .inner: 5
        case .close: 15
        case .friends: 50
        case .wider: 150
        }
    }
}
