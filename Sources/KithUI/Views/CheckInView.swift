import KithCore

/// The check-in form: one row per field, the focused one marked, choices shown with
/// the current one in brackets (so they read without colour), the note as a small
/// multi-line editor.
enum CheckInView {
    static func draw(into grid: inout Grid, form f: CheckInForm, state: AppState) {
        let area = Screen.centred(width: 78, height: 21, in: grid)
        guard area.width >= 20, area.height >= 5 else { return }
        grid.fill(area)
        let verb = f.editing == nil ? "Check in with" : "Edit a moment with"
        grid.box(area, title: "\(verb) \(f.title)", focused: f.picker == nil)
        let inner = area.inset(1)
        let labelWidth = 12
        let valueX = inner.x + 2 + labelWidth
        let valueWidth = inner.maxX - valueX
        var y = inner.y
        let noteHeight = max(1, inner.height - (f.fields.count - 1) - 3)
        for field in f.fields where y < inner.maxY {
            let focused = field == f.field && f.picker == nil && !f.confirmingDiscard
            if field == .save {
                y = min(y, inner.maxY - 1)
                let label = f.saving ? "[ Saving… ]" : "[ Save ]"
                grid.put(label, x: valueX, y: y, role: focused ? .selection : .keyhintKey, attrs: focused ? [.reverse, .bold] : .bold)
                grid.put("  Ctrl-S saves from any field · Esc leaves", x: valueX + label.count, y: y, role: .muted,
                         limit: max(0, inner.maxX - valueX - label.count))
                y += 1
                continue
            }
            grid.put(focused ? "▶" : " ", x: inner.x, y: y, role: .borderFocused, attrs: .bold)
            grid.putPadded(field.label, x: inner.x + 2, y: y, width: labelWidth, role: focused ? .title : .muted, attrs: focused ? .bold : [])
            switch field {
            case .date:
                text(&grid, f.date, x: valueX, y: y, width: valueWidth, focused: focused)
                if case .success(let m) = f.moment(today: state.today) {
                    let shown = "  " + DateText.long(m.day)
                    let at = valueX + TerminalText.width(f.date.text) + 2
                    if at + TerminalText.width(shown) < inner.maxX { grid.put(shown, x: at, y: y, role: .muted) }
                }
            case .time:
                if f.time.isEmpty && !focused { grid.put("— (optional)", x: valueX, y: y, role: .muted) }
                else { text(&grid, f.time, x: valueX, y: y, width: valueWidth, focused: focused) }
            case .channel:
                choices(&grid, Channel.allCases.map(\.label), selected: Channel.allCases.firstIndex(of: f.channel)!, x: valueX, y: y, width: valueWidth, focused: focused)
            case .reachedOut:
                choices(&grid, ["me", "them", "mutual"], selected: Initiator.allCases.firstIndex(of: f.initiator)!, x: valueX, y: y, width: valueWidth, focused: focused)
            case .kinds:
                // Wraps onto a second line when the row is narrow.
                var x = valueX
                for (i, k) in MomentKind.allCases.enumerated() {
                    let on = f.kinds.contains(k)
                    let label = on ? "[\(k.rawValue)]" : " \(k.rawValue) "
                    let w = TerminalText.width(label)
                    if x + w > inner.maxX && x > valueX && y + 1 < inner.maxY { y += 1; x = valueX }
                    let cursor = focused && i == f.kindCursor
                    grid.put(label, x: x, y: y, role: cursor ? .selection : (on ? .accent : .text),
                             attrs: cursor ? .reverse : (on ? .bold : []), limit: inner.maxX - x)
                    x += w
                }
            case .emotions:
                var x = valueX
                if f.emotions.isEmpty {
                    grid.put(focused ? "none yet · Enter opens the picker" : "none", x: x, y: y, role: .muted, limit: valueWidth)
                }
                for tag in f.emotions {
                    let (role, attrs) = Words.chipStyle(tag)
                    x += grid.put(Words.chip(tag), x: x, y: y, role: role, attrs: attrs, limit: inner.maxX - x)
                    x += grid.put(" ", x: x, y: y, limit: inner.maxX - x)
                }
                if focused && !f.emotions.isEmpty { grid.put("· Enter to change", x: x, y: y, role: .muted, limit: inner.maxX - x) }
            case .uplift:
                let values: [Int?] = [nil, -2, -1, 0, 1, 2]
                choices(&grid, values.map { $0.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "—" },
                        selected: values.firstIndex(of: f.uplift) ?? 0, x: valueX, y: y, width: valueWidth, focused: focused)
            case .depth:
                choices(&grid, Depth.allCases.map(\.rawValue), selected: Depth.allCases.firstIndex(of: f.depth)!, x: valueX, y: y, width: valueWidth, focused: focused)
            case .received:
                let values: [Reception?] = [nil] + Reception.allCases.map { $0 }
                choices(&grid, values.map { $0?.rawValue ?? "—" }, selected: values.firstIndex(of: f.received) ?? 0,
                        x: valueX, y: y, width: valueWidth, focused: focused)
            case .note:
                note(&grid, f.note, area: Rect(x: valueX, y: y, width: valueWidth, height: noteHeight), focused: focused)
                y += noteHeight - 1
            case .save:
                break
            }
            y += 1
        }
        if let error = f.error {
            grid.put(error, x: inner.x + 1, y: inner.maxY - 1, role: .error, attrs: .bold, limit: inner.width - 1)
        }
        if let p = f.picker { PickerView.draw(into: &grid, picker: p, state: state) }
        if f.confirmingDiscard {
            let box = Screen.centred(width: 46, height: 5, in: grid)
            grid.fill(box)
            grid.box(box, title: "Discard this check-in?", focused: true)
            grid.put(" What you typed will be lost.", x: box.x + 1, y: box.y + 1, role: .muted, limit: box.width - 2)
            grid.put(" y discard   n/Esc keep editing", x: box.x + 1, y: box.maxY - 2, role: .keyhintKey, attrs: .bold, limit: box.width - 2)
        }
    }

