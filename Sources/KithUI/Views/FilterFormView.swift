import KithCore

/// `f` on the timeline: which moments to show.
enum FilterFormView {
    static func draw(into grid: inout Grid, form f: FilterForm, state: AppState) {
        let area = Screen.centred(width: 72, height: 12, in: grid)
        guard area.width >= 20, area.height >= 5 else { return }
        grid.fill(area)
        grid.box(area, title: "Show moments that…", focused: f.picker == nil)
        let inner = area.inset(1)
        let valueX = inner.x + 12
        let width = inner.maxX - valueX
        var y = inner.y
        let hints: [FilterField: String] = [
            .text: "text in the note (case and accents ignored)",
            .since: "a date: 2026-01-01, last week, 3m, friday…",
            .until: "a date",
        ]
        for field in FilterField.allCases where y < inner.maxY {
            let focused = field == f.field && f.picker == nil
            if field == .apply {
                y = max(y, inner.maxY - 2)
                grid.put("[ Show ]", x: valueX, y: y, role: focused ? .selection : .keyhintKey, attrs: focused ? [.reverse, .bold] : .bold)
                grid.put("  Ctrl-S shows · Esc leaves as it was", x: valueX + 8, y: y, role: .muted, limit: max(0, width - 8))
                break
            }
            grid.put(focused ? "▶" : " ", x: inner.x, y: y, role: .borderFocused, attrs: .bold)
            grid.putPadded(field.label, x: inner.x + 2, y: y, width: 9, role: focused ? .title : .muted, attrs: focused ? .bold : [])
            switch field {
            case .text, .since, .until:
                let buffer = field == .text ? f.text : field == .since ? f.since : f.until
                if buffer.isEmpty && !focused { grid.put(TerminalText.truncate(hints[field] ?? "", to: width), x: valueX, y: y, role: .muted) }
                else { CheckInView.text(&grid, buffer, x: valueX, y: y, width: width, focused: focused) }
            case .emotions:
                let text = f.emotions.isEmpty ? (focused ? "any · Enter opens the picker" : "any")
                    : f.emotions.map(Words.chip).joined(separator: ", ") + " (or more)"
                grid.put(text, x: valueX, y: y, role: f.emotions.isEmpty ? .muted : .accent, limit: width)
            case .kinds:
                y += toggles(&grid, MomentKind.allCases.map(\.rawValue), on: MomentKind.allCases.map { f.kinds.contains($0) },
                             cursor: focused ? f.kindCursor : nil, x: valueX, y: y, maxX: inner.maxX, maxY: inner.maxY) - 1
            case .channels:
                y += toggles(&grid, Channel.allCases.map(\.label), on: Channel.allCases.map { f.channels.contains($0) },
                             cursor: focused ? f.channelCursor : nil, x: valueX, y: y, maxX: inner.maxX, maxY: inner.maxY) - 1
            case .apply:
                break
            }
            y += 1
        }
        if let error = f.error {
            grid.putMessage(error, x: inner.x + 1, bottom: inner.maxY - 1, width: inner.width - 1, maxLines: 2, role: .error, attrs: .bold)
        }
        if let p = f.picker { PickerView.draw(into: &grid, picker: p, state: state) }
    }

    /// Options that each can be on or off, those on in brackets, wrapping onto more
    /// lines when the row is narrow. Returns the lines used.
    static func toggles(_ grid: inout Grid, _ labels: [String], on: [Bool], cursor: Int?, x: Int, y: Int, maxX: Int, maxY: Int) -> Int {
        var cx = x, cy = y
        for i in labels.indices {
            let label = on[i] ? "[\(labels[i])]" : " \(labels[i]) "
            let w = TerminalText.width(label)
            if cx + w > maxX && cx > x && cy + 1 < maxY { cy += 1; cx = x }
            let isCursor = cursor == i
            grid.put(label, x: cx, y: cy, role: isCursor ? .selection : (on[i] ? .accent : .text),
                     attrs: isCursor ? .reverse : (on[i] ? .bold : []), limit: maxX - cx)
            cx += w
        }
        return cy - y + 1
    }
}
