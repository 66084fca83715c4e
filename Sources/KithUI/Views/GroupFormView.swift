import KithCore

/// Adding or editing a group: name, cadence and notes as on the person form, then the
/// members as a list of everyone with a tick, scrolled to keep the cursor in sight.
enum GroupFormView {
    static func draw(into grid: inout Grid, form f: GroupForm, state: AppState) {
        let area = Screen.centred(width: 72, height: 20, in: grid)
        guard area.width >= 20, area.height >= 8 else { return }
        grid.fill(area)
        grid.box(area, title: f.id == nil ? "Add a group" : "Edit the group \(f.editing)", focused: !f.confirmingDiscard)
        let inner = area.inset(1)
        let valueX = inner.x + 12
        let width = inner.maxX - valueX
        var y = inner.y
        func label(_ field: GroupField) -> Bool {
            let focused = field == f.field && !f.confirmingDiscard
            grid.put(focused ? "▶" : " ", x: inner.x, y: y, role: .borderFocused, attrs: .bold)
            grid.putPadded(field.label, x: inner.x + 2, y: y, width: 9, role: focused ? .title : .muted, attrs: focused ? .bold : [])
            return focused
        }
        for (field, buffer, hint) in [(GroupField.name, f.name, ""), (.every, f.every, "e.g. 2w, 1m; empty: every \(state.rules.groupCadence)d")] {
            let focused = label(field)
            if buffer.isEmpty && !hint.isEmpty {
                grid.put(hint, x: valueX + (focused ? 1 : 0), y: y, role: .muted, limit: width - 1)
                if focused { CheckInView.text(&grid, buffer, x: valueX, y: y, width: 1, focused: true) }
            } else {
                CheckInView.text(&grid, buffer, x: valueX, y: y, width: width, focused: focused)
            }
            y += 1
        }
        let notesFocused = label(.notes)
        CheckInView.note(&grid, f.notes, area: Rect(x: valueX, y: y, width: width, height: 2), focused: notesFocused)
        y += 2
        let membersFocused = label(.members)
        grid.put("\(f.ticked.intersection(f.people).count) of \(f.people.count) ticked · Space ticks, a letter jumps",
                 x: valueX, y: y, role: .muted, limit: width)
        y += 1
        let rows = max(1, inner.maxY - 3 - y)
        members(&grid, f, focused: membersFocused, area: Rect(x: valueX, y: y, width: width, height: rows))
        y = inner.maxY - 2
        let focused = f.field == .save && !f.confirmingDiscard
        let save = f.saving ? "[ Saving… ]" : "[ Save ]"
        grid.put(save, x: valueX, y: y, role: focused ? .selection : .keyhintKey, attrs: focused ? [.reverse, .bold] : .bold)
        grid.put("  Ctrl-S saves · Esc leaves", x: valueX + save.count, y: y, role: .muted, limit: max(0, width - save.count))
        if let error = f.error {
            grid.putMessage(error, x: inner.x + 1, bottom: inner.maxY - 1, width: inner.width - 1, maxLines: 2, role: .error, attrs: .bold)
        }
        if f.confirmingDiscard {
            ConfirmView.draw(into: &grid, title: "Leave without saving?", line: "Your changes will be lost.", note: "",
                             yes: "leave", no: "keep editing")
        }
    }

    /// The window of the members list that holds the cursor.
    static func members(_ grid: inout Grid, _ f: GroupForm, focused: Bool, area: Rect) {
        guard !f.people.isEmpty else {
            grid.put("Nobody to add yet: people come in with n in the roster.", x: area.x, y: area.y, role: .muted, limit: area.width)
            return
        }
        let top = min(max(0, f.cursor - area.height + 1), max(0, f.people.count - area.height))
        for row in 0..<min(area.height, f.people.count - top) {
            let i = top + row
            let on = f.ticked.contains(f.people[i])
            let here = focused && i == f.cursor
            let line = (on ? "[x] " : "[ ] ") + TerminalText.truncate(f.names[i], to: area.width - 4)
            grid.put(line, x: area.x, y: area.y + row, role: here ? .selection : (on ? .accent : .text),
                     attrs: here ? .reverse : (on ? .bold : []), limit: area.width)
        }
        if top > 0 { grid.put("↑", x: area.maxX - 1, y: area.y, role: .muted) }
        if top + area.height < f.people.count { grid.put("↓", x: area.maxX - 1, y: area.maxY - 1, role: .muted) }
    }
}
