import KithCore

/// Something that happened: a key, a resize, or the result of an effect.
public enum Msg: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case rosterLoaded([RosterEntry], people: [Int64: String], groups: [Int64: String],
                      snoozes: [Subject: Day] = [:], reminders: [Reminder] = [])
    /// Something changed in the store (a snooze, a reminder closed): say so and reload.
    case changed(String)
    case timelineLoaded(TimelineScope, filter: TimelineFilter = .none, [Moment], offset: Int, exhausted: Bool)
    case momentDeleted(Int64)
    case momentSaved(Moment, edited: Bool)
    case personSaved(id: Int64, name: String, isNew: Bool)
    /// The fields and groups of a person to edit, read from the store.
    case personLoaded(Person, groups: [String])
    case archived(name: String, archived: Bool)
    case insightsLoaded(InsightsPage)
    /// Time for the daily self check-in (with the loneliness questions this time or not).
    /// `answered`: today's check-in when there is one already (C again).
    case askSelf(loneliness: Bool, answered: SelfCheckin? = nil)
    case selfSaved(String)
    case failed(String)
    /// Another process (`kith log` from cron, a second window) committed to the store.
    case storeChangedElsewhere
    /// The kinds of due people's last moments, for the Today view's suggestions.
    /// With the distinct days each was met over the last year, for the rhythm.
    case lastKindsLoaded([Int64: LastMoment], meetingDays: [Int64: [Day]] = [:])
    /// The clock passed midnight (or the user's zone moved): a new `today`.
    case newDay(Day)
    /// Text the terminal delivered as a paste: text only, never keys.
    case paste(String)
}

/// Work for the outside world (the store, the terminal), described as data. The app's
/// runner performs it and answers with a `Msg`; update itself never does I/O.
public enum Effect: Equatable, Sendable {
    case loadRoster
    /// The kinds of these people's last moments (`lastKindsLoaded`).
    case loadLastKinds([Int64])
    case loadTimeline(TimelineScope, filter: TimelineFilter = .none, offset: Int, limit: Int)
    /// The last `limit` moments (G): answered as `timelineLoaded` at their offset.
    case loadTimelineEnd(TimelineScope, filter: TimelineFilter = .none, limit: Int)
    /// The `limit` moments just newer than `newerThan`, the first of a stretch that starts
    /// at `base` (moving up from G's last page): answered as `timelineLoaded` above it.
    case loadTimelineAbove(TimelineScope, filter: TimelineFilter = .none, newerThan: Moment, base: Int, limit: Int)
    case deleteMoment(Int64)
    case saveMoment(Moment)
    case savePerson(PersonDraft)
    case loadPerson(Int64)
    case setArchived(Int64, Bool)
    /// nil lifts the snooze.
    case snooze(Subject, until: Day?)
    case closeReminder(Int64)
    case reopenReminder(Int64)
    case updateMoment(Moment)
    /// Insights for a person or group, or everyone (nil).
    case loadInsights(Subject?)
    /// Whether to ask the daily self check-in: `manual` when the user asked for it (C).
    case promptSelf(manual: Bool)
    case saveSelfCheckin(SelfCheckin)
    case skipSelfCheckin
    /// Whether another process changed the store since the last look (asked while idle).
    case checkForChanges
    /// Reads a timeline page ahead and drops it: while the app is idle, the neighbours
    /// of the selection are read, so that moving to one finds its pages in memory.
    case prefetch(TimelineScope, filter: TimelineFilter, limit: Int)
    case redraw
    /// Hand the terminal to the shell and stop (Ctrl-Z); the loop draws again on `fg`.
    case suspend
    case quit
}

