import KithCore

/// The check-in form: one row per field, the focused one marked, choices shown with
/// the current one in brackets (so they read without colour), the note as a small
/// multi-line editor.
enum CheckInView {
    static func draw(into grid: inout Grid, form f: CheckInForm, state: AppState) {
        let area = Screen.centred(width: 78, height: 22, in: grid)
        guard area.width >= 20, area.height >= 5 else { return }
        grid.fill(area)
        let verb = f.editing == nil ? "Check in with" : "Edit a moment with"
        grid.box(area, title: "\(verb) \(f.title)", focused: f.picker == nil)
        let visible = area.inset(1)
        // The body is laid out at a height that fits every field, then the rows around
        // the focused field are shown: a short terminal scrolls, nothing is hidden.
        var body = Grid(width: visible.width, height: max(visible.height, f.fields.count + 6))
        let rows = drawBody(into: &body, form: f, state: state)
        let focusRow = rows[f.field] ?? 0
        let offset = max(0, min(body.height - visible.height, focusRow - visible.height + 3))
        grid.blit(body, fromRow: offset, into: visible)
        if let error = f.error {
            grid.putMessage(error, x: visible.x + 1, bottom: visible.maxY - 1, width: visible.width - 1, maxLines: 2,
                            role: .error, attrs: .bold)
        } else if let help = f.field.help, visible.height >= 12 {
            let shown = f.typingGoesToNote && !f.field.isText ? help + " Typing → note." : help
            grid.put(TerminalText.truncate(shown, to: visible.width - 1), x: visible.x + 1, y: visible.maxY - 1, role: .muted)
        }
        if let p = f.picker { PickerView.draw(into: &grid, picker: p, state: state) }
        if f.confirmingDiscard {
            ConfirmView.draw(into: &grid, title: f.editing == nil ? "Discard this check-in?" : "Discard your changes?",
                             line: "What you typed will be lost.", note: "", yes: "discard", no: "keep editing")
        }
    }

