import Foundation
import KithCore
import KithInsights
import KithStore
import KithUI

/// Performs the effects update asks for, against the store, and answers with messages.
public struct Runner {
    public let store: Store
    let readAhead = ReadAhead()
    /// The day the loop last saw on the clock; it moves at midnight.
    public var today: Day
    /// The config's rules: whether to ask the self check-in, the emotion words.
    public let rules: Rules
    public let catalog: EmotionCatalog

    public init(store: Store, today: Day, rules: Rules, catalog: EmotionCatalog) {
        self.store = store
        self.today = today
        self.rules = rules
        self.catalog = catalog
    }

    /// The store's filter for a timeline's scope and filter.
    static func momentFilter(_ scope: TimelineScope, _ wanted: TimelineFilter) -> MomentFilter {
        var filter = MomentFilter(since: wanted.since, until: wanted.until, emotions: wanted.emotions,
                                  kinds: wanted.kinds, channels: wanted.channels,
                                  text: wanted.text.isEmpty ? nil : wanted.text)
        switch scope {
        case .everyone: break
        case .subject(.person(let id)): filter.person = id
        case .subject(.group(let id)): filter.group = id
        }
        return filter
    }

    /// The answer to a store effect; nil for the effects the loop itself handles.
    public func perform(_ effect: Effect) -> Msg? {
        switch effect {
        case .loadTimeline, .loadTimelineEnd, .loadTimelineAbove, .prefetch, .countTimeline, .loadInsights, .loadLastKinds, .loadPerson, .loadGroup, .checkForChanges, .redraw, .suspend, .quit: break
        // Anything else may change what the pages hold (or follows a change: a reload).
        default: readAhead.clear()
        }
        do {
            switch effect {
            case .loadRoster:
                return try loadRoster()
            case .loadLastKinds(let people):
                return .lastKindsLoaded(try store.lastMoments(people: people),
                                        meetingDays: try store.meetingDays(people: people, since: today.adding(days: -365)))
            case let .loadTimeline(scope, wanted, offset, limit):
                // One moment more than asked for, and dropped: it tells whether the page is
                // the last one, so a history of exactly a page is not counted as "N+".
                let page: [Moment]
                let key = ReadAhead.Key(scope: scope, filter: wanted, limit: limit)
                if offset == 0, let known = readAhead.page(key) {
                    page = known
                } else {
                    page = try store.moments(Runner.momentFilter(scope, wanted), limit: limit + 1, offset: offset)
                    // Kept too, so that moving back to where one was costs no query either.
                    if offset == 0 { readAhead.keep(key, page) }
                }
                return .timelineLoaded(scope, filter: wanted, Array(page.prefix(limit)), offset: offset, exhausted: page.count <= limit)
            case let .loadTimelineEnd(scope, wanted, limit):
                // Read from the end and counted, never skipped through: on 1M moments an
                // OFFSET to the last page walked the whole index (3 s on a cold cache).
                let filter = Runner.momentFilter(scope, wanted)
                let total = try store.momentCount(filter)
                let page = try store.oldestMoments(filter, limit: limit)
                return .timelineLoaded(scope, filter: wanted, page, offset: max(0, total - page.count), exhausted: true)
            case let .loadTimelineAbove(scope, wanted, newer, base, limit):
                let page = try store.moments(Runner.momentFilter(scope, wanted), newerThan: newer, limit: limit)
                return .timelineLoaded(scope, filter: wanted, page, offset: max(0, base - page.count), exhausted: false)
            case let .prefetch(scope, wanted, limit):
                let key = ReadAhead.Key(scope: scope, filter: wanted, limit: limit)
                if readAhead.page(key) == nil {
                    readAhead.keep(key, try store.moments(Runner.momentFilter(scope, wanted), limit: limit + 1))
                }
                return nil
            case let .countTimeline(scope, wanted):
                // Only a nicety of the title: a count that fails is simply not shown (an
                // error here would be asked again at every idle moment).
                return (try? store.momentCount(Runner.momentFilter(scope, wanted))).map { .timelineCounted(scope, filter: wanted, $0) }
            case .deleteMoment(let id):
                try store.deleteMoment(id: id)
                return .momentDeleted(id)
            case .saveMoment(let m):
                return .momentSaved(try store.addMoment(m, createdAt: Int(time(nil))), edited: false)
            case .updateMoment(let m):
                return .momentSaved(try store.updateMoment(m), edited: true)
            case .savePerson(let d):
                let (join, new) = try GroupJoin.plan(d.groups, among: try store.groups().map { .init(id: $0.id, name: $0.name) })
                if d.isNew {
                    let p = try store.addPerson(d.person, groups: join, newGroups: new)
                    return .personSaved(id: p.id, name: p.name, isNew: true)
                }
                let leaving = try store.memberIDs(person: d.person.id).filter { !join.contains($0) }
                let p = try store.updatePerson(id: d.person.id, d.person, joining: join, newGroups: new, leaving: leaving, today: today)
                return .personSaved(id: p.id, name: p.name, isNew: false)
            case .saveGroup(let d):
                if let id = d.id {
                    let g = try store.updateGroup(id: id, name: d.name, cadenceDays: d.cadenceDays, notes: d.notes,
                                                  adding: d.adding, removing: d.removing)
                    return .groupSaved(id: g.id, name: g.name, isNew: false)
                }
                let g = try store.addGroup(name: d.name, cadenceDays: d.cadenceDays, notes: d.notes, addedOn: today, members: d.adding)
                return .groupSaved(id: g.id, name: g.name, isNew: true)
            case .loadGroup(let id):
                return .groupLoaded(try store.group(id: id), members: try store.memberIDs(group: id))
            case .removeGroup(let id):
                let g = try store.group(id: id)
                try store.removeGroup(id: id)
                return .groupRemoved(name: g.name)
            case .loadPerson(let id):
                return .personLoaded(try store.person(id: id), groups: try store.groupNamesByPerson()[id] ?? [])
            case let .setArchived(id, archived):
                try store.setArchived(id: id, archived)
                return .archived(name: try store.person(id: id).name, archived: archived)
            case let .snooze(subject, until):
                let name: String
                switch subject {
                case .person(let id):
                    try store.snooze(person: id, until: until)
                    name = try store.person(id: id).name
                case .group(let id):
                    try store.snooze(group: id, until: until)
                    name = try store.group(id: id).name
                }
                return .snoozed(name: name, until: until)
            case .closeReminder(let id):
                return .reminderSet(try store.setReminder(id: id, state: .done, on: today), done: true)
            case .reopenReminder(let id):
                return .reminderSet(try store.setReminder(id: id, state: .open, on: today), done: false)
            case .promptSelf(let manual):
                return try selfPrompt(manual: manual)
            case .saveSelfCheckin(let c):
                let saved = try store.saveSelfCheckin(c, createdAt: Int(time(nil)))
                try store.setSetting(SelfPrompt.skipsKey, "0")
                return .selfSaved(saved)
            case .skipSelfCheckin:
                let skips = Int(try store.setting(SelfPrompt.skipsKey) ?? "0") ?? 0
                try store.setSetting(SelfPrompt.skipsKey, String(skips + 1))
                return nil
            case .loadInsights(let subject):
                let scope: InsightScope
                switch subject {
                case .person(let id)?: scope = .person(try store.person(id: id))
                case .group(let id)?: scope = .group(try store.group(id: id))
                case nil: scope = .everyone
                }
                let x = try InsightLoader.load(store, scope: scope, period: .lastTwelveMonths(endingOn: today), today: today, catalog: catalog)
                return .insightsLoaded(InsightsPage(title: InsightLoader.title(scope), insights: x))
            case .checkForChanges:
                guard try store.changedElsewhere() else { return nil }
                readAhead.clear()
                return .storeChangedElsewhere
            case .redraw, .suspend, .quit:
                return nil
            }
        } catch let e as StoreError {
            return .failed(e.description)
        } catch let e as GroupJoin.Problem {
            return .failed(e.message)
        } catch let e as InputError {
            return .failed(e.message)
        } catch {
            return .failed(String(describing: error))
        }
    }