/// The pure heart of the app: (state, message) → (state, effects).
public enum Update {
    /// A new day: the header, Today, the due marks, birthdays and the self check-in all
    /// follow it. A check-in form left open over midnight keeps the day it was opened on,
    /// written out, and says so: "today" silently becoming the new day would put last
    /// night's moment on the wrong day, and staying the old day unsaid is what the user
    /// saw when the header never moved.
    static func newDay(_ state: inout AppState, _ day: Day) -> [Effect] {
        let was = state.today
        guard day != was else { return [] }
        state.today = day
        var notice = "It is \(DateText.long(day, style: state.dateStyle)) now."
        if var form = state.form, form.editing == nil, form.date.text.trimmingSpaces.lowercased() == "today" {
            form.date = TextBuffer(was.iso, replacedOnType: true)
            state.form = form
            notice += " This check-in stays on \(DateText.long(was, style: state.dateStyle)); change its date if it is for today."
        }
        state.message = notice
        state.messageIsError = false
        return [.loadRoster, .promptSelf(manual: false)]
    }

    public static func update(_ state: inout AppState, _ msg: Msg, keymap: Keymap = .standard) -> [Effect] {
        switch msg {
        case .resize(let w, let h):
            state.width = w
            state.height = h
            clampScrolls(&state)
            return []
        case let .rosterLoaded(entries, people, groups, snoozes, reminders):
            // The roster's own row (not the Today view's), by who it is.
            let wasSelected = state.visible.indices.contains(state.rosterCursor)
                ? state.entries[state.visible[state.rosterCursor]].subject : nil
            state.entries = entries
            state.snoozes = snoozes
            state.reminders = reminders
            state.todayCursor = min(state.todayCursor, max(0, state.todayItems.count - 1))
            state.personNames = people
            state.groupNames = groups
            let first = !state.loaded
            state.loaded = true
            state.refreshVisible(keeping: wasSelected)
            if let wanted = state.selectAfterLoad {
                state.selectAfterLoad = nil
                if !state.showGroups, let i = state.visible.firstIndex(where: { state.entries[$0].subject == wanted }) {
                    state.rosterCursor = i
                } else if state.query.isEmpty == false {
                    // Filtered out: clear the filter so the new person shows.
                    state.query = ""
                    state.refreshVisible()
                    if let i = state.visible.firstIndex(where: { state.entries[$0].subject == wanted }) { state.rosterCursor = i }
                }
                clampScrolls(&state)
            }
            clampScrolls(&state)
            // After a change the timeline reloads too: names and marks may have moved, and
            // the selection itself may be gone (archived while a filter was on).
            let wanted: TimelineScope? = state.everyone ? .everyone : state.selected.map { .subject($0.subject) }
            let kinds: [Effect] = state.showToday ? [.loadLastKinds(state.duePeople)] : []
            return (first || wanted != state.timeline.scope ? followSelection(&state, force: true) : reloadTimeline(&state)) + kinds
        case let .lastKindsLoaded(kinds, days):
            state.lastKinds = kinds
            state.meetingDays = days
            return []
        case let .timelineLoaded(scope, filter, moments, offset, exhausted):
            // An answer for an older selection or filter is dropped.
            guard scope == state.timeline.scope, filter == state.timeline.filter else { return [] }
            var t = state.timeline
            let linesBefore = t.lines.count
            if offset == t.base + t.moments.count, offset > t.base {
                t.moments += moments                          // the next page below
                t.exhausted = exhausted
            } else if offset < t.base, offset + moments.count == t.base {
                t.moments = moments + t.moments               // the page above, from G's window
                t.base = offset
                t.cursor += moments.count
                t.scroll += t.lines.count - linesBefore       // what was on screen stays there
            } else {
                if t.recount { t.knownTotal = nil }           // after a change: count again
                t.moments = moments                           // a first page, a reload, G's last page
                t.base = offset
                t.exhausted = exhausted
                // A reload after a change keeps the cursor on the moment it was on, wherever
                // a moment logged above it has moved it.
                if let id = t.keepOnReload, let i = moments.firstIndex(where: { $0.id == id }) { t.cursor = i }
            }
            // More moments than the count known: it was stale (a change elsewhere).
            if let known = t.knownTotal, t.base + t.moments.count > known { t.knownTotal = nil }
            if t.exhausted { t.knownTotal = t.base + t.moments.count }
            t.keepOnReload = nil
            t.recount = false
            t.loading = false
            if t.wantsEnd {
                t.wantsEnd = false
                t.cursor = t.moments.count - 1
            }
            t.cursor = min(t.cursor, max(0, t.moments.count - 1))
            t.keepCursorVisible(lines: state.layout.timelineLines)
            state.timeline = t
            return []
        case .momentDeleted:
            state.message = "Moment deleted."
            state.messageIsError = false
            return [.loadRoster]
        case let .momentSaved(m, edited):
            state.form = nil
            state.overlay = nil
            state.message = (edited ? "Saved the changes to " : "Logged ") + "a moment on \(DateText.long(m.day, style: state.dateStyle))"
                + (m.emotions.isEmpty ? "." : " · " + m.emotions.map(Words.chip).joined(separator: ", ") + ".")
            state.messageIsError = false
            return [.loadRoster]
        case let .personSaved(id, name, isNew):
            state.personForm = nil
            state.selectAfterLoad = .person(id)
            state.message = isNew ? "Added \(name)." : "Saved \(name)."
            state.messageIsError = false
            return [.loadRoster]
        case let .personLoaded(p, groups):
            var form = PersonForm(editing: p, groups: groups)
            // From a Today line that says "you usually meet every ~3d; e to adjust", the
            // suggested cadence is filled in, ready to save or change.
            if state.showToday, let e = state.selected, e.subject == .person(p.id), let hint = state.cadenceHint(e) {
                form.every = TextBuffer(hint % 7 == 0 ? "\(hint / 7)w" : "\(hint)d")
                form.field = .every
            }
            state.personForm = form
            return []
        case .changed(let what):
            state.message = what
            state.messageIsError = false
            return [.loadRoster]
        case .newDay(let day):
            return newDay(&state, day)
        case .paste(let text):
            return Paste.handle(text, &state)
        case .storeChangedElsewhere:
            // Quietly: the roster and timeline reload in place, the selection, the
            // scroll and any open form stay as they are.
            return [.loadRoster]
        case let .archived(name, archived):
            state.message = archived ? "Archived \(name); A shows archived people." : "\(name) is back."
            state.messageIsError = false
            return [.loadRoster]
        case let .askSelf(loneliness, answered):
            guard state.form == nil, state.personForm == nil, state.filterForm == nil, state.selfForm == nil,
                  state.overlay == nil else { return [] }
            state.selfForm = SelfCheckinForm(day: state.today, askLoneliness: loneliness, answered: answered)
            return []
        case .selfSaved(let text):
            state.selfForm = nil
            state.message = text
            state.messageIsError = false
            return []
        case .insightsLoaded(let page):
            // Only when nothing else has opened meanwhile (a form, another overlay).
            guard state.form == nil, state.personForm == nil, state.filterForm == nil, state.overlay == nil else { return [] }
            state.overlay = .insights(page)
            return []
        case .failed(let why) where state.selfForm?.saving == true:
            state.selfForm?.saving = false
            state.selfForm?.error = why
            return []
        case .failed(let why):
            // A failed save keeps the form and everything typed in it.
            if state.personForm?.saving == true {
                state.personForm?.saving = false
                state.personForm?.error = why
                return []
            }
            if state.form?.saving == true {
                state.form?.saving = false
                state.form?.error = why
                return []
            }
            state.message = why
            state.messageIsError = true
            state.timeline.loading = false
            return []
        case .key(let key):
            state.message = nil
            return handle(key, &state, keymap)
        }
    }

