import KithCore

/// Keys in the Today view: the one-key actions on its lines, and u to take one back.
enum TodayUpdate {
    static func handle(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .toggleToday:
            state.showToday.toggle()
            state.todayCursor = 0
            if state.showToday { state.focus = .roster }
            return Update.followSelection(&state, force: true) + (state.showToday ? [.loadLastKinds(state.duePeople)] : [])
        case .toggleArchived:
            // The highlight stays on the bond it was on (the lines above it change), and
            // the timeline follows: once the highlight moved while the timeline did not,
            // and c, s and z then acted on a bond other than the one shown.
            let line = state.todayLine
            state.showAllDue.toggle()
            let items = state.todayItems
            state.todayCursor = line.flatMap { l in items.firstIndex(of: l) ?? items.firstIndex { $0.subject == l.subject } }
                ?? min(state.todayCursor, max(0, items.count - 1))
            return Update.followSelection(&state)
        case .focusNext:
            state.focus = .timeline
            return []
        case .editPerson:
            switch state.selected?.subject {
            case .person(let id)?: return [.loadPerson(id)]
            case .group(let id)?: return [.loadGroup(id)]
            case nil: return []
            }
        case .skipCycle, .snoozeWeek:
            return snooze(action, &state)
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
            guard case .reminder(let r, _, _)? = state.todayLine else {
                state.message = "x marks a reminder done; highlight one first."
                return []
            }
            state.undo = .reminder(r.id, text: r.text)
            return [.closeReminder(r.id)]
        default:
            return []
        }
    }

    /// s skips the highlighted bond's cycle, z snoozes it a week; z on a snoozed line
    /// lifts the snooze (s has no cycle to skip there).
    static func snooze(_ action: Action, _ state: inout AppState) -> [Effect] {
        // Only a nudge has a cycle to skip or snooze: on a reminder or a birthday line s
        // and z did act, on the person behind it, while the hint bar did not offer them.
        guard let line = state.todayLine, let subject = line.subject,
              let e = state.entries.first(where: { $0.subject == subject }) else { return [] }
        switch (line, action) {
        case (.nudge, _), (.snoozed, .snoozeWeek): break
        default: return []
        }
        state.undo = .snooze(subject, name: e.name, previous: state.snoozes[subject])
        if case .snoozed = line { return [.snooze(subject, until: nil)] }
        if action == .snoozeWeek { return [.snooze(subject, until: state.today.adding(days: 7))] }
        let due = (e.last ?? e.added).adding(days: e.cadenceDays)
        return [.snooze(subject, until: max(due, state.today).adding(days: e.cadenceDays))]
    }
}
