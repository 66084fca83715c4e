import KithCore

/// Keys in the roster (people, or groups with r) and while filtering it by name.
enum RosterUpdate {
    static func handle(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .back:
            // Esc clears the name filter, whether typing it or not; it never quits.
            guard state.filtering || !state.query.isEmpty else { return [] }
            state.filtering = false
            state.query = ""
            state.refreshVisible()
            return Update.followSelection(&state)
        case .open:
            state.filtering = false
            return []
        case .cycleSort:
            let all = RosterSort.allCases
            state.sort = all[(all.firstIndex(of: state.sort)! + 1) % all.count]
            state.refreshVisible()
            state.message = "Sorted by \(state.sort.rawValue)."
            return []
        case .toggleArchived:
            state.showArchived.toggle()
            state.refreshVisible()
            state.message = state.showArchived ? "Showing archived people." : "Hiding archived people."
            return Update.followSelection(&state)
        case .toggleGroups:
            state.showGroups.toggle()
            state.rosterCursor = 0
            state.rosterScroll = 0
            state.refreshVisible()
            return Update.followSelection(&state, force: true)
        case .focusNext:
            state.focus = .timeline
            return []
        case .toggleToday, .undo, .editPerson:
            return TodayUpdate.handle(action, &state)
        case .addPerson:
            if state.showGroups {
                state.groupForm = GroupForm(people: state.activePeople)
            } else {
                state.personForm = PersonForm(today: state.today)
            }
            return []
        case .archivePerson:
            guard let e = state.selected else { return [] }
            state.modal = e.isGroup ? .confirmRemoveGroup(e) : .confirmArchive(e)
            return []
        default:
            return []
        }
    }

    /// Letters typed while filtering the roster by name.
    static func typeIntoFilter(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch key {
        case .char(let c):
            state.query.append(c)
        case .backspace:
            if state.query.isEmpty { state.filtering = false } else { state.query.removeLast() }
        case .ctrl("u"):
            state.query = ""
        case .down, .up:
            return Update.move(key == .down ? .moveDown : .moveUp, &state, state.layout)
        default:
            return []
        }
        state.rosterCursor = 0
        state.rosterScroll = 0
        state.refreshVisible()
        return Update.followSelection(&state)
    }

    /// Puts the cursor on a person or group just added or saved, showing the list it is
    /// in and clearing a name filter that hides it.
    static func select(_ wanted: Subject, _ state: inout AppState) {
        let isGroup: Bool = if case .group = wanted { true } else { false }
        if isGroup != state.showGroups {
            state.showGroups = isGroup
            state.rosterScroll = 0
            state.refreshVisible()
        }
        func find() -> Int? { state.visible.firstIndex { state.entries[$0].subject == wanted } }
        if find() == nil, !state.query.isEmpty {
            state.query = ""
            state.refreshVisible()
        }
        if let i = find() { state.rosterCursor = i }
    }
}
