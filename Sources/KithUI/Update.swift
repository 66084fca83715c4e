import KithCore

/// Something that happened: a key, a resize, or the result of an effect.
public enum Msg: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case rosterLoaded([RosterEntry], people: [Int64: String], groups: [Int64: String],
                      snoozes: [Subject: Day] = [:], reminders: [Reminder] = [])
    /// A snooze was set (or lifted: nil) on the bond named.
    case snoozed(name: String, until: Day?)
    /// A reminder was marked done, or opened again.
    case reminderSet(Reminder, done: Bool)
    case timelineLoaded(TimelineScope, filter: TimelineFilter = .none, [Moment], offset: Int, exhausted: Bool)
    /// How many moments a timeline holds, counted while the app was idle.
    case timelineCounted(TimelineScope, filter: TimelineFilter, Int)
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
    case selfSaved(SelfCheckin)
    case groupSaved(id: Int64, name: String, isNew: Bool)
    /// A group to edit, with every member (archived ones too), read from the store.
    case groupLoaded(Group, members: [Int64])
    case groupRemoved(name: String)
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
    /// A sync in the background ended (`[sync] auto`): what it carried each way, and the
    /// files it could not take in.
    case synced(sent: Int, received: Int, merged: Int, problems: [String])
    /// A background sync failed (the engine, the folder): said once, nothing lost.
    case syncFailed(String)
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
    case saveGroup(GroupDraft)
    case loadGroup(Int64)
    case removeGroup(Int64)
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
    /// Counts a timeline's moments (answered as `timelineCounted`), asked while idle.
    case countTimeline(TimelineScope, filter: TimelineFilter)
    case redraw
    /// Hand the terminal to the shell and stop (Ctrl-Z); the loop draws again on `fg`.
    case suspend
    case quit
}

/// The pure heart of the app: (state, message) → (state, effects). Keys go to the
/// handler of the context they arrive in (`handle`); every other message is an answer
/// from the outside world, and the words the user reads about it are written here.
public enum Update {
    public static func update(_ state: inout AppState, _ msg: Msg, keymap: Keymap = .standard) -> [Effect] {
        switch msg {
        case .key(let key):
            state.message = nil
            return handle(key, &state, keymap)
        case .resize(let w, let h):
            state.width = w
            state.height = h
            clampScrolls(&state)
            return []
        case let .rosterLoaded(entries, people, groups, snoozes, reminders):
            return rosterLoaded(&state, entries, people: people, groups: groups, snoozes: snoozes, reminders: reminders)
        case let .lastKindsLoaded(kinds, days):
            state.lastKinds = kinds
            state.meetingDays = days
            return []
        case let .timelineLoaded(scope, filter, moments, offset, exhausted):
            TimelineUpdate.loaded(&state, scope, filter, moments, offset: offset, exhausted: exhausted)
            return []
        case let .timelineCounted(scope, filter, n):
            if scope == state.timeline.scope, filter == state.timeline.filter, !state.timeline.recount { state.timeline.knownTotal = n }
            return []
        case .newDay(let day):
            return newDay(&state, day)
        case .paste(let text):
            return Paste.handle(text, &state)
        case .storeChangedElsewhere:
            // Quietly: the roster and timeline reload in place, the selection, the
            // scroll and any open form stay as they are.
            return [.loadRoster]
        case .personLoaded(let p, let groups):
            state.personForm = PersonFormUpdate.opened(p, groups: groups, state)
            return []
        case let .groupLoaded(g, members):
            state.groupForm = GroupForm(editing: g, members: members, people: state.activePeople)
            return []
        case let .askSelf(loneliness, answered):
            guard state.modal == nil else { return [] }
            state.selfForm = SelfCheckinForm(day: state.today, askLoneliness: loneliness, answered: answered)
            return []
        case .insightsLoaded(let page):
            // Only when nothing else has opened meanwhile (a form, another overlay).
            guard state.modal == nil else { return [] }
            state.modal = .insights(page)
            return []
        case .failed(let why):
            failed(&state, why)
            return []
        case let .synced(_, received, merged, problems):
            // Quiet when it only sent: the user made those changes. What came in, and any
            // file left out, is said, unless a form is open (it would cover what is typed).
            guard received + merged > 0 || !problems.isEmpty else { return [] }
            if state.modal == nil {
                var parts = ["received \(received)"]
                if merged > 0 { parts.append("merged \(merged)") }
                state.message = "Synced: " + parts.joined(separator: ", ") + "."
                    + (problems.first.map { " \(problems.count) file\(problems.count == 1 ? "" : "s") not taken in: \($0)" } ?? "")
                state.messageIsError = !problems.isEmpty
            }
            return received + merged > 0 ? [.loadRoster] : []
        case .syncFailed(let why):
            if state.modal == nil {
                state.message = why
                state.messageIsError = true
            }
            return []
        default:
            return done(&state, msg)
        }
    }

