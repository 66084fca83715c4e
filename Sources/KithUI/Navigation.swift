import KithCore

/// Moving through the lists, and the timeline following what is selected: shared by the
/// handlers of every context.
extension Update {
    /// j/k, pages, g/G in the list that has the keys: Today's lines, the roster's rows,
    /// or the timeline's moments (loading pages as the cursor nears their ends).
    static func move(_ action: Action, _ state: inout AppState, _ layout: Layout) -> [Effect] {
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

    /// Work worth doing while idle: the timeline's count when it is not known (the title
    /// said "200+" after every save, and "14+" on coming back to a timeline counted
    /// before), then the first pages of the people (or groups) just above and below the
    /// selection in the roster, as the timeline would ask for them (not in the Today
    /// view, which moves through other rows).
    public static func prefetches(_ state: AppState) -> [Effect] {
        guard state.loaded else { return [] }
        let t = state.timeline
        var out: [Effect] = []
        if let scope = t.scope, t.total == nil, !t.loading { out.append(.countTimeline(scope, filter: t.filter)) }
        guard !state.showToday, !state.everyone else { return out }
        let lines = state.layout.timelineLines
        return out + [state.rosterCursor + 1, state.rosterCursor - 1].compactMap { i in
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