    /// People and groups with their last moment and a year of monthly activity, read in
    /// one read transaction: as eight, a moment logged by another kith between two of
    /// them showed in the activity and not in the last days.
    func loadRoster() throws -> Msg {
        // What is read now is current: only commits after this count as changes elsewhere.
        _ = try store.changedElsewhere()
        return try store.snapshot { try readRoster() }
    }

    private func readRoster() throws -> Msg {
        let today = today
        let people = try store.people(includeArchived: true)
        let groups = try store.groups()
        let last = try store.lastMomentDays()
        let cards = try store.cardLinesByPerson()
        let recent = try store.recentActivity(until: today)
        let active = Set(people.filter { !$0.archived }.map(\.id))
        let none = [Int](repeating: 0, count: 12)
        var entries = people.map { p in
            RosterEntry(subject: .person(p.id), name: p.name, nickname: p.nickname, circle: p.circle,
                        cadenceDays: p.effectiveCadenceDays, last: last[p.id], added: p.addedOn, archived: p.archived,
                        birthday: p.birthday, activity: recent.people[p.id] ?? none, purpose: p.bond)
            .reaching(cards[p.id].map(ContactLines.reach) ?? [])
        }
        let memberships = try store.membersByGroup()
        entries += groups.map { g in
            RosterEntry(subject: .group(g.id), name: g.name, circle: nil, cadenceDays: g.effectiveCadenceDays,
                        last: recent.groupLast[g.id], added: g.addedOn, activity: recent.groups[g.id] ?? none,
                        members: (memberships[g.id] ?? []).filter { active.contains($0) })
        }
        let stored = try store.snoozes()
        var snoozes: [Subject: Day] = [:]
        for (id, day) in stored.people { snoozes[.person(id)] = day }
        for (id, day) in stored.groups { snoozes[.group(id)] = day }
        return .rosterLoaded(entries, people: Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0.name) }),
                             groups: Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.name) }),
                             snoozes: snoozes, reminders: try store.reminders())
    }
}

extension RosterEntry {
    /// The entry with how to reach them: "+351 912 345 678 (cell)", "ana@example.org".
    func reaching(_ reach: [ContactLines.Reach]) -> RosterEntry {
        var e = self
        e.reach = reach.map { $0.value + ($0.label.map { " (\($0))" } ?? "") }
        return e
    }
}