    /// A change the store made: the form that asked for it closes, the message says what
    /// happened, and the roster reloads.
    static func done(_ state: inout AppState, _ msg: Msg) -> [Effect] {
        let style = state.dateStyle
        var effects: [Effect] = [.loadRoster]
        switch msg {
        case .momentDeleted:
            state.message = "Moment deleted."
        case let .momentSaved(m, edited):
            state.modal = nil
            state.message = (edited ? "Saved the changes to " : "Logged ") + "a moment with \(m.who(state)) on \(DateText.long(m.day, style: style))"
                + (m.emotions.isEmpty ? "." : " · " + m.emotions.map(Words.chip).joined(separator: ", ") + ".")
        case let .personSaved(id, name, isNew):
            state.personForm = nil
            state.selectAfterLoad = .person(id)
            state.message = isNew ? "Added \(name)." : "Saved \(name)."
        case let .groupSaved(id, name, isNew):
            state.groupForm = nil
            state.selectAfterLoad = .group(id)
            state.message = isNew ? "Added the group \(name)." : "Saved the group \(name)."
        case .groupRemoved(let name):
            state.message = "Removed the group \(name); its members and their moments stay."
        case let .archived(name, archived):
            state.message = archived ? "Archived \(name); A shows archived people." : "\(name) is back."
        case let .snoozed(name, until):
            // "u undoes" only while there is something u would take back (not after u itself).
            let undo = state.undo == nil ? "." : "; u undoes."
            state.message = until.map { "No nudges about \(name) until \(DateText.long($0, style: style)); logging a moment lifts it" + undo }
                ?? "Nudges about \(name) are back" + undo
        case let .reminderSet(r, isDone):
            state.message = isDone ? "Done: \(r.text)" + (state.undo == nil ? "." : "; u undoes.") : "Open again: \(r.text)."
        case .selfSaved(let saved):
            state.selfForm = nil
            var parts = ["feeling \(saved.closeness ?? 0) of 7 connected"]
            if !saved.emotions.isEmpty { parts.append(saved.emotions.map(\.word).joined(separator: ", ")) }
            if let l = saved.loneliness { parts.append(l.summary) }
            state.message = "Noted for today: \(parts.joined(separator: "; "))."
            effects = []
        default:
            return []
        }
        state.messageIsError = false
        return effects
    }

    /// A failed save keeps the form and everything typed in it, with the reason shown in
    /// it; any other failure is the message.
    static func failed(_ state: inout AppState, _ why: String) {
        switch state.modal {
        case .selfCheckin(var f) where f.saving:
            f.saving = false; f.error = why; state.modal = .selfCheckin(f)
        case .person(var f) where f.saving:
            f.saving = false; f.error = why; state.modal = .person(f)
        case .group(var f) where f.saving:
            f.saving = false; f.error = why; state.modal = .group(f)
        case .checkIn(var f) where f.saving:
            f.saving = false; f.error = why; state.modal = .checkIn(f)
        default:
            state.message = why
            state.messageIsError = true
            state.timeline.loading = false
        }
    }

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

