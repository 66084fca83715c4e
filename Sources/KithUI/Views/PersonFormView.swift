import KithCore

/// Adding or editing a person: one row per field, like the check-in form.
enum PersonFormView {
    static func draw(into grid: inout Grid, form f: PersonForm, state: AppState) {
        let area = Screen.centred(width: 72, height: 16, in: grid)
        guard area.width >= 20, area.height >= 5 else { return }
        grid.fill(area)
        let title = f.id == nil ? "Add a person" : "Edit \(f.editing)"
        grid.box(area, title: title, focused: !f.confirmingDiscard)
        let inner = area.inset(1)
        let valueX = inner.x + 12
        let width = inner.maxX - valueX
        var y = inner.y
        let hints: [PersonField: String] = [
            .every: "e.g. 10d, 3w, 2m; empty: the circle's cadence",
            .birthday: "YYYY-MM-DD, or --MM-DD without the year",
            .groups: "names, comma separated; new ones are created",
            .nickname: "optional",
        ]
        for field in PersonField.allCases where y < inner.maxY {
            let focused = field == f.field && !f.confirmingDiscard
            if field == .save {
                y = max(y, inner.maxY - 2)
                let label = f.saving ? "[ Saving… ]" : "[ Save ]"
                grid.put(label, x: valueX, y: y, role: focused ? .selection : .keyhintKey, attrs: focused ? [.reverse, .bold] : .bold)
                grid.put("  Ctrl-S saves · Esc leaves", x: valueX + label.count, y: y, role: .muted, limit: max(0, inner.maxX - valueX - label.count))
                break
            }
            grid.put(focused ? "▶" : " ", x: inner.x, y: y, role: .borderFocused, attrs: .bold)
            grid.putPadded(field.label, x: inner.x + 2, y: y, width: 9, role: focused ? .title : .muted, attrs: focused ? .bold : [])
            switch field {
            case .circle:
                CheckInView.choices(&grid, Circle.allCases.map(\.rawValue), selected: Circle.allCases.firstIndex(of: f.circle)!,
                                    x: valueX, y: y, width: width, focused: focused)
            case .bond:
                let values: [BondPurpose?] = [nil] + BondPurpose.allCases.map { $0 }
                CheckInView.choices(&grid, values.map { $0?.rawValue ?? "—" }, selected: values.firstIndex(of: f.bond) ?? 0,
                                    x: valueX, y: y, width: width, focused: focused)
            case .notes:
                CheckInView.note(&grid, f.notes, area: Rect(x: valueX, y: y, width: width, height: 3), focused: focused)
                y += 2
            default:
                let buffer: TextBuffer
                switch field {
                case .name: buffer = f.name
                case .nickname: buffer = f.nickname
                case .every: buffer = f.every
                case .birthday: buffer = f.birthday
                default: buffer = f.groups
                }
                if buffer.isEmpty && !focused, let hint = hints[field] {
                    grid.put(TerminalText.truncate(hint, to: width), x: valueX, y: y, role: .muted)
                } else {
                    CheckInView.text(&grid, buffer, x: valueX, y: y, width: width, focused: focused)
                    if focused, let hint = hints[field], buffer.isEmpty {
                        grid.put(hint, x: valueX + 1, y: y, role: .muted, limit: width - 1)
                    }
                }
            }
            y += 1
        }
        if let error = f.error {
            grid.putMessage(error, x: inner.x + 1, bottom: inner.maxY - 1, width: inner.width - 1, maxLines: 2, role: .error, attrs: .bold)
        }
        if f.confirmingDiscard {
            ConfirmView.draw(into: &grid, title: "Leave without saving?", line: "Your changes will be lost.", note: "",
                             yes: "leave", no: "keep editing")
        }
    }
}
