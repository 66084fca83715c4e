import Foundation
import Synchronization
import KithCore
import KithInsights
import KithStore
import KithTerminal
import KithSettings
import KithUI

/// Runs the full-screen app: the loop that draws the state, reads a key, updates, and
/// performs the effects update asks for against the store.
struct TUI {
    let ctx: Context
    /// `--theme`, else the config file's `theme`, else the default.
    let themeName: String?
    /// Opened once the terminal is known to work, so that an unusable terminal never
    /// leaves a new store behind.
    let openStore: () throws -> Store

    func run() throws {
        // A parent may have left signals blocked (some process spawners do); the TUI
        // needs SIGWINCH for resizes and SIGTERM/SIGINT/SIGTSTP to behave as usual.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGWINCH, SIGINT, SIGTERM, SIGTSTP, SIGCONT, SIGHUP] { sigaddset(&unblock, sig) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        let (theme, themeWarning) = ThemeLoader.load(themeName, environment: ctx.environment)
        let terminal: Terminal
        do { terminal = try Terminal(theme: theme) } catch let e as TerminalError { throw CLIError.usage(e.description) }
        // The store's warnings (a loose file mode) are shown on the screen, and again
        // on the shell once the screen is gone: written to the terminal now they would
        // land in the middle of the full screen and be wiped by its first frame.
        var warnings: [String] = []
        defer {
            terminal.end()
            for w in warnings { Output.error(w, prefix: "kith: ") }
        }
        var runner = Runner(ctx: ctx, store: try openStore())
        warnings = runner.store.warnings
        let size = terminal.size
        var state = AppState(today: ctx.today, width: size.width, height: size.height)
        if let warning = ([themeWarning] + warnings).compactMap({ $0 }).first {
            state.message = warning
            state.messageIsError = true
        }
        var effects: [Effect] = [.loadRoster, .promptSelf(manual: false)]
        var lastDraw = 0
        var backedUp = false
        let daily = BackgroundDaily()
        // The clock is an input like a key: read where the loop waits, handed to update
        // as a message when the day has changed (idle past midnight, or just before a key).
        func noticeNewDay() -> [Effect] {
            let day = Context.today(environment: ctx.environment)
            guard day != runner.today else { return [] }
            runner.today = day
            // The new day's copy of the store comes before its first change, as at launch.
            runner.store.backUpDailyBeforeFirstWrite(today: day, keep: Rules.current.dailyBackups)
            daily.start(runner.store)
            return Update.update(&state, .newDay(day))
        }
        while true {
            if let failure = daily.takeFailure() { effects += Update.update(&state, .failed(failure)) }
            // Perform effects until none are left; each answer may ask for more.
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                switch effect {
                case .quit: return
                case .redraw: terminal.invalidate()
                case .suspend: terminal.suspend()
                default: if let answer = runner.perform(effect) { effects += Update.update(&state, answer) }
                }
            }
            // With keys already waiting (a held j), handle them first: drawing every
            // intermediate frame would make the screen lag behind the keyboard. A frame
            // still goes out at least every tenth of a second.
            let now = Runner.milliseconds()
            if !terminal.inputPending || now - lastDraw >= 100 {
                terminal.draw(Screen.render(state))
                lastDraw = now
                if !backedUp {
                    // The day's copy of the store, checked, once the first screen is up: in
                    // the background, so that keys never wait for it (a heavy store takes
                    // a second to check). A save meanwhile waits for the check: what it
                    // finds decides whether anything may be written.
                    backedUp = true
                    daily.start(runner.store)
                }
            }
            // With the frame out and no key waiting, the neighbours' first pages are read
            // ahead: moving to one then costs no query. A key arriving meanwhile waits
            // for one page at most.
            for effect in Update.prefetches(state) where !terminal.inputPending {
                _ = runner.perform(effect)
            }
            // Idle, it looks twice a second whether another kith wrote to the store, so
            // a moment logged from cron or another shell shows within about a second.
            var event = terminal.next(timeout: 500)
            while case .idle = event {
                let turned = noticeNewDay()
                if !turned.isEmpty {
                    effects = turned
                    break
                }
                if let failure = daily.takeFailure() {
                    effects = Update.update(&state, .failed(failure))
                    break
                }
                if let changed = runner.perform(.checkForChanges) {
                    effects = Update.update(&state, changed)
                    break
                }
                event = terminal.next(timeout: 500)
            }
            switch event {
            case .end: return
            case .idle: break
            case let .resize(w, h): effects = Update.update(&state, .resize(width: w, height: h))
            case .paste(let text): effects = noticeNewDay() + Update.update(&state, .paste(text))
            case .key(let k):
                // A key pressed just after midnight (before the idle check saw it) meets
                // the new day first: a save goes on the day it is made.
                effects = noticeNewDay()
                effects += Update.update(&state, .key(k))
            }
        }
    }
}