    /// Draws every field into `grid` from its top-left; returns the row of each field.
    static func drawBody(into grid: inout Grid, form f: CheckInForm, state: AppState) -> [CheckInField: Int] {
        var rowOf: [CheckInField: Int] = [:]
        let inner = Rect(x: 0, y: 0, width: grid.width, height: grid.height - 1)
        let labelWidth = 12
        let valueX = inner.x + 2 + labelWidth
        let valueWidth = inner.maxX - valueX
        var y = inner.y
        let noteHeight = max(3, inner.height - (f.fields.count - 1) - 3)
        for field in f.fields where y < inner.maxY {
            rowOf[field] = y
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
                let at = valueX + TerminalText.width(f.date.text) + 2
                do {
                    let day = try Parse.day(f.date.text.isEmpty ? "today" : f.date.text, today: state.today)
                    grid.put(TerminalText.truncate(DateText.long(day, style: state.dateStyle) + (day > state.today ? " (in the future)" : ""), to: max(0, inner.maxX - at)),
                             x: at, y: y, role: day > state.today ? .error : .muted)
                } catch {
                    grid.put(TerminalText.truncate("? YYYY-MM-DD, yesterday, friday, 3d", to: max(0, inner.maxX - at)), x: at, y: y, role: .error)
                }
            case .time:
                if f.time.isEmpty && !focused { grid.put("— (optional)", x: valueX, y: y, role: .muted) }
                else { text(&grid, f.time, x: valueX, y: y, width: valueWidth, focused: focused) }
            case .channel:
                choices(&grid, Channel.allCases.map(\.label), selected: Channel.allCases.firstIndex(of: f.channel)!, x: valueX, y: y, width: valueWidth, focused: focused)
            case .reachedOut:
                choices(&grid, ["me", "them", "mutual"], selected: Initiator.allCases.firstIndex(of: f.initiator)!, x: valueX, y: y, width: valueWidth, focused: focused)
            case .who:
                y = ticks(&grid, f.memberNames, on: f.members.map(f.people.contains), cursor: focused ? f.whoCursor : nil,
                          x: valueX, y: y, maxX: inner.maxX, maxY: inner.maxY)
            case .kinds:
                y = ticks(&grid, MomentKind.allCases.map(\.rawValue), on: MomentKind.allCases.map(f.kinds.contains),
                          cursor: focused ? f.kindCursor : nil, x: valueX, y: y, maxX: inner.maxX, maxY: inner.maxY)
            case .emotions:
                var x = valueX
                if f.emotions.isEmpty {
                    grid.put(focused ? "none yet · Enter opens the picker" : "none", x: x, y: y, role: .muted, limit: valueWidth)
                }
                for tag in f.emotions {
                    let (role, attrs) = Words.chipStyle(tag, state.emotions)
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
        return rowOf
    }

    /// Choices in a row; the chosen one in brackets, reversed when the field has focus.
    /// A row of values ticked on or off (kinds, who was there), wrapping onto the next
    /// line when the row is narrow; returns the last line used.
    static func ticks(_ grid: inout Grid, _ labels: [String], on: [Bool], cursor: Int?,
                      x: Int, y: Int, maxX: Int, maxY: Int) -> Int {
        var x0 = x, y0 = y
        for (i, text) in labels.enumerated() {
            let label = on[i] ? "[\(text)]" : " \(text) "
            let w = TerminalText.width(label)
            if x0 + w > maxX && x0 > x && y0 + 1 < maxY { y0 += 1; x0 = x }
            let here = i == cursor
            grid.put(label, x: x0, y: y0, role: here ? .selection : (on[i] ? .accent : .text),
                     attrs: here ? .reverse : (on[i] ? .bold : []), limit: maxX - x0)
            x0 += w
        }
        return y0
    }

    static func choices(_ grid: inout Grid, _ options: [String], selected: Int, x: Int, y: Int, width: Int, focused: Bool) {
        var cx = x
        // On a narrow form, start late enough that the chosen value is always in sight.
        let widths = options.enumerated().map { TerminalText.width($0.offset == selected ? "[\($0.element)]" : " \($0.element) ") }
        var first = 0
        while first < selected && widths[first...selected].reduce(0, +) + (first > 0 ? 1 : 0) > width { first += 1 }
        if first > 0 { cx += grid.put("…", x: cx, y: y, role: .muted) }
        for (i, o) in options.enumerated() where i >= first {
            let on = i == selected
            let label = on ? "[\(o)]" : " \(o) "
            let w = TerminalText.width(label)
            if cx + w > x + width { grid.put("…", x: min(cx, x + width - 1), y: y, role: .muted); break }
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
    /// A note, its lines wrapped at the field's width: a long sentence once scrolled
    /// sideways on one row, its start out of sight, beside empty rows. Only the lines
    /// around the cursor are wrapped, so a long note costs what is drawn.
    static func note(_ grid: inout Grid, _ buffer: TextBuffer, area: Rect, focused: Bool) {
        if buffer.isEmpty && !focused {
            grid.put("— (Enter in this field adds a line)", x: area.x, y: area.y, role: .muted, limit: area.width)
            return
        }
        let lines = buffer.lines
        let line = buffer.cursorPosition.line
        var offset = buffer.cursor - buffer.lineStart(buffer.cursor)
        let width = max(1, area.width - 1)
        var rows: [Substring] = []
        var cursor = (row: 0, x: 0)
        for i in max(0, line - area.height)..<min(lines.count, line + area.height + 1) {
            let wrapped = wrap(lines[i], width: width)
            if i == line {
                // The row the cursor is in, by characters (a wide one may end a row early).
                var row = 0
                while row < wrapped.count - 1 && offset >= wrapped[row].count {
                    offset -= wrapped[row].count
                    row += 1
                }
                cursor = (rows.count + row, TerminalText.width(String(wrapped[row].prefix(offset))))
            }
            rows += wrapped
        }
        let top = max(0, cursor.row - area.height + 1)
        for r in 0..<area.height where top + r < rows.count {
            grid.put(String(rows[top + r]), x: area.x, y: area.y + r, role: .text, limit: area.width)
        }
        if focused { markCursor(&grid, x: area.x + cursor.x, y: area.y + cursor.row - top) }
    }

    /// A line cut into rows of at most `width` cells (a wide character never split).
    static func wrap(_ s: String, width: Int) -> [Substring] {
        var rows: [Substring] = []
        var start = s.startIndex, used = 0
        var i = s.startIndex
        while i < s.endIndex {
            let w = TerminalText.width(of: s[i])
            if used + w > width, used > 0 {
                rows.append(s[start..<i])
                start = i
                used = 0
            }
            used += w
            i = s.index(after: i)
        }
        rows.append(s[start..<s.endIndex])
        return rows
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