    static func handle(_ key: Key, _ state: inout AppState, _ keymap: Keymap) -> [Effect] {
        let context = state.context
        let action = keymap.action(for: key, in: context)
        // Nothing is shown but "too small": keys must not act unseen. q still quits
        // unless a form holds typed text.
        if state.layout.tooSmall {
            if key == .ctrl("l") { return [.redraw] }
            if key == .ctrl("z") { return [.suspend] }
            if (key == .char("q") && !state.holdsTypedText) || key == .ctrl("c") { return [.quit] }
            return []
        }
        // Ctrl-C is the way out a terminal user reaches for anywhere, forms included.
        if action == .quit, key == .ctrl("c") {
            // Over typed text Ctrl-C asks first, as Esc does; a second Ctrl-C quits.
            if state.holdsTypedText && !state.quitAsked {
                state.quitAsked = true
                state.message = "Quit without saving what you typed? Ctrl-C again quits; any other key keeps it."
                state.messageIsError = true
                return []
            }
            return [.quit]
        }
        if state.quitAsked {
            state.quitAsked = false
            state.message = nil
        }
        if action == .suspend { return [.suspend] }
        if state.selfForm != nil { return SelfCheckinUpdate.handle(key, action, &state) }
        if state.filterForm != nil { return FilterFormUpdate.handle(key, action, &state) }
        if state.personForm != nil { return PersonFormUpdate.handle(key, action, &state) }
        if state.form != nil { return FormUpdate.handle(key, action, &state) }
        if context == .filtering && action == nil {
            return typeIntoFilter(key, &state)
        }
        guard let action else { return [] }
        let layout = state.layout
        switch action {
        case .quit: return [.quit]
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .help:
            state.overlay = .help(scroll: 0)
            return []
        case .insights:
            guard let subject = state.selected?.subject else {
                state.message = state.entries.isEmpty ? "Add someone first: press n. I shows insights for everyone."
                    : "Nobody is selected: the name filter matches no one (Esc in the roster clears it)."
                return []
            }
            return [.loadInsights(subject)]
        case .insightsEveryone:
            return [.loadInsights(nil)]
        case .selfCheckIn:
            return [.promptSelf(manual: true)]
        case .back:
            if context == .roster {
                guard !state.query.isEmpty else { return [] }
                state.query = ""
                state.refreshVisible()
                return followSelection(&state)
            }
            if state.filtering {
                state.filtering = false
                state.query = ""
                state.refreshVisible()
                return followSelection(&state)
            }
            state.overlay = nil
            return []
        case .filter:
            state.focus = .roster
            state.showToday = false
            state.filtering = true
            return []
        case .cycleSort:
            let all = RosterSort.allCases
            state.sort = all[(all.firstIndex(of: state.sort)! + 1) % all.count]
            state.refreshVisible()
            state.message = "Sorted by \(state.sort.rawValue)."
            return []
        case .toggleArchived where context == .today:
            state.showAllDue.toggle()
            return []
        case .toggleArchived:
            state.showArchived.toggle()
            state.refreshVisible()
            state.message = state.showArchived ? "Showing archived people." : "Hiding archived people."
            return followSelection(&state)
        case .toggleGroups:
            state.showGroups.toggle()
            state.rosterCursor = 0
            state.rosterScroll = 0
            state.refreshVisible()
            return followSelection(&state, force: true)
        case .toggleEveryone:
            state.everyone.toggle()
            return followSelection(&state, force: true)
        case .focusNext:
            state.focus = .timeline
            return []
        case .focusPrevious:
            state.focus = .roster
            return []
        case .open:
            if state.filtering {
                state.filtering = false
                return []
            }
            if let m = currentMoment(state) { state.overlay = .moment(m, scroll: 0) }
            return []
        case .deleteMoment:
            if case .moment(let m, _) = state.overlay {
                state.overlay = .confirmDelete(m)
            } else if let m = currentMoment(state) {
                state.overlay = .confirmDelete(m)
            }
            return []
        case .confirm:
            switch state.overlay {
            case .confirmDelete(let m):
                state.overlay = nil
                return [.deleteMoment(m.id)]
            case .confirmArchive(let e):
                state.overlay = nil
                guard case .person(let id) = e.subject else { return [] }
                return [.setArchived(id, !e.archived)]
            default:
                return []
            }
        case .addPerson:
            if state.showGroups {
                // The roster shows groups: n would add a person where one looks for groups.
                state.message = "Groups are added with kith group add NAME (or when a person joins one: n, groups)."
                return []
            }
            state.personForm = PersonForm(today: state.today)
            return []
        case .filterTimeline:
            state.filterForm = FilterForm(state.filter)
            return []
        case .clearFilter:
            guard !state.filter.isEmpty else { return [] }
            state.filter = .none
            state.message = "Showing every moment."
            return followSelection(&state, force: true)
        case .editPerson:
            guard let e = state.selected, case .person(let id) = e.subject else {
                state.message = "Select a person to edit (groups are edited with kith group edit)."
                return []
            }
            return [.loadPerson(id)]
        case .archivePerson:
            guard let e = state.selected else { return [] }
            guard case .person = e.subject else {
                state.message = "Groups are not archived; kith group edit changes them, kith group remove removes one."
                return []
            }
            state.overlay = .confirmArchive(e)
            return []
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp:
            return move(action, &state, layout)
        case .checkIn:
            // In everyone's timeline, the moment under the cursor says who: its people
            // (and group), not whoever the roster happens to have selected.
            if state.everyone, state.focus == .timeline, let m = currentMoment(state) {
                let archived = Set(state.entries.filter(\.archived).map(\.subject))
                let people = m.people.filter { !archived.contains(.person($0)) }
                guard !people.isEmpty else {
                    state.message = "Everyone in this moment is archived; unarchive them to log a moment."
                    return []
                }
                let subject: Subject = m.groupID.map { .group($0) } ?? .person(people[0])
                state.overlay = nil
                var shown = m
                shown.people = people
                state.form = CheckInForm(subject: subject, title: shown.who(state), people: people)
                return []
            }
            guard let e = state.selected else {
                state.message = state.entries.contains(where: { !$0.isGroup })
                    ? "Nobody is selected: the name filter matches no one (Esc in the roster clears it)."
                    : "Add someone first: press n."
                return []
            }
            if e.archived {
                state.message = "\(e.name) is archived; unarchive them to log a moment."
                return []
            }
            let people: [Int64]
            switch e.subject {
            case .person(let id): people = [id]
            case .group: people = e.members
            }
            guard !people.isEmpty else {
                state.message = "\(e.name) has no active members yet."
                return []
            }
            state.overlay = nil
            var form = CheckInForm(subject: e.subject, title: e.name, people: people)
            if e.isGroup {
                // A group's check-in asks who was there, everyone ticked to start with.
                form.members = people
                form.memberNames = people.map { state.personNames[$0] ?? "#\($0)" }
                form.field = .who
            }
            state.form = form
            return []
        case .editMoment:
            var target: Moment?
            if case .moment(let m, _) = state.overlay { target = m } else { target = currentMoment(state) }
            guard let m = target else { return [] }
            state.overlay = nil
            state.form = CheckInForm(editing: m, title: m.who(state), today: state.today)
            return []
        case .toggleToday:
            state.showToday.toggle()
            state.todayCursor = 0
            if state.showToday { state.focus = .roster }
            return followSelection(&state, force: true) + (state.showToday ? [.loadLastKinds(state.duePeople)] : [])
        case .skipCycle, .snoozeWeek:
            let items = state.todayItems
            guard items.indices.contains(state.todayCursor), let subject = items[state.todayCursor].subject,
                  let e = state.entries.first(where: { $0.subject == subject }) else { return [] }
            if case .snoozed = items[state.todayCursor] {
                // z on a snoozed line lifts the snooze; s has no cycle to skip there.
                guard action == .snoozeWeek else { return [] }
                state.undo = .snooze(subject, name: e.name, previous: state.snoozes[subject])
                return [.snooze(subject, until: nil)]
            }
            state.undo = .snooze(subject, name: e.name, previous: state.snoozes[subject])
            if action == .snoozeWeek { return [.snooze(subject, until: state.today.adding(days: 7))] }
            let due = (e.last ?? e.added).adding(days: e.cadenceDays)
            return [.snooze(subject, until: max(due, state.today).adding(days: e.cadenceDays))]
        case .undo:
            guard let undo = state.undo else {
                state.message = "Nothing to undo: u takes back the Today view's last skip, snooze or done."
                return []
            }
            state.undo = nil
            switch undo {
            case let .snooze(subject, _, previous): return [.snooze(subject, until: previous)]
            case let .reminder(id, _): return [.reopenReminder(id)]
            }
        case .reminderDone:
            let items = state.todayItems
            guard items.indices.contains(state.todayCursor), case .reminder(let r, _, _) = items[state.todayCursor] else {
                state.message = "x marks a reminder done; highlight one first."
                return []
            }
            state.undo = .reminder(r.id, text: r.text)
            return [.closeReminder(r.id)]
        case .nextField, .previousField, .choiceNext, .choicePrevious, .toggle, .save, .intensity1, .intensity2, .intensity3,
             .level, .pickEmotions:
            return []
        }
    }