/// The day's copy of the store, made on a thread of its own; its failure, if any, is
/// picked up by the loop.
final class BackgroundDaily: Sendable {
    private let failure = Mutex<String?>(nil)

    func start(_ store: Store) {
        Thread.detachNewThread { [self] in
            guard let error = store.runPlannedDailyBackup() else { return }
            let line: String
            if case .damaged = error { line = error.description } else { line = "The daily backup was not made: \(error)" }
            failure.withLock { $0 = line }
        }
    }

    func takeFailure() -> String? {
        failure.withLock { f in defer { f = nil }; return f }
    }
}

/// Performs the effects update asks for, against the store, and answers with messages.
struct Runner {
    let ctx: Context
    let store: Store
    let readAhead = ReadAhead()
    /// The day the loop last saw on the clock; it moves at midnight.
    var today: Day

    init(ctx: Context, store: Store) {
        self.ctx = ctx
        self.store = store
        self.today = ctx.today
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

    /// A monotonic clock for pacing frames.
    static func milliseconds() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return t.tv_sec * 1000 + t.tv_nsec / 1_000_000
    }

    /// The answer to a store effect; nil for the effects the loop itself handles.
    func perform(_ effect: Effect) -> Msg? {
        switch effect {
        case .loadTimeline, .loadTimelineEnd, .loadTimelineAbove, .prefetch, .loadInsights, .loadLastKinds, .loadPerson, .checkForChanges, .redraw, .suspend, .quit: break
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
            case .deleteMoment(let id):
                try store.deleteMoment(id: id)
                return .momentDeleted(id)
            case .saveMoment(let m):
                return .momentSaved(try store.addMoment(m, createdAt: Int(time(nil))), edited: false)
            case .updateMoment(let m):
                return .momentSaved(try store.updateMoment(m), edited: true)
            case .savePerson(let d):
                let resolver = try Resolver(store: store)
                let (join, new) = try resolver.groupsToJoin(d.groups)
                if d.isNew {
                    let p = try store.addPerson(d.person, groups: join, newGroups: new)
                    return .personSaved(id: p.id, name: p.name, isNew: true)
                }
                let leaving = try store.memberIDs(person: d.person.id).filter { !join.contains($0) }
                let p = try store.updatePerson(id: d.person.id, d.person, joining: join, newGroups: new, leaving: leaving, today: today)
                return .personSaved(id: p.id, name: p.name, isNew: false)
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
                guard let until else { return .changed("Nudges about \(name) are back; u undoes.") }
                return .changed("No nudges about \(name) until \(DateText.long(until)); logging a moment lifts it; u undoes.")
            case .closeReminder(let id):
                let r = try store.setReminder(id: id, state: .done, on: today)
                return .changed("Done: \(r.text); u undoes.")
            case .reopenReminder(let id):
                let r = try store.setReminder(id: id, state: .open, on: today)
                return .changed("Open again: \(r.text).")
            case .promptSelf(let manual):
                return try selfPrompt(manual: manual)
            case .saveSelfCheckin(let c):
                let saved = try store.saveSelfCheckin(c, createdAt: Int(time(nil)))
                try store.setSetting(SelfPrompt.skipsKey, "0")
                var parts = ["feeling \(saved.closeness ?? 0) of 7 connected"]
                if !saved.emotions.isEmpty { parts.append(saved.emotions.map(\.word).joined(separator: ", ")) }
                if let l = saved.loneliness { parts.append("loneliness \(l.score) of 9") }
                return .selfSaved("Noted for today: \(parts.joined(separator: "; ")).")
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
                let x = try InsightLoader.load(store, scope: scope, period: .lastTwelveMonths(endingOn: today), today: today)
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
        } catch let e as CLIError {
            return .failed(e.message)
        } catch {
            return .failed(String(describing: error))
        }
    }