    /// Choices in a row; the chosen one in brackets, reversed when the field has focus.
    static func choices(_ grid: inout Grid, _ options: [String], selected: Int, x: Int, y: Int, width: Int, focused: Bool) {
        var cx = x
        for (i, o) in options.enumerated() {
            let on = i == selected
            let label = on ? "[\(o)]" : " \(o) "
            let w = TerminalText.width(label)
            if cx + w > x + width { break }
            grid.put(label, x: cx, y: y, role: on ? (focused ? .selection : .accent) : .muted, attrs: on ? (focused ? [.reverse, .bold] : .bold) : [])
            cx += w
        }
    }

    /// A one-line text field; the cell under the cursor reversed when focused.
    static func text(_ grid: inout Grid, _ buffer: TextBuffer, x: Int, y: Int, width: Int, focused: Bool) {
        let before = String(buffer.chars[0..<buffer.cursor])
        let scroll = max(0, TerminalText.width(before) - (width - 2))
        var shown = buffer.text
        if scroll > 0 { shown = String(dropCells(shown, scroll)) }
        grid.put(shown, x: x, y: y, role: .text, attrs: focused ? .underline : [], limit: width)
        if focused { markCursor(&grid, x: x + TerminalText.width(before) - scroll, y: y) }
    }

    /// The note: its lines wrapped to nothing fancy (long lines are cut at the edge),
    /// scrolled to keep the cursor in view.
    static func note(_ grid: inout Grid, _ buffer: TextBuffer, area: Rect, focused: Bool) {
        let lines = buffer.lines
        let (line, column) = buffer.cursorPosition
        let top = max(0, line - area.height + 1)
        if buffer.isEmpty && !focused {
            grid.put("— (Enter in this field adds a line)", x: area.x, y: area.y, role: .muted, limit: area.width)
            return
        }
        for row in 0..<area.height {
            let i = top + row
            guard i < lines.count else { break }
            let scroll = i == line ? max(0, column - (area.width - 2)) : 0
            grid.put(String(dropCells(lines[i], scroll)), x: area.x, y: area.y + row, role: .text, limit: area.width)
            if focused && i == line { markCursor(&grid, x: area.x + column - scroll, y: area.y + row) }
        }
    }

    static func markCursor(_ grid: inout Grid, x: Int, y: Int) {
        guard x >= 0, x < grid.width, y >= 0, y < grid.height else { return }
        if grid[x, y].text.isEmpty, x > 0 { grid[x - 1, y].attrs.insert(.reverse); return }
        grid[x, y].attrs.insert(.reverse)
        grid[x, y].role = .selection
    }

    static func dropCells(_ s: String, _ cells: Int) -> Substring {
        var w = 0
        var i = s.startIndex
        while i < s.endIndex, w < cells {
            w += TerminalText.width(of: s[i])
            i = s.index(after: i)
        }
        return s[i...]
    }
}
