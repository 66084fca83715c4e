import KithCore

/// Keys while a card, the help, the insights or a question is open over the panes.
enum OverlayUpdate {
    static func handle(_ action: Action, _ state: inout AppState) -> [Effect] {
        let layout = state.layout
        switch (state.modal, action) {
        case (_, .redraw): return [.redraw]
        case (_, .back): state.modal = nil
        case (.help(let scroll)?, _):
            state.modal = .help(scroll: max(0, scroll + Update.step(action, page: layout.rosterRows, current: scroll)))
        case (.insights(var page)?, _):
            page.scroll = min(InsightsView.maxScroll(page, state),
                              max(0, page.scroll + Update.step(action, page: state.height - 4, current: page.scroll)))
            state.modal = .insights(page)
        case (.moment(let m, let scroll)?, _):
            return moment(action, m, scroll: scroll, &state)
        case (.confirmDelete(let m)?, .confirm):
            state.modal = nil
            return [.deleteMoment(m.id)]
        case (.confirmArchive(let e)?, .confirm):
            state.modal = nil
            guard case .person(let id) = e.subject else { return [] }
            return [.setArchived(id, !e.archived)]
        case (.confirmRemoveGroup(let e)?, .confirm):
            state.modal = nil
            guard case .group(let id) = e.subject else { return [] }
            return [.removeGroup(id)]
        default: break
        }
        return []
    }

    /// On a moment's card j/k go to the next or previous moment, as its hint says; the
    /// page keys scroll a long card; e and d edit or delete it.
    static func moment(_ action: Action, _ m: Moment, scroll: Int, _ state: inout AppState) -> [Effect] {
        switch action {
        case .moveDown, .moveUp:
            state.modal = nil
            let effects = Update.move(action, &state, state.layout)
            let now = Update.currentMoment(state) ?? m
            state.modal = .moment(now, scroll: now == m ? scroll : 0)
            return effects
        case .deleteMoment:
            state.modal = .confirmDelete(m)
        case .editMoment:
            state.form = CheckInForm(editing: m, title: m.who(state), today: state.today)
        default:
            state.modal = .moment(m, scroll: max(0, scroll + Update.step(action, page: state.layout.timelineLines, current: scroll)))
        }
        return []
    }
}