    static func typeIntoFilter(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch key {
        case .char(let c):
            state.query.append(c)
        case .backspace:
            if state.query.isEmpty { state.filtering = false } else { state.query.removeLast() }
        case .ctrl("u"):
            state.query = ""
        case .down, .up:
            return move(key == .down ? .moveDown : .moveUp, &state, state.layout)
        default:
            return []
        }
        state.rosterCursor = 0
        state.rosterScroll = 0
        state.refreshVisible()
        return followSelection(&state)
    }

    static func move(_ action: Action, _ state: inout AppState, _ layout: Layout) -> [Effect] {
        switch state.overlay {
        case .help(let scroll):
            state.overlay = .help(scroll: max(0, scroll + step(action, page: layout.rosterRows, current: scroll)))
            return []
        case .moment(let m, let scroll):
            // j/k go to the next or previous moment, as the card's hint says; the page
            // keys scroll a long card.
            if action == .moveDown || action == .moveUp {
                state.overlay = nil
                let effects = move(action, &state, layout)
                state.overlay = .moment(currentMoment(state) ?? m, scroll: currentMoment(state) == m ? scroll : 0)
                return effects
            }
            state.overlay = .moment(m, scroll: max(0, scroll + step(action, page: layout.timelineLines, current: scroll)))
            return []
        case .insights(var page):
            page.scroll = min(InsightsView.maxScroll(page, state), max(0, page.scroll + step(action, page: state.height - 4, current: page.scroll)))
            state.overlay = .insights(page)
            return []
        default: break
        }
        if state.showToday && state.focus == .roster && !state.filtering {
            let count = state.todayItems.count
            guard count > 0 else { return [] }
            let before = state.todayCursor
            state.todayCursor = target(action, cursor: before, count: count, page: layout.rosterRows)
            return state.todayCursor == before ? [] : followSelection(&state)
        }
        if state.focus == .roster || state.filtering {
            let count = state.visible.count
            guard count > 0 else { return [] }
            let before = state.rosterCursor
            state.rosterCursor = target(action, cursor: before, count: count, page: layout.rosterRows)
            keepRosterVisible(&state, rows: layout.rosterRows)
            return state.rosterCursor == before ? [] : followSelection(&state)
        }
        let count = state.timeline.moments.count
        guard count > 0 else { return [] }
        // A moment takes two lines, so a page of lines is half as many moments.
        state.timeline.cursor = target(action, cursor: state.timeline.cursor, count: count, page: max(1, layout.timelineLines / 2))
        state.timeline.keepCursorVisible(lines: layout.timelineLines)
        let t = state.timeline
        if let scope = t.scope {
            // The very first and the very last moment, however many lie between.
            if action == .bottom, !t.exhausted {
                guard !t.wantsEnd else { return [] }
                state.timeline.loading = true
                state.timeline.wantsEnd = true
                return [.loadTimelineEnd(scope, filter: t.filter, limit: TimelineState.pageSize)]
            }
            if action == .top, t.base > 0 {
                state.timeline.loading = true
                return [.loadTimeline(scope, filter: t.filter, offset: 0, limit: TimelineState.pageSize)]
            }
        }
        return loadMoreIfNeeded(&state)
    }

