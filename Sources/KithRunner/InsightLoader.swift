import KithCore
import KithInsights
import KithStore

/// Reads what insights need from the store, for `kith insights` and the TUI alike.
public enum InsightLoader {
    public static func load(_ store: Store, scope: InsightScope, period: Period, today: Day,
                            catalog: EmotionCatalog = .current) throws -> Insights {
        var filter = MomentFilter(since: period.previous.start, until: period.end)
        var last: Day?
        switch scope {
        case .person(let p):
            filter.person = p.id
            last = try store.lastMomentDay(person: p.id)
        case .group(let g):
            filter.group = g.id
            last = try store.lastMomentDay(group: g.id)
        case .everyone:
            last = try store.lastMomentDay()
        }
        var checkins: [SelfCheckin] = []
        if case .everyone = scope { checkins = try store.selfCheckins(since: period.start) }
        let input = InsightInput(scope: scope, period: period, moments: try store.moments(filter, notes: false), lastMoment: last,
                                 people: try store.people(), groups: try store.groups(), groupLastMet: try store.groupLastMet(),
                                 memberships: try store.membersByGroup(), selfCheckins: checkins, today: today,
                                 catalog: catalog)
        return Insights.compute(input)
    }

    public static func title(_ scope: InsightScope) -> String {
        switch scope {
        case .person(let p): p.name
        case .group(let g): g.name
        case .everyone: "Everyone"
        }
    }
}