    /// People and groups with their last moment and a year of monthly activity.
    func loadRoster() throws -> Msg {
        let today = today
        // What is read now is current: only commits after this count as changes elsewhere.
        _ = try store.changedElsewhere()
        let people = try store.people(includeArchived: true)
        let groups = try store.groups()
        let last = try store.lastMomentDays()
        let recent = try store.recentActivity(until: today)
        let active = Set(people.filter { !$0.archived }.map(\.id))
        let none = [Int](repeating: 0, count: 12)
        var entries = people.map { p in
            RosterEntry(subject: .person(p.id), name: p.name, nickname: p.nickname, circle: p.circle,
                        cadenceDays: p.effectiveCadenceDays, last: last[p.id], added: p.addedOn, archived: p.archived,
                        birthday: p.birthday, activity: recent.people[p.id] ?? none, purpose: p.bond)
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

/// First timeline pages read ahead for the selection's neighbours, kept as read: moving
/// to a neighbour then shows its page without a query. Only a few are kept (the pages
/// around the selection), and any write, here or by another kith, empties it.
final class ReadAhead {
    struct Key: Equatable {
        var scope: TimelineScope
        var filter: TimelineFilter
        var limit: Int
    }

    static let capacity = 8
    private var pages: [(key: Key, moments: [Moment])] = []

    func page(_ key: Key) -> [Moment]? {
        pages.first { $0.key == key }?.moments
    }

    func keep(_ key: Key, _ moments: [Moment]) {
        pages.removeAll { $0.key == key }
        pages.append((key, moments))
        if pages.count > ReadAhead.capacity { pages.removeFirst(pages.count - ReadAhead.capacity) }
    }

    func clear() { pages.removeAll() }
}

/// When the TUI asks the daily self check-in. Never nagging: at most once a day, not on
/// a day already checked in, not at all with `self_checkin = false`, and only once a
/// week after three days in a row of "not today". The loneliness questions come along
/// at most every four weeks, and not with the first check-in ever.
enum SelfPrompt {
    static let askedKey = "self-checkin.asked"
    static let skipsKey = "self-checkin.skips"
    static let lonelinessKey = "self-checkin.loneliness-offered"
    static let lonelinessEvery = 28
    static let quietAfterSkips = 3
    static let quietDays = 7
}

extension Runner {
    func selfPrompt(manual: Bool) throws -> Msg? {
        let today = today
        let recent = try store.selfCheckins(since: today.adding(days: -SelfPrompt.lonelinessEvery))
        let offered = try store.setting(SelfPrompt.lonelinessKey).flatMap { try? Parse.isoDay($0) }
        let lastAnswered = recent.last { $0.loneliness != nil }?.day
        let lastLoneliness = [offered, lastAnswered].compactMap { $0 }.max()
        // Not on the very first check-in: one question is enough to begin with.
        let before = try store.selfCheckins().contains { $0.day < today }
        let loneliness = before && (lastLoneliness.map { today.days(since: $0) >= SelfPrompt.lonelinessEvery } ?? true)
        if !manual {
            guard Rules.current.askSelfCheckin, !(try store.people()).isEmpty else { return nil }
            guard !recent.contains(where: { $0.day == today && $0.closeness != nil }) else { return nil }
            let asked = try store.setting(SelfPrompt.askedKey).flatMap { try? Parse.isoDay($0) }
            if asked == today { return nil }
            let skips = Int(try store.setting(SelfPrompt.skipsKey) ?? "0") ?? 0
            if skips >= SelfPrompt.quietAfterSkips, let asked, today.days(since: asked) < SelfPrompt.quietDays { return nil }
            try store.setSetting(SelfPrompt.askedKey, today.iso)
        }
        if loneliness { try store.setSetting(SelfPrompt.lonelinessKey, today.iso) }
        return .askSelf(loneliness: loneliness, answered: recent.first { $0.day == today && $0.closeness != nil })
    }
}