    static func step(_ action: Action, page: Int, current: Int) -> Int {
        switch action {
        case .moveDown: 1
        case .moveUp: -1
        case .pageDown: max(1, page - 1)
        case .pageUp: -max(1, page - 1)
        case .top: -current
        case .bottom: 10_000
        default: 0
        }
    }

    static func target(_ action: Action, cursor: Int, count: Int, page: Int) -> Int {
        let t: Int
        switch action {
        case .moveDown: t = cursor + 1
        case .moveUp: t = cursor - 1
        case .pageDown: t = cursor + max(1, page - 1)
        case .pageUp: t = cursor - max(1, page - 1)
        case .top: t = 0
        case .bottom: t = count - 1
        default: t = cursor
        }
        return max(0, min(count - 1, t))
    }

    static func keepRosterVisible(_ state: inout AppState, rows: Int) {
        guard rows > 0 else { return }
        if state.rosterCursor < state.rosterScroll { state.rosterScroll = state.rosterCursor }
        if state.rosterCursor >= state.rosterScroll + rows { state.rosterScroll = state.rosterCursor - rows + 1 }
        state.rosterScroll = max(0, min(state.rosterScroll, max(0, state.visible.count - rows)))
    }

    static func clampScrolls(_ state: inout AppState) {
        let layout = state.layout
        keepRosterVisible(&state, rows: layout.rosterRows)
        state.timeline.keepCursorVisible(lines: layout.timelineLines)
    }