    static func rosterLoaded(_ state: inout AppState, _ entries: [RosterEntry], people: [Int64: String], groups: [Int64: String],
                             snoozes: [Subject: Day], reminders: [Reminder]) -> [Effect] {
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
            RosterUpdate.select(wanted, &state)
        }
        clampScrolls(&state)
        // After a change the timeline reloads too: names and marks may have moved, and
        // the selection itself may be gone (archived while a filter was on).
        let scope: TimelineScope? = state.everyone ? .everyone : state.selected.map { .subject($0.subject) }
        let kinds: [Effect] = state.showToday ? [.loadLastKinds(state.duePeople)] : []
        return (first || scope != state.timeline.scope ? followSelection(&state, force: true) : reloadTimeline(&state)) + kinds
    }

    /// A key, sent to whatever has it: the open modal, else the list in focus. Ctrl-C,
    /// Ctrl-Z and a screen too small to show anything come first, the same everywhere.
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
        if let quitting = quit(key, action, &state) { return quitting }
        if action == .suspend { return [.suspend] }
        switch state.modal {
        case .checkIn: return FormUpdate.handle(key, action, &state)
        case .person: return PersonFormUpdate.handle(key, action, &state)
        case .group: return GroupFormUpdate.handle(key, action, &state)
        case .filter: return FilterFormUpdate.handle(key, action, &state)
        case .selfCheckin: return SelfCheckinUpdate.handle(key, action, &state)
        case .help, .moment, .insights, .confirmDelete, .confirmArchive, .confirmRemoveGroup:
            return action.map { OverlayUpdate.handle($0, &state) } ?? []
        case nil: break
        }
        if context == .filtering && action == nil { return RosterUpdate.typeIntoFilter(key, &state) }
        guard let action else { return [] }
        if let effects = ListUpdate.handle(action, &state) { return effects }
        switch context {
        case .today: return TodayUpdate.handle(action, &state)
        case .timeline: return TimelineUpdate.handle(action, &state)
        default: return RosterUpdate.handle(action, &state)
        }
    }

    /// What pressing `key` would do here, or nil when it would do nothing: the hint bar
    /// asks the update itself, on a copy of the state, so that it offers "Space toggle"
    /// only where Space toggles and "x done" only on a reminder (a second, hand-written
    /// table of what applies where once disagreed with the handlers). A key that only
    /// sets a message ("nothing to undo") does nothing.
    public static func outcome(of key: Key, in state: AppState, keymap: Keymap = .standard) -> Outcome? {
        var before = state
        before.forgetNotices()
        var after = before
        let effects = handle(key, &after, keymap)
        after.forgetNotices()
        return effects.isEmpty && after == before ? nil : Outcome(state: after, effects: effects)
    }

    public struct Outcome: Equatable {
        public let state: AppState
        public let effects: [Effect]
    }

    /// Ctrl-C is the way out a terminal user reaches for anywhere, forms included; over
    /// typed text it asks first, as Esc does, and a second Ctrl-C quits. nil: not quitting.
    static func quit(_ key: Key, _ action: Action?, _ state: inout AppState) -> [Effect]? {
        if action == .quit, key == .ctrl("c") {
            if state.holdsTypedText && !state.quitAsked {
                state.quitAsked = true
                state.message = "Quit without saving what you typed? Ctrl-C again quits; any other key keeps it."
                state.messageIsError = true
                return []
            }
            return [.quit]
        }
        if state.quitAsked {
            // The key that answers "quit without saving?" only keeps the form: it is not
            // also typed into it (an x once landed in the note).
            state.quitAsked = false
            state.message = "Kept what you typed."
            state.messageIsError = false
            return []
        }
        return nil
    }
}
