import KithCore

/// Keys that mean the same in every list (the roster, Today, the timeline): moving,
/// checking in, insights, help, the everyone timeline. nil: the context decides.
enum ListUpdate {
    static func handle(_ action: Action, _ state: inout AppState) -> [Effect]? {
        switch action {
        case .quit: return [.quit]
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .help:
            state.modal = .help(scroll: 0)
            return []
        case .insights:
            guard let subject = state.selected?.subject else {
                state.message = state.entries.isEmpty ? "Add someone first: press n. I shows insights for everyone."
                    : "Nobody is selected: the name filter matches no one (Esc in the roster clears it)."
                return []
            }
            return [.loadInsights(subject)]
        case .insightsEveryone: return [.loadInsights(nil)]
        case .selfCheckIn: return [.promptSelf(manual: true)]
        case .toggleEveryone:
            state.everyone.toggle()
            return Update.followSelection(&state, force: true)
        case .filter:
            state.focus = .roster
            state.showToday = false
            state.filtering = true
            return []
        case .filterTimeline:
            state.filterForm = FilterForm(state.filter)
            return []
        case .clearFilter:
            guard !state.filter.isEmpty else { return [] }
            state.filter = .none
            state.message = "Showing every moment."
            return Update.followSelection(&state, force: true)
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp:
            return Update.move(action, &state, state.layout)
        case .checkIn:
            return checkIn(&state)
        default:
            return nil
        }
    }

    /// c: a check-in with the selection. In everyone's timeline the moment under the
    /// cursor says who (its people and group), not whoever the roster has selected.
    static func checkIn(_ state: inout AppState) -> [Effect] {
        if state.everyone, state.focus == .timeline, let m = Update.currentMoment(state) {
            let archived = Set(state.entries.filter(\.archived).map(\.subject))
            let people = m.people.filter { !archived.contains(.person($0)) }
            guard !people.isEmpty else {
                state.message = "Everyone in this moment is archived; unarchive them to log a moment."
                return []
            }
            var shown = m
            shown.people = people
            state.form = CheckInForm(subject: m.groupID.map { .group($0) } ?? .person(people[0]), title: shown.who(state), people: people)
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
        var form = CheckInForm(subject: e.subject, title: e.name, people: people)
        if e.isGroup {
            // A group's check-in asks who was there, everyone ticked to start with.
            form.members = people
            form.memberNames = people.map { state.personNames[$0] ?? "#\($0)" }
            form.field = .who
        }
        state.form = form
        return []
    }
}