    static func currentMoment(_ state: AppState) -> Moment? {
        guard state.focus == .timeline, state.timeline.moments.indices.contains(state.timeline.cursor) else { return nil }
        return state.timeline.moments[state.timeline.cursor]
    }

    /// Points the timeline at the selection (or everyone) and asks for its first page
    /// when that changed.
    static func followSelection(_ state: inout AppState, force: Bool = false) -> [Effect] {
        let scope: TimelineScope? = state.everyone ? .everyone : state.selected.map { .subject($0.subject) }
        guard force || scope != state.timeline.scope || state.filter != state.timeline.filter else { return [] }
        state.timeline = TimelineState()
        state.timeline.scope = scope
        state.timeline.filter = state.filter
        guard let scope else { return [] }
        state.timeline.loading = true
        let lines = state.layout.timelineLines
        return [.loadTimeline(scope, filter: state.filter, offset: 0, limit: TimelineState.firstPageSize(lines: lines))]
    }

    /// The first pages worth reading ahead while idle: the people (or groups) just above
    /// and below the selection in the roster, as the timeline would ask for them. Not
    /// in the Today view, which moves through other rows.
    public static func prefetches(_ state: AppState) -> [Effect] {
        guard !state.showToday, !state.everyone, state.loaded else { return [] }
        let lines = state.layout.timelineLines
        return [state.rosterCursor + 1, state.rosterCursor - 1].compactMap { i in
            guard state.visible.indices.contains(i) else { return nil }
            return .prefetch(.subject(state.entries[state.visible[i]].subject), filter: state.filter,
                             limit: TimelineState.firstPageSize(lines: lines))
        }
    }

