import KithCore

/// Keys in the timeline pane, and the pages of moments it is answered with.
enum TimelineUpdate {
    static func handle(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .focusPrevious:
            state.focus = .roster
        case .open:
            if let m = Update.currentMoment(state) { state.modal = .moment(m, scroll: 0) }
        case .deleteMoment:
            if let m = Update.currentMoment(state) { state.modal = .confirmDelete(m) }
        case .editMoment:
            if let m = Update.currentMoment(state) { state.form = CheckInForm(editing: m, title: m.who(state), today: state.today) }
        default:
            break
        }
        return []
    }

    /// A page of moments: the next one below, the one above G's stretch, or a first
    /// page (a new selection, a reload, G's last page).
    static func loaded(_ state: inout AppState, _ scope: TimelineScope, _ filter: TimelineFilter, _ moments: [Moment],
                       offset: Int, exhausted: Bool) {
        // An answer for an older selection or filter is dropped.
        guard scope == state.timeline.scope, filter == state.timeline.filter else { return }
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
    }
}
