import KithCore
import KithInsights

/// `kith insights --json`: every figure, with the ids of the moments counted in it.
enum InsightsJSON {
    static func render(_ x: Insights) -> JSON {
        func ids(_ list: [Int64]) -> JSON { .array(list.map { .int(Int($0)) }) }
        let scope: JSON
        switch x.scope {
        case .everyone: scope = .object([("kind", .string("everyone"))])
        case .person(let p): scope = .object([("kind", .string("person")), ("id", .int(Int(p.id))), ("name", .string(p.name))])
        case .group(let g): scope = .object([("kind", .string("group")), ("id", .int(Int(g.id))), ("name", .string(g.name))])
        }
        let r = x.reciprocity, e = x.emotions, d = x.depth, p = x.previousDepth
        var fields: [(String, JSON)] = [
            ("scope", scope),
            ("period", .object([("from", .string(x.period.start.iso)), ("to", .string(x.period.end.iso))])),
            ("previous", .object([("from", .string(x.previous.start.iso)), ("to", .string(x.previous.end.iso)),
                                  ("moments", .int(x.previousMoments)), ("vulnerable", .int(p.vulnerable.count)),
                                  ("safe", .int(p.safe.count))])),
            ("moments", ids(x.moments)),
            ("lastMoment", .optional(x.lastMoment?.iso)),
            ("monthly", .array(x.monthly.map { m in
                .object([("month", .string(m.month.iso)), ("moments", .int(m.moments)),
                         ("oneToOne", .int(m.oneToOne)), ("together", .int(m.together))])
            })),
            ("cadence", x.cadence.map { c in
                .object([("cadenceDays", .optional(c.cadenceDays)), ("cycles", .int(c.cycles)), ("met", .int(c.met)),
                         ("share", c.share.map(JSON.number) ?? .null)])
            } ?? .null),
            ("reciprocity", .object([
                ("me", ids(r.me)), ("them", ids(r.them)), ("mutual", ids(r.mutual)),
                ("recent", .array(r.recent.map { .string($0.rawValue) })), ("lean", .optional(r.lean?.rawValue)),
            ])),
            ("types", .object(ConnectionType.allCases.map { t in
                (t.rawValue, .object([("moments", ids(x.types[t] ?? [])), ("surveyShare", t.surveyShare.map(JSON.number) ?? .null)]))
            })),
            ("emotions", .object([
                ("top", .array(e.top.map { .object([("word", .string($0.word)), ("moments", .int($0.moments))]) })),
                ("pleasant", .int(e.pleasant)), ("unpleasant", .int(e.unpleasant)), ("taggedMoments", .int(e.tagged)),
                ("upliftAverage", e.upliftAverage.map(JSON.number) ?? .null), ("upliftMoments", .int(e.upliftCount)),
                ("appreciation", ids(e.appreciation)),
            ])),
            ("depth", .object([
                ("light", ids(d.light)), ("personal", ids(d.personal)), ("vulnerable", ids(d.vulnerable)),
                ("received", .object([("safe", ids(d.safe)), ("mixed", ids(d.mixed)), ("hurtful", ids(d.hurtful))])),
            ])),
            ("belonging", .object([
                ("oneToOne", .int(x.belonging.oneToOne)), ("together", .int(x.belonging.together)),
                ("groups", .array(x.belonging.groups.map { g in
                    .object([("name", .string(g.name)), ("members", .int(g.members)), ("lastMet", .optional(g.lastMet?.iso)),
                             ("cadenceDays", .int(g.cadenceDays)), ("overdue", .bool(g.overdue))])
                })),
            ])),
        ]
        if case .everyone = x.scope {
            fields.append(("circles", .array(x.circles.map { c in
                .object([("circle", .string(c.circle.rawValue)), ("people", .int(c.people)), ("dunbar", .int(c.dunbar))])
            })))
            fields.append(("self", .object([
                ("monthly", .array(x.selfTrend.map { s in
                    .object([("month", .string(s.month.iso)), ("checkins", .int(s.checkins)),
                             ("closeness", s.closenessTenths.map { JSON.number(Double($0) / 10) } ?? .null),
                             ("moments", .int(s.moments))])
                })),
                ("loneliness", .array(x.loneliness.map { .object([("date", .string($0.day.iso)), ("score", .int($0.score))]) })),
            ])))
        }
        fields.append(("observations", .array(x.sections.flatMap(\.lines).map(JSON.string))))
        return .object(fields)
    }
}
