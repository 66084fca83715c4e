import KithCore

/// Asking first: deleting a moment cannot be undone; archiving hides someone.
enum ConfirmView {
    static func draw(into grid: inout Grid, moment m: Moment, state: AppState) {
        draw(into: &grid, title: "Delete this moment?", line: "\(DateText.long(m.day, style: state.dateStyle)) · \(m.who(state))",
             note: "It cannot be undone.", yes: "delete", no: "keep it")
    }

    static func draw(into grid: inout Grid, archiving e: RosterEntry) {
        if e.archived {
            draw(into: &grid, title: "Bring \(e.name) back?", line: "They return to the roster and to nudges.",
                 note: "", yes: "bring back", no: "leave archived")
        } else {
            draw(into: &grid, title: "Archive \(e.name)?", line: "Hidden from the roster and nudges; every moment is kept.",
                 note: "A shows archived people; x brings them back.", yes: "archive", no: "keep")
        }
    }

    /// Removing a group: its members and moments stay, and the count is said when the
    /// timeline knows it (it shows that group's moments when the group is selected).
    static func draw(into grid: inout Grid, removing e: RosterEntry, state: AppState) {
        let count = state.timeline.scope == .subject(e.subject) ? state.timeline.total : nil
        let moments = count.map { $0 == 1 ? "Its one moment keeps" : "Its \($0) moments keep" } ?? "Its moments keep"
        draw(into: &grid, title: "Remove the group \(e.name)?", line: "\(moments) their people but lose the group.",
             note: "Its members stay in kith.", yes: "remove", no: "keep it")
    }

    static func draw(into grid: inout Grid, title: String, line: String, note: String, yes: String, no: String) {
        let area = Screen.centred(width: 60, height: 6, in: grid)
        guard area.width >= 10, area.height >= 3 else { return }
        grid.fill(area)
        grid.box(area, title: title, focused: true)
        let inner = area.inset(1)
        grid.put(" " + line, x: inner.x, y: inner.y, limit: inner.width)
        if inner.height > 2 && !note.isEmpty {
            grid.put(" " + note, x: inner.x, y: inner.y + 1, role: .muted, limit: inner.width)
        }
        var x = inner.x + 1
        let y = inner.maxY - 1
        x += grid.put("y", x: x, y: y, role: .keyhintKey, attrs: .bold)
        x += grid.put(" \(yes)   ", x: x, y: y, role: .keyhintDesc, limit: inner.maxX - x)
        x += grid.put("n/Esc", x: x, y: y, role: .keyhintKey, attrs: .bold, limit: inner.maxX - x)
        grid.put(" \(no)", x: x, y: y, role: .keyhintDesc, limit: inner.maxX - x)
    }
}