    /// Reloads the current timeline from the start, keeping the cursor where it was.
    static func reloadTimeline(_ state: inout AppState) -> [Effect] {
        guard let scope = state.timeline.scope else { return [] }
        state.timeline.loading = true
        let t = state.timeline
        // A stretch that reached the end is read with room to spare, so that the reload
        // still reaches it when moments were logged meanwhile (the title's count stays
        // exact); one that did not, as far as it went.
        state.timeline.keepOnReload = t.moments.indices.contains(t.cursor) ? t.moments[t.cursor].id : nil
        state.timeline.recount = true
        let limit = t.exhausted ? t.moments.count + TimelineState.pageSize : max(TimelineState.pageSize, t.moments.count)
        return [.loadTimeline(scope, filter: t.filter, offset: t.base, limit: limit)]
    }

    /// Asks for the next page when the cursor is within a screenful of the end of what
    /// is loaded, or for the page above when it is near the top of a stretch G loaded.
    static func loadMoreIfNeeded(_ state: inout AppState) -> [Effect] {
        let t = state.timeline
        guard let scope = t.scope, !t.loading else { return [] }
        if !t.exhausted, t.cursor >= t.moments.count - 30 {
            state.timeline.loading = true
            return [.loadTimeline(scope, filter: t.filter, offset: t.base + t.moments.count, limit: TimelineState.pageSize)]
        }
        if t.base > 0, t.cursor < 30, let first = t.moments.first {
            state.timeline.loading = true
            return [.loadTimelineAbove(scope, filter: t.filter, newerThan: first, base: t.base,
                                       limit: min(TimelineState.pageSize, t.base))]
        }
        return []
    }
}
